// How the event log is stored: a run of consecutive answers is one `answers` row (columns), every
// other event a row of its own, and reading the log back gives exactly the events written, in
// order, on PGlite and PostgreSQL alike.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { ContestHub, createContest } from '../../src/lib/server/contest/service';
import { appendEvents, loadLog } from '../../src/lib/server/contest/store';
import { foldEvents } from '../../src/lib/server/contest/engine';
import type { ContestEvent } from '../../src/lib/server/contest/types';
import type { Db } from '../../src/lib/server/db/client';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { draft, publishQuestions, question, round } from './contest-fixtures';

let t: TestDatabase;

beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t.close();
});

const joined = (contestantId: string, at: number): ContestEvent => ({
	type: 'joined',
	at,
	contestantId,
	name: `选手${contestantId}`,
	userId: null,
	teamId: null
});

const answered = (
	contestantId: string,
	at: number,
	response: string | boolean,
	correct: boolean
): ContestEvent => ({
	type: 'answered',
	at,
	contestantId,
	round: 0,
	index: 0,
	response,
	correct,
	points: correct ? 875 : 0,
	elapsedMs: at % 10_000
});

it('stores runs of answers as one row each and reads every event back in order', async () => {
	const host = await makeUser(t.db, 'log-host', 'trainer', '210000');
	const qids = await publishQuestions(t.db, '210000', [question({ answer: 'A' })]);
	const { id } = await createContest(
		t.db,
		host,
		draft({ rounds: [round({ questionIds: qids, limitSeconds: 60 })] })
	);
	const hub = new ContestHub({ db: t.db });
	let seq: number;
	try {
		expect((await hub.execute(id, { type: 'start' })).ok).toBe(true);
		seq = (await loadLog(t.db, id)).seq;
	} finally {
		hub.close();
	}
	const before = await loadLog(t.db, id);
	const at = Date.now();
	// A late joiner answering between two others: the log must keep the join before the answer.
	const events: ContestEvent[] = [
		joined('ga', at),
		joined('gb', at + 1),
		answered('ga', at + 2, 'A', true),
		joined('gc', at + 3),
		answered('gc', at + 4, 'b', false),
		answered('gb', at + 5, 'A', true),
		{ type: 'paused', at: at + 6 }
	];
	const last = await t.db.transaction((tx) =>
		appendEvents(tx as unknown as Db, id, seq, events, [], foldEvents(before.events))
	);

	const rows = await t.db
		.select({ seq: table.contestEvent.seq, type: table.contestEvent.type })
		.from(table.contestEvent)
		.where(eq(table.contestEvent.contestId, id))
		.orderBy(asc(table.contestEvent.seq));
	expect(rows.slice(-6).map((r) => r.type)).toEqual([
		'joined',
		'joined',
		'answers',
		'joined',
		'answers',
		'paused'
	]);
	expect(last).toBe(seq + 6);
	expect(rows.at(-1)!.seq).toBe(last);

	const after = await loadLog(t.db, id);
	expect(after.seq).toBe(last);
	expect(after.events).toEqual([...before.events, ...events]);
	// Only what came after a known position, for a process that is catching up.
	expect(await loadLog(t.db, id, seq + 3)).toEqual({ events: events.slice(3), seq: last });
	expect(await loadLog(t.db, id, last)).toEqual({ events: [], seq: last });

	const answers = await t.db
		.select()
		.from(table.contestAnswer)
		.where(eq(table.contestAnswer.contestId, id))
		.orderBy(asc(table.contestAnswer.contestantId));
	expect(
		answers.map((a) => [a.contestantId, a.response, a.correct, a.points, a.at.getTime()])
	).toEqual([
		['ga', 'A', true, 875, at + 2],
		['gb', 'A', true, 875, at + 5],
		['gc', 'b', false, 0, at + 4]
	]);
});
