import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signUpOfficer } from '$lib/server/accounts/signup';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { failFromError, failWithCode, field } from '$lib/server/forms';
import { listUnitsWithin } from '$lib/server/org/units';
import { getSetting } from '$lib/server/settings';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, '/');
	const db = getDb();
	const [signupOpen, units] = await Promise.all([
		getSetting(db, 'signupOpen'),
		listUnitsWithin(db, '/')
	]);
	return {
		signupOpen,
		units: units
			.filter((u) => u.level !== 'national')
			.map((u) => ({
				id: u.id,
				nameZh: u.nameZh,
				nameEn: u.nameEn,
				depth: u.path.split('/').length - 3
			}))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const values = {
			username: field(data, 'username'),
			displayName: field(data, 'displayName'),
			unitId: field(data, 'unitId')
		};
		const password = field(data, 'password');
		if (password !== field(data, 'passwordConfirm'))
			return failWithCode('password_mismatch', values);
		const db = getDb();
		try {
			const user = await signUpOfficer(db, { ...values, password, unitId: Number(values.unitId) });
			const token = generateSessionToken();
			const session = await createSession(db, token, user.id);
			setSessionCookie(event, token, session.expiresAt);
		} catch (e) {
			return failFromError(e, values);
		}
		redirect(303, '/');
	}
};
