import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { getJoinInfo } from '$lib/server/contest/play-info';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const contest = await getJoinInfo(getDb(), params.code);
	if (!contest) error(404, { message: 'contest_not_found' });
	// Contests for signed-in officers only send everyone else to sign in first, then back here.
	if (!locals.user && !contest.allowGuests && contest.status !== 'ended') {
		redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	}
	return {
		contest: {
			id: contest.id,
			code: contest.code,
			title: contest.title,
			status: contest.status,
			allowGuests: contest.allowGuests,
			teams: contest.teams
		},
		signedIn: !!locals.user
	};
};
