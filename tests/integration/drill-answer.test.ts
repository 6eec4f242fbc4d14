import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import * as table from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { recordAnswer } from '../../src/lib/server/drill/answer';
import type { AnswerInput } from '../../src/lib/server/drill/answer-input';
import { currentSession, startSession } from '../../src/lib/server/drill/sessions';
import { challengeBest } from '../../src/lib/server/drill/view';
import { answerNext, publishMany, unpublish } from './drill-fixtures';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

let officer: SessionUser;
let questions: number[];
beforeEach(async () => {
	await t.reset();
	officer = await makeUser(t.db, 'ln.officer', 'officer', '210000');
	questions = await publishMany(t.db, 4);
});

const now = new Date('2025-03-03T01:00:00Z');

async function firstSlot(mode: 'daily' | 'challenge' = 'daily') {
	const s = await startSession(t.db, officer.id, { mode }, now);
	const input: AnswerInput = {
		key: crypto.randomUUID(),
		sessionId: s.id,
		position: 0,
		versionId: s.versionIds[0],
		response: 'A',
		timeMs: 12_000
	};
	return { s, input };
}

async function answerRows() {
	return t.db.select().from(table.drillAnswer);
}

describe('idempotent answers', () => {
	it('records the same key once and returns the first result again', async () => {
		const { input } = await firstSlot();
		const first = await recordAnswer(t.db, officer.id, input, now);
		expect(first).toMatchObject({ position: 0, correct: true, key: 'A', finished: false });
		expect(first.legalBasis).toContain('环境保护法');
		const again = await recordAnswer(t.db, officer.id, { ...input, response: 'B' }, now);
		expect(again).toEqual(first);
		expect(await answerRows()).toHaveLength(1);
		const [card] = await t.db.select().from(table.reviewCard);
		expect(card.reps).toBe(1);
	});

	it('counts concurrent retries of one answer once', async () => {
		const { input } = await firstSlot();
		const results = await Promise.all(
			[1, 2, 3].map(() => recordAnswer(t.db, officer.id, input, now))
		);
		expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
		expect(await answerRows()).toHaveLength(1);
		const [session] = await t.db.select().from(table.drillSession);
		expect(session).toMatchObject({ position: 1, correctCount: 1 });
	});

	it('answers a second key for an answered slot with the first result, recording nothing', async () => {
		const { input } = await firstSlot();
		const first = await recordAnswer(t.db, officer.id, { ...input, response: 'C' }, now);
		const other = await recordAnswer(t.db, officer.id, { ...input, key: crypto.randomUUID() }, now);
		expect(other).toEqual(first);
		expect(other.correct).toBe(false);
		expect(await answerRows()).toHaveLength(1);
	});

	it("refuses another officer's key and session", async () => {
		const { input } = await firstSlot();
		await recordAnswer(t.db, officer.id, input, now);
		const other = await makeUser(t.db, 'xj.officer', 'officer', '650000');
		await expect(recordAnswer(t.db, other.id, input, now)).rejects.toMatchObject({
			code: 'drill_bad_payload'
		});
		await expect(
			recordAnswer(t.db, other.id, { ...input, key: crypto.randomUUID(), position: 1 }, now)
		).rejects.toMatchObject({ code: 'drill_session_not_found' });
	});
});

describe('what may be answered', () => {
	it('refuses versions that were not served at that position and malformed responses', async () => {
		const { s, input } = await firstSlot();
		const refused = (over: Partial<AnswerInput>) =>
			recordAnswer(t.db, officer.id, { ...input, key: crypto.randomUUID(), ...over }, now);
		await expect(refused({ versionId: s.versionIds[1] })).rejects.toMatchObject({
			code: 'drill_not_served'
		});
		await expect(refused({ position: 1, versionId: s.versionIds[1] })).rejects.toMatchObject({
			code: 'drill_not_served'
		});
		await expect(refused({ position: 9 })).rejects.toMatchObject({ code: 'drill_not_served' });
		await expect(refused({ response: 'Z' })).rejects.toMatchObject({ code: 'drill_bad_response' });
		await expect(refused({ response: true })).rejects.toMatchObject({ code: 'drill_bad_response' });
		expect(await answerRows()).toHaveLength(0);
	});

	it('refuses an unpublished question and moves the set past it', async () => {
		const { s, input } = await firstSlot();
		const [v0] = await t.db
			.select()
			.from(table.questionVersion)
			.where(eq(table.questionVersion.id, s.versionIds[0]));
		await unpublish(t.db, v0.questionId);
		await expect(recordAnswer(t.db, officer.id, input, now)).rejects.toMatchObject({
			code: 'drill_question_unavailable'
		});
		// An answer queued for the next question still counts: the withdrawn one is skipped.
		const next = { ...input, key: crypto.randomUUID(), position: 1, versionId: s.versionIds[1] };
		expect(await recordAnswer(t.db, officer.id, next, now)).toMatchObject({ position: 1 });
		const resumed = await currentSession(t.db, officer.id, { mode: 'daily' }, now);
		expect(resumed).toMatchObject({ position: 2 });
		expect(questions).toContain(v0.questionId);
	});

	it('skips a withdrawn current question when the session is loaded', async () => {
		const { s } = await firstSlot();
		const [v0] = await t.db
			.select()
			.from(table.questionVersion)
			.where(eq(table.questionVersion.id, s.versionIds[0]));
		await unpublish(t.db, v0.questionId);
		expect(await currentSession(t.db, officer.id, { mode: 'daily' }, now)).toMatchObject({
			id: s.id,
			position: 1
		});
	});
});

describe('challenge', () => {
	it('ends at the first mistake, refuses answers after it, and keeps the best run', async () => {
		const { s } = await firstSlot('challenge');
		await answerNext(t.db, officer.id, s.id, true, now);
		await answerNext(t.db, officer.id, s.id, true, now);
		const miss = await answerNext(t.db, officer.id, s.id, false, now);
		expect(miss).toMatchObject({ correct: false, finished: true });
		await expect(answerNext(t.db, officer.id, s.id, true, now)).rejects.toMatchObject({
			code: 'drill_session_finished'
		});
		const second = await startSession(t.db, officer.id, { mode: 'challenge' }, now);
		expect(second.id).not.toBe(s.id);
		await answerNext(t.db, officer.id, second.id, true, now);
		await answerNext(t.db, officer.id, second.id, false, now);
		expect(await challengeBest(t.db, officer.id)).toBe(2);
	});
});
