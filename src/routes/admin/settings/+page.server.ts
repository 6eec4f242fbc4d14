import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { failWithCode, field } from '$lib/server/forms';
import { isRootPath } from '$lib/server/org/units';
import { getSetting, setSetting } from '$lib/server/settings';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin');
	return {
		signupOpen: await getSetting(getDb(), 'signupOpen'),
		canChange: isRootPath(user.unitPath)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'admin');
		const data = await event.request.formData();
		// An unchecked box is absent from the form, which means "closed".
		const signupOpen = field(data, 'signupOpen') === 'on';
		// Platform-wide switches affect every province: only the national admin may flip them.
		if (!isRootPath(user.unitPath)) {
			return failWithCode('settings_national_only', { signupOpen }, 403);
		}
		await setSetting(getDb(), 'signupOpen', signupOpen);
		return { saved: true };
	}
};
