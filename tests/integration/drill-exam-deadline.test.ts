// The deadline is the server's: saves and submissions after it (plus the 5 s grace) are
// refused, and the attempt is handed in with what was saved in time. Fixed clock throughout.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import * as table from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { startExam } from '../../src/lib/server/drill/exam-attempts';
import { DEADLINE_GRACE_MS } from '../../src/lib/server/drill/exam-paper';
import {
	saveExamAnswer,
	submitExam,
	submitExpiredExams
} from '../../src/lib/server/drill/exam-submit';
import { paperView } from '../../src/lib/server/drill/exam-view';
import { keysOf, seedExamBank } from './drill-exam-fixtures';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

const START = new Date('2025-06-05T01:00:00Z');
const MINUTES = 30;
const DEADLINE = new Date(START.getTime() + MINUTES * 60_000);
const after = (ms: number) => new Date(DEADLINE.getTime() + ms);

let officer: SessionUser;
let other: SessionUser;
let blueprintId: number;
beforeEach(async () => {
	await t.reset();
	officer = await makeUser(t.db, 'ln.officer', 'officer', '210000');
	other = await makeUser(t.db, 'ln.other', 'officer', '210000');
	blueprintId = await seedExamBank(t.db, MINUTES);
});

async function examRow(id: number) {
	const [row] = await t.db.select().from(table.drillExam).where(eq(table.drillExam.id, id));
	return row;
}

/** Starts an attempt and answers the first `right` questions correctly, before the deadline. */
async function startAndAnswer(user: SessionUser, right: number) {
	const exam = await startExam(t.db, user, blueprintId, START);
	const keys = await keysOf(t.db, exam.id);
	for (const k of keys.slice(0, right)) {
		await saveExamAnswer(
			t.db,
			user,
			{ examId: exam.id, position: k.position, response: k.right },
			new Date(START.getTime() + 60_000)
		);
	}
	return { exam, keys };
}

describe('saving against the deadline', () => {
	it('starts with an absolute deadline of start + minutes', async () => {
		const { exam } = await startAndAnswer(officer, 0);
		expect(exam.startedAt).toEqual(START);
		expect(exam.deadlineAt).toEqual(DEADLINE);
	});

	it('accepts a save within the grace and refuses one after it', async () => {
		const { exam, keys } = await startAndAnswer(officer, 0);
		const save = (position: number, at: Date) =>
			saveExamAnswer(t.db, officer, { examId: exam.id, position, response: keys[0].right }, at);
		await expect(save(1, after(DEADLINE_GRACE_MS))).resolves.toBeUndefined();
		await expect(save(2, after(DEADLINE_GRACE_MS + 1))).rejects.toMatchObject({
			code: 'exam_late'
		});
		// The late save handed the paper in, with the answer that arrived in time.
		const row = await examRow(exam.id);
		expect(row).toMatchObject({ autoSubmitted: true, correctCount: 1, submittedAt: DEADLINE });
	});
});

describe('submitting against the deadline', () => {
	it('refuses a late submission and hands the paper in with the answers saved in time', async () => {
		const { exam } = await startAndAnswer(officer, 6);
		await expect(submitExam(t.db, officer, exam.id, after(6_000))).rejects.toMatchObject({
			code: 'exam_late'
		});
		expect(await examRow(exam.id)).toMatchObject({
			submittedAt: DEADLINE,
			autoSubmitted: true,
			correctCount: 6,
			score: 60,
			passed: true
		});
		// Trying again, or saving, stays refused as late and changes nothing.
		await expect(submitExam(t.db, officer, exam.id, after(9_000))).rejects.toMatchObject({
			code: 'exam_late'
		});
		await expect(
			saveExamAnswer(t.db, officer, { examId: exam.id, position: 9, response: true }, after(9_000))
		).rejects.toMatchObject({ code: 'exam_late' });
		expect((await examRow(exam.id)).correctCount).toBe(6);
	});

	it('accepts a submission on time, marks it, and a second click changes nothing', async () => {
		const { exam } = await startAndAnswer(officer, 5);
		const at = after(-60_000);
		const done = await submitExam(t.db, officer, exam.id, at);
		expect(done).toMatchObject({
			submittedAt: at,
			autoSubmitted: false,
			correctCount: 5,
			score: 50,
			passed: false
		});
		expect(await submitExam(t.db, officer, exam.id, after(-30_000))).toEqual(done);
		await expect(
			saveExamAnswer(t.db, officer, { examId: exam.id, position: 9, response: true }, at)
		).rejects.toMatchObject({ code: 'exam_submitted' });
	});

	it('opening the paper after the deadline hands it in (page closed during the exam)', async () => {
		const { exam } = await startAndAnswer(officer, 3);
		expect(await paperView(t.db, officer, exam.id, 1, after(-1000))).toMatchObject({
			phase: 'open'
		});
		expect(await paperView(t.db, officer, exam.id, 1, after(60_000))).toEqual({
			phase: 'submitted',
			examId: exam.id
		});
		expect(await examRow(exam.id)).toMatchObject({ autoSubmitted: true, correctCount: 3 });
	});
});

describe('the sweep', () => {
	it('submits expired attempts only, and only once', async () => {
		const expired = (await startAndAnswer(officer, 2)).exam;
		const later = await startExam(t.db, other, blueprintId, new Date(START.getTime() + 600_000));
		const [handedIn] = await t.db
			.insert(table.drillExam)
			.values({
				userId: officer.id,
				blueprintId,
				name: '以前的考试',
				passPercent: 60,
				requestedCount: 10,
				questionCount: 10,
				startedAt: new Date(START.getTime() - 86_400_000),
				deadlineAt: new Date(START.getTime() - 84_600_000),
				submittedAt: new Date(START.getTime() - 85_000_000),
				correctCount: 1,
				score: 10,
				passed: false
			})
			.returning();

		// Inside the grace nothing is due; after it, only the officer's open attempt.
		expect(await submitExpiredExams(t.db, after(DEADLINE_GRACE_MS))).toBe(0);
		expect(await submitExpiredExams(t.db, after(DEADLINE_GRACE_MS + 1))).toBe(1);
		expect(await examRow(expired.id)).toMatchObject({
			autoSubmitted: true,
			submittedAt: DEADLINE,
			correctCount: 2
		});
		expect((await examRow(later.id)).submittedAt).toBeNull();
		expect(await examRow(handedIn.id)).toEqual(handedIn);
		expect(await submitExpiredExams(t.db, after(DEADLINE_GRACE_MS + 1))).toBe(0);
		// Ten minutes later the other officer's attempt is due too.
		expect(await submitExpiredExams(t.db, after(600_000 + DEADLINE_GRACE_MS + 1))).toBe(1);
		expect((await examRow(later.id)).autoSubmitted).toBe(true);
	});

	it('limited to one officer, leaves the others for later', async () => {
		const mine = (await startAndAnswer(officer, 0)).exam;
		const theirs = (await startAndAnswer(other, 0)).exam;
		expect(await submitExpiredExams(t.db, after(60_000), { userId: other.id })).toBe(1);
		expect((await examRow(mine.id)).submittedAt).toBeNull();
		expect((await examRow(theirs.id)).autoSubmitted).toBe(true);
	});
});
