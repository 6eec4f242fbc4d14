// Two processes (two ContestHubs) serving the same contest on one database: one answer per
// contestant and question holds even when both accept the same contestant's answer at once, the
// log stays gap-free, and the automatic reveal is written once.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { ContestHub, createContest } from '../../src/lib/server/contest/service';
import { foldEvents } from '../../src/lib/server/contest/engine';
import { loadLog, violatedConstraint } from '../../src/lib/server/contest/store';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { draft, publishQuestions, question, round } from './contest-fixtures';

let t: TestDatabase;
let host: SessionUser;
let qids: number[];
let hubs: ContestHub[] = [];

beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t.close();
});
beforeEach(async () => {
	await t.reset();
	host = await makeUser(t.db, 'ln-host', 'trainer', '210000');
	qids = await publishQuestions(t.db, '210000', [question({ answer: 'A' })]);
});
afterEach(() => {
	for (const h of hubs) h.close();
	hubs = [];
});

async function twoHubsOnOneContest(contestants: number, limitSeconds = 30) {
	const { id } = await createContest(
		t.db,
		host,
		draft({ rounds: [round({ questionIds: qids, limitSeconds })] })
	);
	const a = new ContestHub({ db: t.db });
	const b = new ContestHub({ db: t.db });
	hubs.push(a, b);
	const ids: string[] = [];
	for (let i = 0; i < contestants; i++) {
		const joined = await a.join(id, { name: `选手${i + 1}` });
		if (!('contestantId' in joined)) throw new Error(joined.code);
		ids.push(joined.contestantId);
	}
	expect((await a.execute(id, { type: 'start' })).ok).toBe(true);
	// Both caches are warm and current before the race.
	await b.state(id);
	return { id, a, b, ids };
}

const answer = (contestantId: string, response: string) => ({
	type: 'answer' as const,
	contestantId,
	round: 0,
	index: 0,
	response
});

describe('two hubs on one database', () => {
	it('accepts exactly one of two simultaneous answers by the same contestant', async () => {
		const { id, a, b, ids } = await twoHubsOnOneContest(20);
		const results = await Promise.all(
			ids.flatMap((c) => [a.execute(id, answer(c, 'A')), b.execute(id, answer(c, 'B'))])
		);
		const accepted = results.filter((r) => r.ok);
		const refused = results.filter((r) => !r.ok);
		expect(accepted).toHaveLength(ids.length);
		expect(refused.map((r) => !r.ok && r.code)).toEqual(ids.map(() => 'contest_already_answered'));
		const rows = await t.db
			.select()
			.from(table.contestAnswer)
			.where(eq(table.contestAnswer.contestId, id));
		expect(rows).toHaveLength(ids.length);
		const { events, seq } = await loadLog(t.db, id);
		const seqs = await t.db
			.select({ seq: table.contestEvent.seq })
			.from(table.contestEvent)
			.where(eq(table.contestEvent.contestId, id))
			.orderBy(asc(table.contestEvent.seq));
		expect(seqs.map((s) => s.seq)).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
		// Each stored answer is the one its hub acknowledged, and both hubs agree with the log.
		const folded = foldEvents(events);
		for (const c of ids) {
			const stored = rows.find((r) => r.contestantId === c)!;
			expect(folded.contestants[c].answers['0:0'].response).toBe(stored.response);
		}
		expect(await b.state(id)).toEqual(folded);
	});

	it('lets the database itself refuse a second answer row for the same question', async () => {
		const { id, a, ids } = await twoHubsOnOneContest(1);
		expect((await a.execute(id, answer(ids[0], 'A'))).ok).toBe(true);
		const duplicate = t.db.insert(table.contestAnswer).values({
			contestId: id,
			contestantId: ids[0],
			round: 0,
			index: 0,
			response: 'B',
			correct: false,
			points: 0,
			elapsedMs: 1,
			at: new Date()
		});
		const error = await duplicate.then(
			() => null,
			(e: unknown) => e
		);
		expect(violatedConstraint(error)).toBe('contest_answer_unique');
	});

	it('writes the automatic reveal once although both hubs time the question', async () => {
		const { id, a, b } = await twoHubsOnOneContest(2, 5);
		// Both hubs know the question is open, so both arm a timer for deadline + grace.
		expect((await a.recover()).concat(await b.recover())).toEqual([id, id]);
		const deadline = ((await a.state(id)).phase as { deadline: number }).deadline;
		await new Promise((r) => setTimeout(r, deadline + 500 - Date.now() + 1200));
		const rows = await t.db
			.select({ type: table.contestEvent.type })
			.from(table.contestEvent)
			.where(eq(table.contestEvent.contestId, id));
		expect(rows.filter((r) => r.type === 'revealed')).toHaveLength(1);
		expect((await a.state(id)).phase.name).toBe('reveal');
		expect((await b.state(id)).phase.name).toBe('reveal');
	});
});
