import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { pingDatabase } from '$lib/server/db/client';
import { getDb } from '$lib/server/db';

// Public on purpose (load balancers call it); reveals nothing but up/down.
export const GET: RequestHandler = async () => {
	let database = false;
	try {
		database = await pingDatabase(getDb());
	} catch {
		database = false;
	}
	return json(
		{ status: database ? 'ok' : 'degraded', database: database ? 'ok' : 'unreachable' },
		{ status: database ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
