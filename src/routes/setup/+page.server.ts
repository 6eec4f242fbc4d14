import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createFirstAdmin, isSetupTokenValid } from '$lib/server/accounts/setup';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { DomainError } from '$lib/server/errors';
import { failFromError, failWithCode, field } from '$lib/server/forms';

export const load: PageServerLoad = async ({ url }) => {
	const token = url.searchParams.get('token');
	if (!(await isSetupTokenValid(getDb(), token))) error(403, { message: 'setup_token_invalid' });
	return { token };
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const values = { username: field(data, 'username'), displayName: field(data, 'displayName') };
		const password = field(data, 'password');
		if (password !== field(data, 'passwordConfirm'))
			return failWithCode('password_mismatch', values);
		const db = getDb();
		try {
			const admin = await createFirstAdmin(db, field(data, 'token'), { ...values, password });
			const token = generateSessionToken();
			const session = await createSession(db, token, admin.id);
			setSessionCookie(event, token, session.expiresAt);
		} catch (e) {
			const tokenProblem = e instanceof DomainError && e.code === 'setup_token_invalid';
			return failFromError(e, values, tokenProblem ? 403 : 400);
		}
		redirect(303, '/');
	}
};
