// Saves one answer for pages with JavaScript (each choice is saved as it is made), and for
// other clients. POST {"position": 3, "response": "AC" | true | "text" | null} in the letters
// shown; 204 when saved. Refusals answer {code, message}: 409 `exam_late` after the deadline
// plus its 5 s grace (the attempt is then handed in with the answers saved before it).
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { isDomainError } from '$lib/server/errors';
import { currentLocale } from '$lib/server/forms';
import { translateError } from '$lib/server/i18n';
import { saveExamAnswer } from '$lib/server/drill/exam-submit';

const STATUS: Record<string, number> = {
	exam_not_found: 404,
	exam_not_yours: 403,
	exam_late: 409,
	exam_submitted: 409
};

function refuse(code: string, status = STATUS[code] ?? 400) {
	return json({ code, message: translateError(code, {}, currentLocale()) }, { status });
}

export const POST: RequestHandler = async (event) => {
	const user = event.locals.user;
	if (!user) error(401, { message: 'unauthorised' });
	const body: unknown = await event.request.json().catch(() => null);
	if (!body || typeof body !== 'object') return refuse('exam_response_invalid');
	const { position, response } = body as { position?: unknown; response?: unknown };
	if (response !== null && typeof response !== 'string' && typeof response !== 'boolean') {
		return refuse('exam_response_invalid');
	}
	try {
		await saveExamAnswer(
			getDb(),
			user,
			{ examId: Number(event.params.id), position: Number(position), response },
			new Date()
		);
	} catch (e) {
		if (isDomainError(e)) return refuse(e.code);
		throw e;
	}
	return new Response(null, { status: 204 });
};
