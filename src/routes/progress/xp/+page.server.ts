import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { xpLedger } from '$lib/server/progress/ledger';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const page = Number(event.url.searchParams.get('page'));
	return { ledger: await xpLedger(getDb(), user.id, Number.isInteger(page) ? page : 1) };
};
