import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { CLEAR_AFTER_DAYS } from '$lib/server/drill/mistake-rule';
import { drillOverview } from '$lib/server/drill/view';
import { requireOfficer } from './play.server';

export const load: PageServerLoad = async (event) => {
	const user = requireOfficer(event);
	return {
		userId: user.id,
		overview: await drillOverview(getDb(), user.id),
		clearAfterDays: CLEAR_AFTER_DAYS
	};
};
