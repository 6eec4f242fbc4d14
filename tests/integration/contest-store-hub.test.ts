import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { ContestHub, createContest } from '../../src/lib/server/contest/service';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { ContestEvent, ContestState } from '../../src/lib/server/contest/types';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { draft, publishQuestions, question, round } from './contest-fixtures';

let t: TestDatabase;
let host: SessionUser;
let officer: SessionUser;
let qids: number[];
let hubs: ContestHub[] = [];

function hub(options: Partial<ConstructorParameters<typeof ContestHub>[0]> = {}) {
	const h = new ContestHub({ db: t.db, ...options });
	hubs.push(h);
	return h;
}

beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t.close();
});
beforeEach(async () => {
	await t.reset();
	host = await makeUser(t.db, 'ln-host', 'trainer', '210000');
	officer = await makeUser(t.db, 'ln-officer', 'officer', '210000');
	qids = await publishQuestions(t.db, '210000', [
		question({ answer: 'A' }),
		question({ stem: '排污许可证有效期为几年？', options: ['3年', '5年', '10年'], answer: 'B' })
	]);
});
afterEach(() => {
	for (const h of hubs) h.close();
	hubs = [];
});

async function storedEvents(contestId: number) {
	return t.db
		.select()
		.from(table.contestEvent)
		.where(eq(table.contestEvent.contestId, contestId))
		.orderBy(asc(table.contestEvent.seq));
}

describe('ContestHub', () => {
	it('stores every event before acknowledging, and keeps the stored log equal to the state', async () => {
		const { id } = await createContest(
			t.db,
			host,
			draft({ rounds: [round({ questionIds: qids })] })
		);
		const seen: ContestEvent[] = [];
		const h = hub({ onEvents: (_id, events) => seen.push(...events) });
		const joined = await h.join(id, { userId: officer.id });
		expect(joined).toEqual({ contestantId: expect.stringMatching(/^u/) });
		const contestantId = (joined as { contestantId: string }).contestantId;
		expect((await h.execute(id, { type: 'start' })).ok).toBe(true);
		const answered = await h.execute(id, {
			type: 'answer',
			contestantId,
			round: 0,
			index: 0,
			response: 'A'
		});
		expect(answered.ok).toBe(true);
		const rows = await storedEvents(id);
		expect(rows.map((r) => r.type)).toEqual([
			'created',
			'joined',
			'started',
			'question_opened',
			'answers'
		]);
		expect(seen.map((e) => e.type)).toEqual(['joined', 'started', 'question_opened', 'answered']);
		const [answer] = await t.db.select().from(table.contestAnswer);
		expect(answer).toMatchObject({
			contestantId,
			round: 0,
			index: 0,
			response: 'A',
			correct: true
		});
		const [contest] = await t.db.select().from(table.contest);
		expect(contest.status).toBe('running');
		expect(contest.config!.rounds[0].questions.map((q) => q.questionId)).toEqual(qids);
		const fresh = hub();
		expect(await fresh.state(id)).toEqual(answered.state as ContestState);
	});

	it('brings officers and guests back as themselves and refuses what the host did not allow', async () => {
		const closed = await createContest(
			t.db,
			host,
			draft({ allowGuests: false, allowLateJoin: false, rounds: [round({ questionIds: qids })] })
		);
		const h = hub();
		expect(await h.join(closed.id, { name: '访客' })).toEqual({
			code: 'contest_guests_not_allowed'
		});
		const first = await h.join(closed.id, { userId: officer.id });
		const again = await h.join(closed.id, { userId: officer.id });
		expect(again).toEqual(first);
		await h.execute(closed.id, { type: 'start' });
		const late = await makeUser(t.db, 'ln-late', 'officer', '210000');
		expect(await h.join(closed.id, { userId: late.id })).toEqual({ code: 'contest_no_late_join' });
		// Already in before the start: a reconnect is not a late join.
		expect(await h.join(closed.id, { userId: officer.id })).toEqual(first);

		const open = await createContest(t.db, host, draft({ rounds: [round({ questionIds: qids })] }));
		const guest = await h.join(open.id, { name: '访客', idField: '  LN-1  ' });
		if (!('guestToken' in guest) || !guest.guestToken) throw new Error('no token');
		expect(await h.join(open.id, { guestToken: guest.guestToken, name: '别名' })).toEqual(guest);
		expect(await h.join(open.id, { name: '访客' })).toEqual({ code: 'contest_name_taken' });
		expect(await h.join(open.id, { name: '甲', idField: 'x'.repeat(31) })).toEqual({
			code: 'contest_id_field_invalid'
		});
		const rows = await t.db
			.select()
			.from(table.contestContestant)
			.where(eq(table.contestContestant.contestId, open.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ idField: 'LN-1', userId: null });
		expect(rows[0].guestTokenHash).not.toContain(guest.guestToken);
		expect(rows[0].guestTokenHash).toHaveLength(64);
		expect((await h.execute(open.id, { type: 'kick', contestantId: guest.contestantId })).ok).toBe(
			true
		);
		expect(await h.join(open.id, { guestToken: guest.guestToken, name: '访客' })).toEqual({
			code: 'contest_kicked'
		});
	});

	it('puts team players in a team and refuses commands the hub alone may issue', async () => {
		const { id } = await createContest(
			t.db,
			host,
			draft({ teams: ['新疆队', '辽宁队'], rounds: [round({ questionIds: qids })] })
		);
		const h = hub();
		expect(await h.join(id, { userId: officer.id })).toEqual({ code: 'contest_team_required' });
		const joined = await h.join(id, { userId: officer.id, teamId: 't2' });
		expect(joined).toHaveProperty('contestantId');
		const state = await h.state(id);
		expect(Object.values(state.contestants)[0]).toMatchObject({ teamId: 't2', name: 'ln-officer' });
		expect(await h.execute(id, { type: 'create', config: state.config! })).toEqual({
			ok: false,
			code: 'contest_exists'
		});
		// A start with rounds from outside is ignored: the hub draws the contest's own questions.
		const started = await h.execute(id, { type: 'start', rounds: [] });
		expect(started.ok).toBe(true);
		expect(started.state!.config!.rounds[0].questions.map((q) => q.questionId)).toEqual(qids);
	});

	it('keeps running contests in memory and lets ended ones go', async () => {
		const first = await createContest(
			t.db,
			host,
			draft({ rounds: [round({ questionIds: qids })] })
		);
		const second = await createContest(
			t.db,
			host,
			draft({ rounds: [round({ questionIds: qids })] })
		);
		const ended: number[] = [];
		const h = hub({
			onEvents: (id, events) => events.some((e) => e.type === 'ended') && ended.push(id)
		});
		const joined = await h.join(first.id, { userId: officer.id });
		expect(joined).toHaveProperty('contestantId');
		expect((await h.execute(first.id, { type: 'start' })).ok).toBe(true);
		await h.state(second.id);
		expect(h.cachedContests).toBe(2);

		// The last question's `next` ends the contest, like the host's `end`.
		expect((await h.execute(first.id, { type: 'reveal' })).ok).toBe(true);
		expect((await h.execute(first.id, { type: 'next' })).ok).toBe(true);
		expect((await h.execute(first.id, { type: 'reveal' })).ok).toBe(true);
		expect((await h.execute(first.id, { type: 'next' })).state!.phase.name).toBe('ended');
		expect(ended).toEqual([first.id]);
		expect(h.cachedContests).toBe(1);
		expect((await h.execute(second.id, { type: 'end' })).ok).toBe(true);
		expect(h.cachedContests).toBe(0);

		// What an ended contest was is still read from its log, and not kept either.
		const after = await h.state(first.id);
		expect(after.phase.name).toBe('ended');
		expect(Object.keys(after.contestants)).toHaveLength(1);
		expect(await h.execute(first.id, { type: 'next' })).toMatchObject({
			ok: false,
			code: 'contest_ended'
		});
		expect(await h.join(first.id, { userId: officer.id })).toEqual({ code: 'contest_ended' });
		expect(h.cachedContests).toBe(0);
	});

	it('draws random questions at the start, not at creation, never repeating a pick', async () => {
		const more = await publishQuestions(
			t.db,
			'210000',
			Array.from({ length: 6 }, (_, i) => question({ stem: `抽题${i}`, difficulty: 2 }))
		);
		const { id } = await createContest(
			t.db,
			host,
			draft({
				rounds: [
					round({
						questionIds: [more[0]],
						draw: { topic: '执法质量提升', minDifficulty: 2, maxDifficulty: 2, count: 3 }
					})
				]
			})
		);
		const [before] = await t.db.select().from(table.contest).where(eq(table.contest.id, id));
		expect(before.config).toBeNull();
		const h = hub();
		const started = await h.execute(id, { type: 'start' });
		const drawn = started.state!.config!.rounds[0].questions.map((q) => q.questionId);
		expect(drawn).toHaveLength(4);
		expect(drawn[0]).toBe(more[0]);
		expect(new Set(drawn).size).toBe(4);
		expect(drawn.slice(1).every((q) => more.includes(q))).toBe(true);
		const [after] = await t.db.select().from(table.contest).where(eq(table.contest.id, id));
		expect(after.config!.rounds[0].questions.map((q) => q.questionId)).toEqual(drawn);
	});
});
