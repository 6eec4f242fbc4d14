import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { makeUser } from '../helpers/events';
import * as table from '../../src/lib/server/db/schema';
import { countDue } from '../../src/lib/server/drill/reviews';
import { endSession, startSession } from '../../src/lib/server/drill/sessions';
import { Rating } from '../../src/lib/server/drill/schedule';
import { answerNext, drillTest, publishMany, questionOfVersion } from './drill-fixtures';

const ctx = drillTest();

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const t0 = new Date('2025-03-03T01:00:00Z');
const after = (ms: number) => new Date(t0.getTime() + ms);

async function ratings(): Promise<number[]> {
	const rows = await ctx.t.db
		.select({ rating: table.drillAnswer.rating })
		.from(table.drillAnswer)
		.orderBy(asc(table.drillAnswer.id));
	return rows.map((r) => r.rating);
}

describe('spaced review with a fixed clock', () => {
	it('rates from correctness and time, and counts reviews as they fall due', async () => {
		await publishMany(ctx.t.db, 3, { topic: '执法质量提升' });
		const s = await startSession(ctx.t.db, ctx.officer.id, { mode: 'daily' }, t0);
		await answerNext(ctx.t.db, ctx.officer.id, s.id, true, t0, 15_000); // Good: 3 days
		await answerNext(ctx.t.db, ctx.officer.id, s.id, false, t0, 15_000); // Again: 1 day
		await answerNext(ctx.t.db, ctx.officer.id, s.id, true, t0, 2_000); // Easy: 8 days
		expect(await ratings()).toEqual([Rating.Good, Rating.Again, Rating.Easy]);
		expect(await countDue(ctx.t.db, ctx.officer.id, after(DAY - HOUR))).toBe(0);
		expect(await countDue(ctx.t.db, ctx.officer.id, after(DAY))).toBe(1);
		expect(await countDue(ctx.t.db, ctx.officer.id, after(3 * DAY))).toBe(2);
		expect(await countDue(ctx.t.db, ctx.officer.id, after(8 * DAY))).toBe(3);
		const other = await makeUser(ctx.t.db, 'xj.officer', 'officer', '650000');
		expect(await countDue(ctx.t.db, other.id, after(30 * DAY))).toBe(0);
	});

	it("rates slow right answers Hard against the officer's own median once it exists", async () => {
		await publishMany(ctx.t.db, 7, { topic: '执法质量提升' });
		const s = await startSession(
			ctx.t.db,
			ctx.officer.id,
			{ mode: 'topic', topic: '执法质量提升' },
			t0
		);
		for (let i = 0; i < 5; i++) await answerNext(ctx.t.db, ctx.officer.id, s.id, true, t0, 4_000);
		await answerNext(ctx.t.db, ctx.officer.id, s.id, true, t0, 9_000);
		await answerNext(ctx.t.db, ctx.officer.id, s.id, true, t0, 1_000);
		// 4 s is fast against the 20 s default; then the median is 4 s: 9 s is slow, 1 s fast.
		expect(await ratings()).toEqual([4, 4, 4, 4, 4, Rating.Hard, Rating.Easy]);
	});

	it('does not count due reviews of withdrawn questions', async () => {
		const [id] = await publishMany(ctx.t.db, 1);
		const s = await startSession(ctx.t.db, ctx.officer.id, { mode: 'daily' }, t0);
		await answerNext(ctx.t.db, ctx.officer.id, s.id, false, t0);
		expect(await countDue(ctx.t.db, ctx.officer.id, after(2 * DAY))).toBe(1);
		await ctx.t.db.update(table.question).set({ status: 'draft' }).where(eq(table.question.id, id));
		expect(await countDue(ctx.t.db, ctx.officer.id, after(2 * DAY))).toBe(0);
	});
});

describe('daily set composition', () => {
	it('puts due reviews first, then new questions from the weakest areas', async () => {
		const weak = await publishMany(ctx.t.db, 8, { topic: '执法质量提升' });
		const strong = await publishMany(ctx.t.db, 3, { topic: '大气监督帮扶' });
		const untried = await publishMany(ctx.t.db, 5, { topic: '科技手段运用' });
		const practice = await startSession(
			ctx.t.db,
			ctx.officer.id,
			{ mode: 'topic', topic: '执法质量提升' },
			t0
		);
		for (let i = 0; i < 3; i++) await answerNext(ctx.t.db, ctx.officer.id, practice.id, false, t0);
		await endSession(ctx.t.db, ctx.officer.id, practice.id, t0);
		const due = practice.versionIds.slice(0, 3);
		const good = await startSession(
			ctx.t.db,
			ctx.officer.id,
			{ mode: 'topic', topic: '大气监督帮扶' },
			t0
		);
		for (let i = 0; i < 3; i++) await answerNext(ctx.t.db, ctx.officer.id, good.id, true, t0);

		const daily = await startSession(
			ctx.t.db,
			ctx.officer.id,
			{ mode: 'daily' },
			after(DAY + HOUR)
		);
		expect(daily.size).toBe(10);
		// Equally overdue: any order among the three.
		expect([...daily.versionIds.slice(0, 3)].sort()).toEqual([...due].sort());
		const questions = await Promise.all(
			daily.versionIds.map((v) => questionOfVersion(ctx.t.db, v))
		);
		const area = (id: number) =>
			weak.includes(id) ? 'weak' : untried.includes(id) ? 'untried' : 'strong';
		// Weakest area gets half of the 7 free places, the next area with questions half of the
		// rest; the last place goes back to the weakest. The strong area's were all answered.
		expect(questions.slice(3).map(area)).toEqual([
			'weak',
			'weak',
			'weak',
			'weak',
			'untried',
			'untried',
			'weak'
		]);
		expect(new Set(questions).size).toBe(10);
		expect(questions.some((id) => strong.includes(id))).toBe(false);
	});

	it('resumes the same set during the China day and draws a new one the next day', async () => {
		await publishMany(ctx.t.db, 12);
		const first = await startSession(ctx.t.db, ctx.officer.id, { mode: 'daily' }, t0);
		const again = await startSession(ctx.t.db, ctx.officer.id, { mode: 'daily' }, after(14 * HOUR));
		expect(again.id).toBe(first.id);
		// 01:00 UTC + 15 h = 16:00 UTC, midnight in China: a new day, a new set.
		const tomorrow = await startSession(
			ctx.t.db,
			ctx.officer.id,
			{ mode: 'daily' },
			after(15 * HOUR)
		);
		expect(tomorrow.id).not.toBe(first.id);
	});

	it('refuses to start when there is nothing to practise', async () => {
		await expect(
			startSession(ctx.t.db, ctx.officer.id, { mode: 'daily' }, t0)
		).rejects.toMatchObject({
			code: 'drill_nothing_to_practise'
		});
	});
});
