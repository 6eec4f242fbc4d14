import type { LayoutServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';

export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return {
		locale: getLocale(),
		user: user && {
			id: user.id,
			username: user.username,
			displayName: user.displayName,
			role: user.role,
			unitNameZh: user.unitNameZh,
			unitNameEn: user.unitNameEn
		}
	};
};
