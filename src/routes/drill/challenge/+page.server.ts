import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { challengeBest } from '$lib/server/drill/view';
import { loadPlay, playActions, requireOfficer } from '../play.server';

const spec = { mode: 'challenge' } as const;

export const load: PageServerLoad = async (event) => {
	const user = requireOfficer(event);
	const play = await loadPlay(event, spec);
	// The best before the run just finished, to tell a new personal best.
	const best = await challengeBest(getDb(), user.id, play.result?.id);
	return { ...play, best };
};

export const actions: Actions = playActions(
	() => spec,
	() => '/drill/challenge'
);
