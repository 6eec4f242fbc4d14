import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { awardForAnswer, recordDailyCompleted } from '../../src/lib/server/progress';
import { addDays } from '../../src/lib/server/progress/china-time';
import { progressOverview } from '../../src/lib/server/progress/overview';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { getUnitByCode } from '../../src/lib/server/org/units';
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

async function finishScenario(userId: string, slug: string, grade: string) {
	const national = await getUnitByCode(t.db, '000000');
	const [s] = await t.db
		.insert(table.scenario)
		.values({
			slug,
			title: slug,
			topic: '执法质量提升',
			graph: {},
			unitId: national!.id,
			status: 'published'
		})
		.returning();
	await t.db.insert(table.scenarioRun).values({
		scenarioId: s.id,
		scenarioVersion: 1,
		userId,
		currentNode: 'end',
		state: {},
		score: 20,
		grade,
		finishedAt: new Date()
	});
}

async function sitExam(userId: string, score: number, passed: boolean) {
	const [bp] = await t.db
		.insert(table.examBlueprint)
		.values({
			slug: `bp-${score}-${Math.random()}`,
			name: '模拟考试',
			minutes: 30,
			singleCount: 10
		})
		.returning();
	const at = new Date('2025-03-20T02:00:00Z');
	await t.db.insert(table.drillExam).values({
		userId,
		blueprintId: bp.id,
		name: bp.name,
		passPercent: 60,
		requestedCount: 10,
		questionCount: 10,
		startedAt: at,
		deadlineAt: at,
		submittedAt: at,
		correctCount: score / 10,
		score,
		passed
	});
}

/** Cards for every question of the area, reviewed just now with long stability: recalled. */
async function rememberArea(userId: string, ids: number[], now: Date) {
	await t.db.insert(table.reviewCard).values(
		ids.map((questionId) => ({
			userId,
			questionId,
			due: new Date(now.getTime() + 30 * 86_400_000),
			stability: 60,
			difficulty: 5,
			elapsedDays: 0,
			scheduledDays: 30,
			reps: 3,
			lapses: 0,
			state: 2,
			lastReview: now
		}))
	);
}

const earned = (o: Awaited<ReturnType<typeof progressOverview>>) =>
	o.badges.filter((b) => b.earnedAt).map((b) => b.id);

describe('badges from data', () => {
	it('awards badges from streaks, scenarios, reports, exams and mastery, and keeps their dates', async () => {
		const officer = await makeUser(t.db, 'badge.officer', 'officer', '210000');
		const now = china('2025-03-31 20:00');
		for (let i = 0; i < 30; i++) {
			await recordDailyCompleted(t.db, {
				userId: officer.id,
				at: china(`${addDays('2025-03-02', i)} 19:00`)
			});
		}
		const air = await publishedQuestions(t.db, 4, { topic: '大气监督帮扶', difficulty: 2 });
		await publishedQuestions(t.db, 3, { topic: '科技手段运用' });
		for (const questionId of air) {
			await awardForAnswer(t.db, {
				userId: officer.id,
				mode: 'topic',
				correct: true,
				questionId,
				at: now
			});
		}
		await rememberArea(officer.id, air, now);
		await finishScenario(officer.id, 'plant', 'A');
		await finishScenario(officer.id, 'fraud', 'C');
		const [q] = await t.db.select().from(table.question).where(eq(table.question.id, air[0]));
		await t.db.insert(table.questionReport).values([
			{
				questionId: q.id,
				versionId: q.currentVersionId!,
				reporterId: officer.id,
				reason: '答案有误',
				status: 'fixed'
			},
			{
				questionId: q.id,
				versionId: q.currentVersionId!,
				reporterId: officer.id,
				reason: '错别字',
				status: 'rejected'
			}
		]);
		await sitExam(officer.id, 100, true);

		const first = await progressOverview(t.db, officer.id, now);
		expect(earned(first).sort()).toEqual(
			[
				'area_master',
				'daily_10',
				'error_hunter',
				'exam_passed',
				'exam_perfect',
				'first_answer',
				'scenario_first',
				'scenario_perfect',
				'streak_30',
				'streak_7'
			].sort()
		);
		expect(first.badges.length).toBe(20);
		const byId = new Map(first.badges.map((b) => [b.id, b]));
		expect(byId.get('streak_100')).toMatchObject({ value: 30, target: 100, earnedAt: null });
		expect(byId.get('scenario_three_a')).toMatchObject({ value: 1, target: 3 });
		expect(byId.get('all_areas')).toMatchObject({ value: 1, target: 5 });
		expect(first.mastery.find((m) => m.topic === '大气监督帮扶')?.mastery).toBe(100);
		expect(first.mastery.find((m) => m.topic === '科技手段运用')?.mastery).toBe(0);
		expect(first.streak).toMatchObject({ current: 30, longest: 30 });
		expect(first.xp).toBe(30 * 30 + 4 * 9);
		expect(first.level.level).toBe(4);

		const later = await progressOverview(t.db, officer.id, china('2025-04-10 08:00'));
		expect(later.badges.find((b) => b.id === 'streak_30')?.earnedAt?.toISOString()).toBe(
			now.toISOString()
		);
	});

	it('earns nothing for an officer who has done nothing, yet shows every rule', async () => {
		const officer = await makeUser(t.db, 'new.officer', 'officer', '210000');
		const o = await progressOverview(t.db, officer.id, china('2025-03-31 20:00'));
		expect(earned(o)).toEqual([]);
		expect(o.badges.map((b) => b.value).every((v) => v === 0 || v === 1)).toBe(true);
		expect(o.league.cohort).toBeNull();
		expect(o).toMatchObject({ xp: 0, due: 0, streak: { current: 0 }, level: { level: 1 } });
	});

	it('does not count a failed exam, a grade below A or an open report', async () => {
		const officer = await makeUser(t.db, 'fail.officer', 'officer', '210000');
		await sitExam(officer.id, 40, false);
		await finishScenario(officer.id, 'review', 'B');
		const o = await progressOverview(t.db, officer.id, china('2025-03-31 20:00'));
		expect(earned(o)).toEqual(['scenario_first']);
	});
});
