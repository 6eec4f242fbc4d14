import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { listMistakes } from '$lib/server/drill/listings';
import { loadPlay, playActions, requireOfficer } from '../play.server';

const spec = { mode: 'mistakes' } as const;

export const load: PageServerLoad = async (event) => {
	const user = requireOfficer(event);
	const page = Number(event.url.searchParams.get('page')) || 1;
	const [play, notebook] = await Promise.all([
		loadPlay(event, spec),
		listMistakes(getDb(), user.id, page)
	]);
	return { ...play, notebook };
};

export const actions: Actions = playActions(
	() => spec,
	() => '/drill/mistakes'
);
