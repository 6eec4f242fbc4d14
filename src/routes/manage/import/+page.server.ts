import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { importAccounts } from '$lib/server/accounts/import';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { failFromError, currentLocale, field } from '$lib/server/forms';
import { translateError } from '$lib/server/i18n';
import { buildPreview, readUpload } from './preview';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'trainer', 'admin');
	return {};
};

export const actions: Actions = {
	/** Step 1: check the whole file and list every problem; writes nothing. */
	preview: async (event) => {
		const actor = requireRole(event, 'trainer', 'admin');
		const data = await event.request.formData();
		try {
			const upload = await readUpload(data);
			return { preview: await buildPreview(getDb(), actor, upload, currentLocale()) };
		} catch (e) {
			return failFromError(e, {});
		}
	},

	/**
	 * Step 2: the browser sends the file again. It is parsed and checked again here, and only
	 * imported when it is the file that was previewed (same digest) and it has no problems.
	 */
	commit: async (event) => {
		const actor = requireRole(event, 'trainer', 'admin');
		const data = await event.request.formData();
		const db = getDb();
		const locale = currentLocale();
		try {
			const upload = await readUpload(data);
			if (upload.digest !== field(data, 'digest')) {
				return { preview: await buildPreview(db, actor, upload, locale), changed: true };
			}
			const preview = await buildPreview(db, actor, upload, locale);
			if (preview.problemCount > 0) {
				const params = { count: preview.problemCount };
				return fail(400, { preview, message: translateError('import_has_errors', params, locale) });
			}
			const { imported } = await importAccounts(db, actor, upload.rows);
			return { imported };
		} catch (e) {
			return failFromError(e, {});
		}
	}
};
