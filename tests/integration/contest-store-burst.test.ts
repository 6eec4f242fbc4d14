// A burst of answers is group-committed: thousands of answers for one question are stored in a
// handful of transactions, every acknowledged answer is in contest_answer, and none is lost.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { ContestHub, createContest } from '../../src/lib/server/contest/service';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { draft, publishQuestions, question, round } from './contest-fixtures';

const CONTESTANTS = 2000;
let t: TestDatabase;

beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t.close();
});

it(`stores a burst of ${CONTESTANTS} answers to one question quickly, and every one of them`, async () => {
	const host = await makeUser(t.db, 'burst-host', 'trainer', '210000');
	const qids = await publishQuestions(t.db, '210000', [question({ answer: 'A' })]);
	const { id } = await createContest(
		t.db,
		host,
		draft({ rounds: [round({ questionIds: qids, limitSeconds: 60 })] })
	);
	let batches = 0;
	const hub = new ContestHub({ db: t.db, onEvents: () => (batches += 1) });
	try {
		const joined = await Promise.all(
			Array.from({ length: CONTESTANTS }, (_, i) => hub.join(id, { name: `选手${i + 1}` }))
		);
		const ids = joined.map((j) => ('contestantId' in j ? j.contestantId : j.code));
		expect(ids.every((c) => c.startsWith('g'))).toBe(true);
		expect((await hub.execute(id, { type: 'start' })).ok).toBe(true);
		batches = 0;
		const started = performance.now();
		const results = await Promise.all(
			ids.map((contestantId, i) =>
				hub.execute(id, {
					type: 'answer',
					contestantId,
					round: 0,
					index: 0,
					response: 'ABCD'[i % 4]
				})
			)
		);
		const ms = performance.now() - started;
		const acked = results.filter((r) => r.ok).length;
		const [{ stored }] = await t.db
			.select({ stored: count() })
			.from(table.contestAnswer)
			.where(eq(table.contestAnswer.contestId, id));
		console.info(
			`[contest burst] ${t.kind}: ${acked} answers acknowledged and ${stored} stored in ${Math.round(ms)} ms, ${batches} transactions`
		);
		expect(acked).toBe(CONTESTANTS);
		expect(stored).toBe(CONTESTANTS);
		expect(batches).toBeLessThan(CONTESTANTS / 20);
		expect(ms).toBeLessThan(3000);
	} finally {
		hub.close();
	}
});
