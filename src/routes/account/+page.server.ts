import type { Actions, PageServerLoad } from './$types';
import { changePassword } from '$lib/server/accounts/users';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { requireUser } from '$lib/server/auth/guards';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { failFromError, failWithCode, field } from '$lib/server/forms';
import { endSessionSockets } from '$lib/server/realtime/sessions';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { username: user.username };
};

export const actions: Actions = {
	changePassword: async (event) => {
		const user = requireUser(event);
		const data = await event.request.formData();
		const current = field(data, 'currentPassword');
		const next = field(data, 'newPassword');
		if (next !== field(data, 'newPasswordConfirm')) return failWithCode('password_mismatch', {});
		const db = getDb();
		try {
			// Signs out every session of the user (other devices too), then opens a fresh one here.
			await changePassword(db, user.id, current, next);
		} catch (e) {
			return failFromError(e, {});
		}
		endSessionSockets({ userId: user.id }, 'password_changed');
		const token = generateSessionToken();
		const session = await createSession(db, token, user.id);
		setSessionCookie(event, token, session.expiresAt);
		return { changed: true };
	}
};
