import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signIn } from '$lib/server/accounts/signin';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { failFromError, field, safeNextPath } from '$lib/server/forms';
import { getSetting } from '$lib/server/settings';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNextPath(url.searchParams.get('next')));
	return { signupOpen: await getSetting(getDb(), 'signupOpen') };
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const username = field(data, 'username');
		const password = field(data, 'password');
		const next = safeNextPath(field(data, 'next') || event.url.searchParams.get('next'));
		const db = getDb();
		try {
			const user = await signIn(db, { username, password, address: event.getClientAddress() });
			const token = generateSessionToken();
			const session = await createSession(db, token, user.id);
			setSessionCookie(event, token, session.expiresAt);
		} catch (e) {
			return failFromError(e, { username }, 400);
		}
		redirect(303, next);
	}
};
