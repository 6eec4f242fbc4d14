import type { PageServerLoad } from './$types';
import { requireHostedContest } from '../hosted.server';

export const load: PageServerLoad = (event) => requireHostedContest(event);
