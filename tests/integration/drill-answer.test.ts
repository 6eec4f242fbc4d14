import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeUser } from '../helpers/events';
import * as table from '../../src/lib/server/db/schema';
import { recordAnswer } from '../../src/lib/server/drill/answer';
import type { AnswerInput } from '../../src/lib/server/drill/answer-input';
import { currentSession, startSession } from '../../src/lib/server/drill/sessions';
import { challengeBest } from '../../src/lib/server/drill/view';
import { answerNext, drillTest, publishMany, unpublish } from './drill-fixtures';

let questions: number[];
const ctx = drillTest(async (db) => {
	questions = await publishMany(db, 4);
});

const now = new Date('2025-03-03T01:00:00Z');

async function firstSlot(mode: 'daily' | 'challenge' = 'daily') {
	const s = await startSession(ctx.t.db, ctx.officer.id, { mode }, now);
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
	return ctx.t.db.select().from(table.drillAnswer);
}

describe('idempotent answers', () => {
	it('records the same key once and returns the first result again', async () => {
		const { input } = await firstSlot();
		const first = await recordAnswer(ctx.t.db, ctx.officer.id, input, now);
		expect(first).toMatchObject({ position: 0, correct: true, key: 'A', finished: false });
		expect(first.legalBasis).toContain('环境保护法');
		const again = await recordAnswer(ctx.t.db, ctx.officer.id, { ...input, response: 'B' }, now);
		expect(again).toEqual(first);
		expect(await answerRows()).toHaveLength(1);
		const [card] = await ctx.t.db.select().from(table.reviewCard);
		expect(card.reps).toBe(1);
	});

	it('counts concurrent retries of one answer once', async () => {
		const { input } = await firstSlot();
		const results = await Promise.all(
			[1, 2, 3].map(() => recordAnswer(ctx.t.db, ctx.officer.id, input, now))
		);
		expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
		expect(await answerRows()).toHaveLength(1);
		const [session] = await ctx.t.db.select().from(table.drillSession);
		expect(session).toMatchObject({ position: 1, correctCount: 1 });
	});

	it('answers a second key for an answered slot with the first result, recording nothing', async () => {
		const { input } = await firstSlot();
		const first = await recordAnswer(ctx.t.db, ctx.officer.id, { ...input, response: 'C' }, now);
		const other = await recordAnswer(
			ctx.t.db,
			ctx.officer.id,
			{ ...input, key: crypto.randomUUID() },
			now
		);
		expect(other).toEqual(first);
		expect(other.correct).toBe(false);
		expect(await answerRows()).toHaveLength(1);
	});

	it("refuses another officer's key and session", async () => {
		const { input } = await firstSlot();
		await recordAnswer(ctx.t.db, ctx.officer.id, input, now);
		const other = await makeUser(ctx.t.db, 'xj.officer', 'officer', '650000');
		await expect(recordAnswer(ctx.t.db, other.id, input, now)).rejects.toMatchObject({
			code: 'drill_bad_payload'
		});
		await expect(
			recordAnswer(ctx.t.db, other.id, { ...input, key: crypto.randomUUID(), position: 1 }, now)
		).rejects.toMatchObject({ code: 'drill_session_not_found' });
	});
});

describe('what may be answered', () => {
	it('refuses versions that were not served at that position and malformed responses', async () => {
		const { s, input } = await firstSlot();
		const refused = (over: Partial<AnswerInput>) =>
			recordAnswer(ctx.t.db, ctx.officer.id, { ...input, key: crypto.randomUUID(), ...over }, now);
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
		const [v0] = await ctx.t.db
			.select()
			.from(table.questionVersion)
			.where(eq(table.questionVersion.id, s.versionIds[0]));
		await unpublish(ctx.t.db, v0.questionId);
		await expect(recordAnswer(ctx.t.db, ctx.officer.id, input, now)).rejects.toMatchObject({
			code: 'drill_question_unavailable'
		});
		// An answer queued for the next question still counts: the withdrawn one is skipped.
		const next = { ...input, key: crypto.randomUUID(), position: 1, versionId: s.versionIds[1] };
		expect(await recordAnswer(ctx.t.db, ctx.officer.id, next, now)).toMatchObject({ position: 1 });
		const resumed = await currentSession(ctx.t.db, ctx.officer.id, { mode: 'daily' }, now);
		expect(resumed).toMatchObject({ position: 2 });
		expect(questions).toContain(v0.questionId);
	});

	it('skips a withdrawn current question when the session is loaded', async () => {
		const { s } = await firstSlot();
		const [v0] = await ctx.t.db
			.select()
			.from(table.questionVersion)
			.where(eq(table.questionVersion.id, s.versionIds[0]));
		await unpublish(ctx.t.db, v0.questionId);
		expect(await currentSession(ctx.t.db, ctx.officer.id, { mode: 'daily' }, now)).toMatchObject({
			id: s.id,
			position: 1
		});
	});
});

describe('challenge', () => {
	it('ends at the first mistake, refuses answers after it, and keeps the best run', async () => {
		const { s } = await firstSlot('challenge');
		await answerNext(ctx.t.db, ctx.officer.id, s.id, true, now);
		await answerNext(ctx.t.db, ctx.officer.id, s.id, true, now);
		const miss = await answerNext(ctx.t.db, ctx.officer.id, s.id, false, now);
		expect(miss).toMatchObject({ correct: false, finished: true });
		await expect(answerNext(ctx.t.db, ctx.officer.id, s.id, true, now)).rejects.toMatchObject({
			code: 'drill_session_finished'
		});
		const second = await startSession(ctx.t.db, ctx.officer.id, { mode: 'challenge' }, now);
		expect(second.id).not.toBe(s.id);
		await answerNext(ctx.t.db, ctx.officer.id, second.id, true, now);
		await answerNext(ctx.t.db, ctx.officer.id, second.id, false, now);
		expect(await challengeBest(ctx.t.db, ctx.officer.id)).toBe(2);
	});
});
