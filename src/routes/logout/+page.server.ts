import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { invalidateSession } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { endSessionSockets } from '$lib/server/realtime/sessions';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		const { session } = event.locals;
		if (session) {
			await invalidateSession(getDb(), session.id);
			endSessionSockets({ sessionId: session.id }, 'signed_out');
		}
		deleteSessionCookie(event);
		redirect(303, '/login');
	}
};
