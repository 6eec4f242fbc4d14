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
			'answered'
		]);
		expect(seen.map((e) => e.type)).toEqual(rows.slice(1).map((r) => r.type));
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
});
