import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { awardForAnswer, recordDailyCompleted } from '../../src/lib/server/progress';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { china, publishedQuestions } from './progress-fixtures';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
});
beforeEach(async () => {
	await t.reset();
});
afterAll(async () => {
	await t?.close();
});

async function activity(userId: string, day: string) {
	const [row] = await t.db
		.select()
		.from(table.activityDay)
		.where(and(eq(table.activityDay.userId, userId), eq(table.activityDay.day, day)));
	return row;
}

async function totalXp(userId: string): Promise<number> {
	const [row] = await t.db
		.select()
		.from(table.progressProfile)
		.where(eq(table.progressProfile.userId, userId));
	return row?.xpTotal ?? 0;
}

describe('awardForAnswer', () => {
	it('pays 5 + 2 × difficulty for a right answer and nothing for a wrong one', async () => {
		const officer = await makeUser(t.db, 'xp.officer', 'officer', '210000');
		const [easy] = await publishedQuestions(t.db, 1, { difficulty: 1 });
		const [hard] = await publishedQuestions(t.db, 1, { difficulty: 5 });
		const at = china('2025-03-10 09:00');
		const award = (questionId: number, correct: boolean) =>
			awardForAnswer(t.db, { userId: officer.id, mode: 'topic', correct, questionId, at });
		expect(await award(easy, true)).toEqual({ xp: 7 });
		expect(await award(hard, true)).toEqual({ xp: 15 });
		expect(await award(hard, false)).toEqual({ xp: 0 });
		expect(await totalXp(officer.id)).toBe(22);
		expect(await activity(officer.id, '2025-03-10')).toMatchObject({
			answers: 3,
			correct: 2,
			xp: 22
		});
		const events = await t.db
			.select()
			.from(table.xpEvent)
			.where(eq(table.xpEvent.userId, officer.id));
		expect(events.map((e) => [e.reason, e.amount, e.mode, e.day])).toEqual([
			['answer_correct', 7, 'topic', '2025-03-10'],
			['answer_correct', 15, 'topic', '2025-03-10']
		]);
		const stats = await t.db
			.select()
			.from(table.topicStat)
			.where(eq(table.topicStat.userId, officer.id));
		expect(stats).toEqual([{ userId: officer.id, topic: '执法质量提升', answers: 3, correct: 2 }]);
	});

	it('caps each mode per China day and opens a new allowance at 00:00 Shanghai', async () => {
		const officer = await makeUser(t.db, 'cap.officer', 'officer', '210000');
		const ids = await publishedQuestions(t.db, 16, { difficulty: 3 });
		const answer = (questionId: number, mode: string, local: string) =>
			awardForAnswer(t.db, {
				userId: officer.id,
				mode,
				correct: true,
				questionId,
				at: china(local)
			});
		let daily = 0;
		for (const id of ids.slice(0, 14)) daily += (await answer(id, 'daily', '2025-03-10 23:50')).xp;
		// 13 × 11 = 143, then only 7 of the 14th answer's 11 fit under the cap of 150.
		expect(daily).toBe(150);
		expect((await answer(ids[14], 'daily', '2025-03-10 23:59')).xp).toBe(0);
		// Another mode has its own allowance on the same day…
		expect((await answer(ids[14], 'mistakes', '2025-03-10 23:59')).xp).toBe(11);
		// …and the next China day starts afresh (15:59 → 16:00 UTC is midnight in Shanghai).
		expect((await answer(ids[15], 'daily', '2025-03-11 00:00')).xp).toBe(11);
		expect(await totalXp(officer.id)).toBe(172);
		expect(await activity(officer.id, '2025-03-10')).toMatchObject({ answers: 16, xp: 161 });
		expect(await activity(officer.id, '2025-03-11')).toMatchObject({ answers: 1, xp: 11 });
	});

	it('pays a question once per day: repeating it the same day earns nothing', async () => {
		const officer = await makeUser(t.db, 'rep.officer', 'officer', '210000');
		const [id] = await publishedQuestions(t.db, 1, { difficulty: 2 });
		const answer = (local: string, mode = 'topic') =>
			awardForAnswer(t.db, {
				userId: officer.id,
				mode,
				correct: true,
				questionId: id,
				at: china(local)
			});
		expect((await answer('2025-03-10 08:00')).xp).toBe(9);
		expect((await answer('2025-03-10 20:00', 'mistakes')).xp).toBe(0);
		expect((await answer('2025-03-11 08:00')).xp).toBe(9);
	});

	it('never passes the cap when answers of one officer arrive at once', async () => {
		const officer = await makeUser(t.db, 'race.officer', 'officer', '210000');
		const ids = await publishedQuestions(t.db, 30, { difficulty: 5 });
		const at = china('2025-03-10 10:00');
		const results = await Promise.all(
			ids.map((questionId) =>
				t.db.transaction((tx) =>
					awardForAnswer(tx, {
						userId: officer.id,
						mode: 'challenge',
						correct: true,
						questionId,
						at
					})
				)
			)
		);
		expect(results.reduce((n, r) => n + r.xp, 0)).toBe(120);
		expect(await totalXp(officer.id)).toBe(120);
		expect(await activity(officer.id, '2025-03-10')).toMatchObject({ answers: 30, xp: 120 });
	});
});

describe('recordDailyCompleted', () => {
	it('adds the bonus once per China day and marks the day', async () => {
		const officer = await makeUser(t.db, 'daily.officer', 'officer', '210000');
		await recordDailyCompleted(t.db, { userId: officer.id, at: china('2025-03-10 07:00') });
		await recordDailyCompleted(t.db, { userId: officer.id, at: china('2025-03-10 22:00') });
		expect(await totalXp(officer.id)).toBe(30);
		expect(await activity(officer.id, '2025-03-10')).toMatchObject({
			dailyCompleted: true,
			xp: 30,
			answers: 0
		});
		await recordDailyCompleted(t.db, { userId: officer.id, at: china('2025-03-11 00:01') });
		expect(await totalXp(officer.id)).toBe(60);
		const events = await t.db
			.select()
			.from(table.xpEvent)
			.where(eq(table.xpEvent.userId, officer.id));
		expect(events.map((e) => [e.reason, e.day])).toEqual([
			['daily_completed', '2025-03-10'],
			['daily_completed', '2025-03-11']
		]);
	});
});
