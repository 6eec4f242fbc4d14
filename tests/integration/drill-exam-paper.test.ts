// Drawing, resuming and reviewing a paper: what is drawn, the same questions and option order
// after a refresh, letters mapped back for marking, the topic table, and privacy of the key.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import * as table from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { seedDemoData } from '../../src/lib/server/demo/seed';
import { startExam } from '../../src/lib/server/drill/exam-attempts';
import { DEFAULT_BLUEPRINT } from '../../src/lib/server/drill/exam-blueprints';
import { resultView } from '../../src/lib/server/drill/exam-result';
import { saveExamAnswer, submitExam } from '../../src/lib/server/drill/exam-submit';
import { paperView } from '../../src/lib/server/drill/exam-view';
import { EXPLANATION, keysOf, seedExamBank } from './drill-exam-fixtures';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

const NOW = new Date('2025-06-05T01:00:00Z');
const soon = (s: number) => new Date(NOW.getTime() + s * 1000);

let officer: SessionUser;
let other: SessionUser;
let blueprintId: number;
beforeEach(async () => {
	await t.reset();
	officer = await makeUser(t.db, 'ln.officer', 'officer', '210000');
	other = await makeUser(t.db, 'xj.officer', 'officer', '650000');
	blueprintId = await seedExamBank(t.db);
});

// A fixed "random": every option list is rotated, never left in the authored order.
const rotate = () => 0;

describe('drawing a paper', () => {
	it('draws published national questions by type, in paper order', async () => {
		const exam = await startExam(t.db, officer, blueprintId, NOW, rotate);
		const keys = await keysOf(t.db, exam.id);
		expect(keys.map((k) => k.type)).toEqual([
			...Array(5).fill('single'),
			...Array(2).fill('multiple'),
			...Array(3).fill('truefalse')
		]);
		expect(keys.every((k) => k.status === 'published' && k.jurisdiction === 'national')).toBe(true);
		expect(exam).toMatchObject({ questionCount: 10, requestedCount: 10 });
		expect(keys.filter((k) => k.type === 'single').map((k) => k.optionOrder)).toEqual(
			Array(5).fill([1, 2, 3, 0])
		);
	});

	it("includes questions on the officer's own province's rules", async () => {
		await t.db
			.update(table.examBlueprint)
			.set({ singleCount: 10, multipleCount: 0, truefalseCount: 0 });
		const exam = await startExam(t.db, other, blueprintId, NOW);
		const keys = await keysOf(t.db, exam.id);
		expect(keys.map((k) => k.jurisdiction).sort()).toEqual([
			'650000',
			...Array(5).fill('national')
		]);
		// The bank had 6 for this officer where 10 were asked for: the paper says so.
		expect(exam).toMatchObject({ questionCount: 6, requestedCount: 10 });
	});

	it('refuses a blueprint with nothing to draw, and an unknown or inactive one', async () => {
		await t.db.update(table.examBlueprint).set({ topics: ['科技手段运用'] });
		await expect(startExam(t.db, officer, blueprintId, NOW)).rejects.toMatchObject({
			code: 'exam_no_questions'
		});
		await t.db.update(table.examBlueprint).set({ active: false });
		await expect(startExam(t.db, officer, blueprintId, NOW)).rejects.toMatchObject({
			code: 'exam_blueprint_not_found'
		});
		await expect(startExam(t.db, officer, 9999, NOW)).rejects.toMatchObject({
			code: 'exam_blueprint_not_found'
		});
	});

	it('the demo data offers the annual paper and the starter bank fills it', async () => {
		await seedDemoData(t.db);
		await seedDemoData(t.db);
		const papers = await t.db.select().from(table.examBlueprint);
		const annual = papers.filter((p) => p.slug === DEFAULT_BLUEPRINT.slug);
		expect(annual).toHaveLength(1);
		expect(annual[0]).toMatchObject({ name: '年度执法资格模拟考试', minutes: 60 });
		const exam = await startExam(t.db, officer, annual[0].id, NOW);
		const types = (await keysOf(t.db, exam.id)).map((k) => k.type);
		expect(types.filter((x) => x === 'single')).toHaveLength(25);
		expect(types.filter((x) => x === 'multiple')).toHaveLength(10);
		expect(types.filter((x) => x === 'truefalse')).toHaveLength(15);
		expect(exam.deadlineAt.getTime() - NOW.getTime()).toBe(60 * 60_000);
	});
});

describe('resuming after a refresh', () => {
	it('gives back the same attempt, questions, option order and saved answers', async () => {
		const first = await startExam(t.db, officer, blueprintId, NOW);
		const keys = await keysOf(t.db, first.id);
		await saveExamAnswer(
			t.db,
			officer,
			{ examId: first.id, position: 1, response: keys[0].right },
			soon(10)
		);
		const before = await Promise.all(
			keys.map((k) => paperView(t.db, officer, first.id, k.position, soon(20)))
		);
		const again = await startExam(t.db, officer, blueprintId, soon(30));
		expect(again.id).toBe(first.id);
		const after = await Promise.all(
			keys.map((k) => paperView(t.db, officer, first.id, k.position, soon(40)))
		);
		expect(after).toEqual(before);
		const shown = after[0].phase === 'open' ? after[0].question : null;
		expect(shown?.response).toBe(keys[0].right);
		// Without a question asked for, the paper opens at the first one not answered yet.
		const resumed = await paperView(t.db, officer, first.id, undefined, soon(50));
		expect(resumed.phase === 'open' && resumed.question.position).toBe(2);
	});
});

describe('marking and the result', () => {
	it('marks shuffled answers against the key and breaks the score down by topic', async () => {
		const exam = await startExam(t.db, officer, blueprintId, NOW, rotate);
		const keys = await keysOf(t.db, exam.id);
		// Right: 2 of 3 air, 0 of 2 quality, 2 of 2 campaigns, 1 of 3 team (5 of 10).
		const wanted: Record<string, number> = {
			大气监督帮扶: 2,
			执法质量提升: 0,
			重点专项行动: 2,
			队伍能力建设: 1
		};
		const right = new Set(keys.filter((k) => wanted[k.topic]-- > 0).map((k) => k.position));
		for (const k of keys) {
			await saveExamAnswer(
				t.db,
				officer,
				{
					examId: exam.id,
					position: k.position,
					response: right.has(k.position) ? k.right : k.wrong
				},
				soon(60)
			);
		}
		await submitExam(t.db, officer, exam.id, soon(120));
		const view = await resultView(t.db, officer, exam.id, soon(130));
		if (view.phase !== 'submitted') throw new Error('not submitted');
		expect(view.exam).toMatchObject({ correctCount: 5, score: 50, passed: false });
		expect(view.breakdown).toEqual([
			{ topic: '大气监督帮扶', total: 3, correct: 2, percent: 66 },
			{ topic: '重点专项行动', total: 2, correct: 2, percent: 100 },
			{ topic: '执法质量提升', total: 2, correct: 0, percent: 0 },
			{ topic: '队伍能力建设', total: 3, correct: 1, percent: 33 }
		]);
		expect(view.marks.filter((x) => x.correct).map((x) => x.position)).toEqual([...right]);
		expect(right.size).toBe(5);
		// Every question is reviewable with the key in the letters the officer saw.
		const first = keys.find((k) => right.has(k.position))!;
		const review = view.review.rows.find((r) => r.position === first.position)!;
		expect(review).toMatchObject({ key: first.right, response: first.right, correct: true });
		expect(review.explanation).toBe(EXPLANATION);
		const wrongOnly = await resultView(t.db, officer, exam.id, soon(140), { wrongOnly: true });
		expect(wrongOnly.phase === 'submitted' && wrongOnly.review.total).toBe(5);
	});

	it('never shows the key, explanation or marks before submission', async () => {
		const exam = await startExam(t.db, officer, blueprintId, NOW);
		const keys = await keysOf(t.db, exam.id);
		await saveExamAnswer(
			t.db,
			officer,
			{ examId: exam.id, position: 1, response: keys[0].right },
			soon(10)
		);
		for (const k of keys) {
			const view = await paperView(t.db, officer, exam.id, k.position, soon(20));
			const text = JSON.stringify(view);
			expect(text).toContain(k.stem);
			expect(text).not.toContain(EXPLANATION);
			expect(text).not.toMatch(/"(answer|key|correct|explanation|legalBasis)"/);
		}
		expect(await resultView(t.db, officer, exam.id, soon(30))).toEqual({
			phase: 'open',
			examId: exam.id
		});
	});

	it('refuses the attempt to another officer in every view and action', async () => {
		const exam = await startExam(t.db, officer, blueprintId, NOW);
		const refused = { code: 'exam_not_yours' };
		await expect(paperView(t.db, other, exam.id, 1, soon(1))).rejects.toMatchObject(refused);
		await expect(resultView(t.db, other, exam.id, soon(1))).rejects.toMatchObject(refused);
		await expect(
			saveExamAnswer(t.db, other, { examId: exam.id, position: 1, response: 'A' }, soon(1))
		).rejects.toMatchObject(refused);
		await expect(submitExam(t.db, other, exam.id, soon(1))).rejects.toMatchObject(refused);
		await expect(paperView(t.db, other, exam.id + 1, 1, soon(1))).rejects.toMatchObject({
			code: 'exam_not_found'
		});
	});

	it('refuses malformed answers and unknown questions', async () => {
		const exam = await startExam(t.db, officer, blueprintId, NOW);
		const save = (position: number, response: string | boolean | null) =>
			saveExamAnswer(t.db, officer, { examId: exam.id, position, response }, soon(5));
		await expect(save(1, 'AB')).rejects.toMatchObject({ code: 'exam_response_invalid' });
		await expect(save(1, 'E')).rejects.toMatchObject({ code: 'exam_response_invalid' });
		await expect(save(8, 'A')).rejects.toMatchObject({ code: 'exam_response_invalid' });
		await expect(save(11, 'A')).rejects.toMatchObject({ code: 'exam_question_not_found' });
		await save(1, 'B');
		await save(1, null);
		const view = await paperView(t.db, officer, exam.id, 1, soon(6));
		expect(view.phase === 'open' && view.navigator[0].answered).toBe(false);
	});
});
