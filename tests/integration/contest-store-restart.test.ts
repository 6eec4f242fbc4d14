// A process that stops mid-question loses nothing: a new ContestHub on the same database folds the
// same state from contest_event, keeps every score, re-arms the automatic reveal from the stored
// deadline, and contestants who reconnect come back as themselves.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { ContestHub, createContest } from '../../src/lib/server/contest/service';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { ContestEvent } from '../../src/lib/server/contest/types';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { draft, publishQuestions, question, round } from './contest-fixtures';

let t: TestDatabase;
let host: SessionUser;
let officer: SessionUser;
let qids: number[];
const hubs: ContestHub[] = [];

/** A hub whose clock reads `at()` (a settable fake, or real time shifted). */
function hub(at: () => number, onEvents?: (events: ContestEvent[]) => void) {
	const h = new ContestHub({ db: t.db, now: at, onEvents: (_id, events) => onEvents?.(events) });
	hubs.push(h);
	return h;
}

function waitFor(type: ContestEvent['type'], ms: number) {
	let resolve!: (e: ContestEvent) => void;
	const seen = new Promise<ContestEvent>((r) => (resolve = r));
	const timeout = new Promise<null>((r) => setTimeout(() => r(null), ms));
	const listener = (events: ContestEvent[]) => {
		const hit = events.find((e) => e.type === type);
		if (hit) resolve(hit);
	};
	return { listener, result: Promise.race([seen, timeout]) };
}

beforeAll(async () => {
	t = await openTestDatabase();
	await t.reset();
	host = await makeUser(t.db, 'ln-host', 'trainer', '210000');
	officer = await makeUser(t.db, 'ln-officer', 'officer', '210000');
	qids = await publishQuestions(t.db, '210000', [
		question({ answer: 'A' }),
		question({ answer: 'B' })
	]);
});
afterAll(async () => {
	await t.close();
});
beforeEach(() => {
	hubs.length = 0;
});
afterEach(() => {
	for (const h of hubs) h.close();
});

async function runningContest(clock: { now: number }) {
	const { id } = await createContest(
		t.db,
		host,
		draft({ rounds: [round({ questionIds: qids, limitSeconds: 5 })] })
	);
	const first = hub(() => clock.now);
	const user = await first.join(id, { userId: officer.id });
	const guest = await first.join(id, { name: '访客甲', idField: 'LN-0042' });
	if (!('contestantId' in user) || !('guestToken' in guest)) throw new Error('join failed');
	expect((await first.execute(id, { type: 'start' })).ok).toBe(true);
	clock.now += 1000;
	const answer = (contestantId: string, response: string) =>
		first.execute(id, { type: 'answer', contestantId, round: 0, index: 0, response });
	expect((await answer(user.contestantId, 'A')).ok).toBe(true);
	expect((await answer(guest.contestantId, 'C')).ok).toBe(true);
	return { id, first, user, guest: guest as { contestantId: string; guestToken: string } };
}

describe('restart mid-question', () => {
	it('rebuilds the same state, keeps scores and re-arms the reveal from the stored deadline', async () => {
		const clock = { now: Date.now() };
		const { id, first, user, guest } = await runningContest(clock);
		const before = await first.state(id);
		const phase = before.phase;
		if (phase.name !== 'question') throw new Error('expected an open question');
		expect(before.contestants[user.contestantId].score).toBe(900); // 1 s of 5: 1000 × (1 − 0.1)
		first.close(); // the process dies: its timer is gone with it

		// The new process starts 300 ms before the deadline (real time from here on).
		const shift = phase.deadline - 300 - Date.now();
		const revealed = waitFor('revealed', 5000);
		const second = hub(() => Date.now() + shift, revealed.listener);
		expect(await second.recover()).toContain(id);
		expect(await second.state(id)).toEqual(before);

		// Reconnecting contestants come back as themselves, with no new join in the log.
		expect(await second.join(id, { userId: officer.id })).toEqual(user);
		expect(await second.join(id, { guestToken: guest.guestToken, name: '' })).toEqual(guest);
		expect((await second.state(id)).contestants[user.contestantId].score).toBe(900);
		const late = await second.execute(id, {
			type: 'answer',
			contestantId: user.contestantId,
			round: 0,
			index: 0,
			response: 'B'
		});
		expect(late).toMatchObject({ ok: false, code: 'contest_already_answered' });

		const event = await revealed.result;
		expect(event).toMatchObject({ type: 'revealed', round: 0, index: 0 });
		expect(event!.at).toBeGreaterThanOrEqual(phase.deadline + before.config!.graceMs);
		const rows = await t.db
			.select({ type: table.contestEvent.type })
			.from(table.contestEvent)
			.where(eq(table.contestEvent.contestId, id))
			.orderBy(asc(table.contestEvent.seq));
		expect(rows.map((r) => r.type)).toEqual([
			'created',
			'joined',
			'joined',
			'started',
			'question_opened',
			'answers', // the two answers came one after the other: a row each
			'answers',
			'revealed'
		]);
		const [row] = await t.db.select().from(table.contest).where(eq(table.contest.id, id));
		expect(row.status).toBe('running');
	});

	it('keeps a paused question paused across a restart and times it again after the resume', async () => {
		const clock = { now: Date.now() };
		const { id, first } = await runningContest(clock);
		clock.now += 500;
		expect((await first.execute(id, { type: 'pause' })).ok).toBe(true);
		first.close();

		const revealed = waitFor('revealed', 5000);
		const second = hub(() => Date.now(), revealed.listener);
		expect(await second.recover()).not.toContain(id);
		const paused = await second.state(id);
		expect(paused.phase).toMatchObject({ name: 'paused', remainingMs: 3500 });
		const resumed = await second.execute(id, { type: 'resume' });
		expect(resumed.state!.phase).toMatchObject({ name: 'question' });
		const phase = resumed.state!.phase as { deadline: number };
		expect(phase.deadline - Date.now()).toBeGreaterThan(3000);
		// Not revealed before the new deadline; the test does not wait the full 4 s for it.
		await new Promise((r) => setTimeout(r, 300));
		expect((await second.state(id)).phase.name).toBe('question');
	});

	it('refuses a guest token from another contest and unknown contests', async () => {
		const clock = { now: Date.now() };
		const a = await runningContest(clock);
		const h = hub(() => Date.now());
		expect(await h.join(999_999, { name: '某人' })).toEqual({ code: 'contest_not_found' });
		expect(await h.execute(999_999, { type: 'next' })).toEqual({
			ok: false,
			code: 'contest_not_found'
		});
		const { id } = await createContest(
			t.db,
			host,
			draft({ rounds: [round({ questionIds: qids })] })
		);
		const other = await h.join(id, { guestToken: a.guest.guestToken, name: '访客乙' });
		expect(other).toMatchObject({ contestantId: expect.not.stringMatching(a.guest.contestantId) });
	});
});
