// Answers of one officer that arrive together (two phones, a flushed offline queue, a stop
// pressed while an answer is on its way): each is decided on what the others left, none is lost.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { recordAnswer } from '../../src/lib/server/drill/answer';
import { endSession, startSession } from '../../src/lib/server/drill/sessions';
import { xpForCorrect } from '../../src/lib/server/progress/rules';
import { drillTest, publishQuestion } from './drill-fixtures';

const ctx = drillTest();

const now = new Date('2025-03-03T01:00:00Z');

function firstAnswer(s: { id: number; versionIds: number[] }, response = 'A') {
	return {
		key: crypto.randomUUID(),
		sessionId: s.id,
		position: 0,
		versionId: s.versionIds[0],
		response,
		timeMs: 12_000
	};
}

describe('answers of one ctx.officer at the same moment', () => {
	it('counts both answers to one question from two sets, and pays the question once', async () => {
		await publishQuestion(ctx.t.db, { topic: '大气监督帮扶', difficulty: 4 });
		const daily = await startSession(ctx.t.db, ctx.officer.id, { mode: 'daily' }, now);
		const topic = await startSession(
			ctx.t.db,
			ctx.officer.id,
			{ mode: 'topic', topic: '大气监督帮扶' },
			now
		);
		expect(topic.versionIds[0]).toBe(daily.versionIds[0]);

		const [a, b] = await Promise.all([
			recordAnswer(ctx.t.db, ctx.officer.id, firstAnswer(daily), now),
			recordAnswer(ctx.t.db, ctx.officer.id, firstAnswer(topic), now)
		]);

		expect([a.correct, b.correct]).toEqual([true, true]);
		expect(a.xp + b.xp).toBe(xpForCorrect(4));
		expect(await ctx.t.db.select().from(table.drillAnswer)).toHaveLength(2);
		const [card] = await ctx.t.db.select().from(table.reviewCard);
		expect(card.reps).toBe(2);
		const [day] = await ctx.t.db.select().from(table.activityDay);
		expect(day).toMatchObject({ answers: 2, correct: 2, xp: xpForCorrect(4) + 30 });
		const [stat] = await ctx.t.db.select().from(table.topicStat);
		expect(stat).toMatchObject({ answers: 2, correct: 2 });
		const [profile] = await ctx.t.db.select().from(table.progressProfile);
		expect(profile.xpTotal).toBe(xpForCorrect(4) + 30); // the one-question daily set is done
	});

	it('counts both of two racing wrong answers in the mistakes notebook', async () => {
		await publishQuestion(ctx.t.db, { topic: '执法质量提升' });
		const daily = await startSession(ctx.t.db, ctx.officer.id, { mode: 'daily' }, now);
		const topic = await startSession(
			ctx.t.db,
			ctx.officer.id,
			{ mode: 'topic', topic: '执法质量提升' },
			now
		);
		await Promise.all([
			recordAnswer(ctx.t.db, ctx.officer.id, firstAnswer(daily, 'B'), now),
			recordAnswer(ctx.t.db, ctx.officer.id, firstAnswer(topic, 'B'), now)
		]);
		const [entry] = await ctx.t.db.select().from(table.mistake);
		expect(entry.wrongCount).toBe(2);
	});

	it('never reopens a set the ctx.officer stopped while an answer was on its way', async () => {
		await publishQuestion(ctx.t.db, { topic: '执法质量提升' });
		await publishQuestion(ctx.t.db, { topic: '执法质量提升', stem: '第二题' });
		const s = await startSession(
			ctx.t.db,
			ctx.officer.id,
			{ mode: 'topic', topic: '执法质量提升' },
			now
		);
		const [answered] = await Promise.allSettled([
			recordAnswer(ctx.t.db, ctx.officer.id, firstAnswer(s), now),
			endSession(ctx.t.db, ctx.officer.id, s.id, now)
		]);
		const [session] = await ctx.t.db
			.select()
			.from(table.drillSession)
			.where(eq(table.drillSession.id, s.id));
		expect(session.finishedAt).not.toBeNull();
		const stored = await ctx.t.db.select().from(table.drillAnswer);
		if (answered.status === 'fulfilled') expect(stored).toHaveLength(1);
		else {
			expect(answered.reason).toMatchObject({ code: 'drill_session_finished' });
			expect(stored).toHaveLength(0);
		}
	});

	it('stores every answer of a burst from the offline queue exactly once', async () => {
		for (let i = 0; i < 12; i++)
			await publishQuestion(ctx.t.db, { topic: '科技手段运用', stem: `题 ${i}` });
		const sessions = [];
		for (const mode of ['daily', 'challenge'] as const) {
			sessions.push(await startSession(ctx.t.db, ctx.officer.id, { mode }, now));
		}
		sessions.push(
			await startSession(ctx.t.db, ctx.officer.id, { mode: 'topic', topic: '科技手段运用' }, now)
		);
		const inputs = sessions.map((s) => firstAnswer(s));
		// Each answer sent twice, as a retrying queue would.
		await Promise.all(
			[...inputs, ...inputs].map((i) => recordAnswer(ctx.t.db, ctx.officer.id, i, now))
		);
		expect(await ctx.t.db.select().from(table.drillAnswer)).toHaveLength(3);
		const [day] = await ctx.t.db.select().from(table.activityDay);
		expect(day.answers).toBe(3);
		const positions = (await ctx.t.db.select().from(table.drillSession)).map((s) => s.position);
		expect(positions).toEqual([1, 1, 1]);
	});
});
