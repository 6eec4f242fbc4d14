import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { checkImport, commitImport, ImportBlockedError } from '$lib/server/bank/io/import';
import { IMPORT_MAX_BYTES, IMPORT_MAX_QUESTIONS } from '$lib/server/bank/io/types';
import { topics } from '$lib/server/db/schema/bank';
import { getDb } from '$lib/server/db';
import { currentLocale, failFromError, field } from '$lib/server/forms';
import { translateError } from '$lib/server/i18n';
import { buildPreview, readChoices, readUpload, type Upload } from './preview';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'trainer', 'admin');
	return {
		topics: [...topics],
		maxMb: IMPORT_MAX_BYTES / 1024 / 1024,
		maxQuestions: IMPORT_MAX_QUESTIONS
	};
};

export const actions: Actions = {
	/** Step 1: parse and check the whole file and list every problem; writes nothing. */
	preview: async (event) => {
		const actor = requireRole(event, 'trainer', 'admin');
		const data = await event.request.formData();
		const { values, options } = readChoices(data);
		try {
			const upload = await readUpload(data);
			const check = await checkImport(getDb(), upload.parsed, options, actor.unitPath);
			return { values, preview: buildPreview(upload, check, currentLocale()) };
		} catch (e) {
			return failFromError(e, values);
		}
	},

	/**
	 * Step 2: the browser sends the file again. It is parsed and checked again inside the
	 * import's transaction, and imported only if it is the file that was previewed (same digest).
	 * Questions are owned by the importer's unit and start as drafts or in review, never published.
	 */
	commit: async (event) => {
		const actor = requireRole(event, 'trainer', 'admin');
		const data = await event.request.formData();
		const { values, options } = readChoices(data);
		const db = getDb();
		const locale = currentLocale();
		let upload: Upload | undefined;
		try {
			upload = await readUpload(data);
			if (upload.digest !== field(data, 'digest')) {
				const check = await checkImport(db, upload.parsed, options, actor.unitPath);
				return { values, preview: buildPreview(upload, check, locale), changed: true };
			}
			const owner = { unitId: actor.unitId, authorId: actor.id };
			const { imported } = await commitImport(db, upload.parsed, options, owner, actor.unitPath);
			return { values, imported, importedAs: options.status };
		} catch (e) {
			if (e instanceof ImportBlockedError && upload) {
				return fail(400, {
					values,
					preview: buildPreview(upload, e.check, locale),
					message: translateError(e.code, e.params, locale)
				});
			}
			return failFromError(e, values);
		}
	}
};
