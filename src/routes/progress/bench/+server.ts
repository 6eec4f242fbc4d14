// Baseline for `npm run bench:drill` only: one authenticated JSON request doing one insert, on
// the same server, hooks and connection pool as POST /drill/answer, so the bench's ratio shows
// what the answer itself costs. It does not exist unless the server was started with
// BENCH_BASELINE=1, and the table it writes to is created by the bench, never by migrations.
import { error, json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import type { RequestHandler } from './$types';
import { env } from '$env/dynamic/private';
import { getDb } from '$lib/server/db';

export const POST: RequestHandler = async ({ locals, request }) => {
	if (env.BENCH_BASELINE !== '1') error(404, { message: 'not_found' });
	if (!locals.user) return json({ code: 'signed_out' }, { status: 401 });
	const body = (await request.json()) as { key?: unknown };
	if (typeof body.key !== 'string') return json({ code: 'bad_payload' }, { status: 400 });
	await getDb().execute(
		sql`insert into bench_baseline (key, user_id) values (${body.key}, ${locals.user.id})`
	);
	return json({ ok: true });
};
