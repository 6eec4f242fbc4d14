import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { importAccounts, ImportRowsError } from '$lib/server/accounts/import';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { DomainError, isDomainError } from '$lib/server/errors';
import { currentLocale, field } from '$lib/server/forms';
import { translateError, type Locale } from '$lib/server/i18n';
import { log } from '$lib/server/log';
import { describeProblems, readUpload } from '../preview';
import type { ImportLine } from '../progress';
import { ndjsonResponse, progressGate } from './ndjson';

async function readMultipart(request: Request): Promise<FormData | undefined> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.toLowerCase().startsWith('multipart/form-data')) return undefined;
	try {
		return await request.formData();
	} catch {
		return undefined;
	}
}

function refusal(e: unknown, locale: Locale): ImportLine {
	if (!isDomainError(e)) {
		log.error('account import failed', { err: e });
		return {
			error: { code: 'import_failed', message: translateError('import_failed', {}, locale) }
		};
	}
	const message = translateError(e.code, e.params, locale);
	if (e instanceof ImportRowsError) {
		return { error: { code: e.code, message, problems: describeProblems(e.problems, locale) } };
	}
	return { error: { code: e.code, message } };
}

/**
 * The import step for browsers with JS: the same file, guards and checks as the page's `commit`
 * action, answered with NDJSON progress lines and then `{ done, imported }` or `{ error }`.
 */
export const POST: RequestHandler = async (event) => {
	const actor = requireRole(event, 'trainer', 'admin');
	const locale = currentLocale();
	const data = await readMultipart(event.request);
	if (!data) {
		const message = translateError('import_not_multipart', {}, locale);
		return json({ error: { code: 'import_not_multipart', message } }, { status: 400 });
	}
	const db = getDb();
	return ndjsonResponse(
		async (send, signal) => {
			const upload = await readUpload(data);
			// Only the file that was checked on the page may be imported.
			if (upload.digest !== field(data, 'digest')) throw new DomainError('import_file_changed');
			const gate = progressGate();
			const { imported } = await importAccounts(db, actor, upload.rows, {
				signal,
				onProgress: (done, total, phase) => {
					if (gate(done, total, phase)) send({ phase, done, total });
				}
			});
			send({ done: true, imported });
		},
		(e) => refusal(e, locale)
	);
};
