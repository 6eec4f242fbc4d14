// JSON endpoint for the player and its offline queue. Refusals carry a code and a message;
// the queue drops an answer on a 4xx refusal and keeps it on 401 (signed out) or 5xx/network.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { recordAnswer } from '$lib/server/drill/answer';
import { parseAnswerPayload } from '$lib/server/drill/answer-input';
import { isDomainError } from '$lib/server/errors';
import { currentLocale } from '$lib/server/forms';
import { translateError } from '$lib/server/i18n';

function refusal(code: string, status: number) {
	return json({ code, message: translateError(code, {}, currentLocale()) }, { status });
}

export const POST: RequestHandler = async ({ locals, request }) => {
	// Not requireRole: a script must get a status it can act on, not a redirect to /login.
	if (!locals.user) return refusal('drill_signed_out', 401);
	if (locals.user.role !== 'officer') return refusal('forbidden', 403);
	// JSON only, so a cross-site page cannot post here without a CORS preflight we never allow.
	if (!request.headers.get('content-type')?.startsWith('application/json')) {
		return refusal('drill_bad_payload', 415);
	}
	let raw: unknown;
	try {
		raw = await request.json();
	} catch {
		return refusal('drill_bad_payload', 400);
	}
	try {
		const result = await recordAnswer(getDb(), locals.user.id, parseAnswerPayload(raw));
		return json({ result });
	} catch (e) {
		if (!isDomainError(e)) throw e;
		// 503 keeps a busy answer in the phone's queue for another try; other refusals are final.
		const status = e.code === 'drill_session_not_found' ? 404 : e.code === 'drill_busy' ? 503 : 400;
		return refusal(e.code, status);
	}
};
