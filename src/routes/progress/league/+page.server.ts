import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { leagueHistory, leagueStanding } from '$lib/server/progress/league-view';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const page = Number(event.url.searchParams.get('page'));
	const standing = await leagueStanding(db, user.id, new Date());
	return {
		userId: user.id,
		standing,
		history: await leagueHistory(db, user.id, Number.isInteger(page) ? page : 1)
	};
};
