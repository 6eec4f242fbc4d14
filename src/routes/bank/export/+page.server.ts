import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'trainer', 'admin');
	return {};
};
