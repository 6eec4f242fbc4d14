import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { field, safeNextPath } from '$lib/server/forms';
import { cookieName, isLocale } from '$lib/paraglide/runtime';

export const load: PageServerLoad = () => redirect(303, '/');

// A form post, not client-side JS, so the switch works with JavaScript off too.
export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const locale = field(data, 'locale');
		if (isLocale(locale)) {
			event.cookies.set(cookieName, locale, {
				path: '/',
				maxAge: 60 * 60 * 24 * 400,
				httpOnly: false,
				sameSite: 'lax',
				secure: event.url.protocol === 'https:'
			});
		}
		redirect(303, safeNextPath(field(data, 'next')));
	}
};
