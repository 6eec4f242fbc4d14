import type { Actions, PageServerLoad } from './$types';
import { loadPlay, playActions } from '../play.server';

const spec = { mode: 'daily' } as const;

export const load: PageServerLoad = (event) => loadPlay(event, spec);

export const actions: Actions = playActions(
	() => spec,
	() => '/drill/daily'
);
