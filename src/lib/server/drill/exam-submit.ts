// Saving answers and submitting a mock exam, with the deadline enforced here rather than in the
// browser. An attempt whose time has run out is submitted for the officer with the answers
// saved before the deadline: lazily whenever it is touched, and by a periodic sweep.
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { SessionUser } from '../auth/session';
import { isCorrect, type Response } from '../bank/check-answer';
import { DomainError } from '../errors';
import { requireOwnExam, type Exam } from './exam-access';
import {
	DEADLINE_GRACE_MS,
	isPastDeadline,
	isSavableResponse,
	responseFromForm,
	scorePaper,
	toAuthored
} from './exam-paper';

/** Marks every item and closes the attempt; call inside a transaction holding its row lock. */
async function markAndClose(tx: Db, exam: Exam, now: Date, auto: boolean): Promise<Exam> {
	const items = await tx
		.select({
			id: table.drillExamItem.id,
			response: table.drillExamItem.response,
			type: table.questionVersion.type,
			answer: table.questionVersion.answer
		})
		.from(table.drillExamItem)
		.innerJoin(
			table.questionVersion,
			eq(table.questionVersion.id, table.drillExamItem.questionVersionId)
		)
		.where(eq(table.drillExamItem.examId, exam.id));
	const right: number[] = [];
	const wrong: number[] = [];
	for (const item of items) {
		const ok = item.response !== null && isCorrect(item.type, item.answer, item.response);
		(ok ? right : wrong).push(item.id);
	}
	for (const [ids, correct] of [
		[right, true],
		[wrong, false]
	] as const) {
		if (ids.length === 0) continue;
		await tx
			.update(table.drillExamItem)
			.set({ correct })
			.where(inArray(table.drillExamItem.id, ids));
	}
	const result = scorePaper(right.length, items.length, exam.passPercent);
	const [closed] = await tx
		.update(table.drillExam)
		.set({
			submittedAt: auto ? exam.deadlineAt : now,
			autoSubmitted: auto,
			correctCount: result.correct,
			score: result.score,
			passed: result.passed
		})
		.where(eq(table.drillExam.id, exam.id))
		.returning();
	return closed;
}

/** Submits the attempt for the officer if its time ran out; returns it as it now stands. */
export async function closeIfExpired(db: Db, exam: Exam, now: Date): Promise<Exam> {
	if (exam.submittedAt || !isPastDeadline(exam.deadlineAt, now)) return exam;
	return db.transaction(async (tx) => {
		const [locked] = await tx
			.select()
			.from(table.drillExam)
			.where(eq(table.drillExam.id, exam.id))
			.for('update');
		return locked.submittedAt ? locked : markAndClose(tx, locked, now, true);
	});
}

export interface SaveAnswerInput {
	examId: number;
	position: number;
	/** In the letters the officer saw; null clears the answer. */
	response?: Response | null;
	/** Or the raw values of a form's inputs, read according to the question's type. */
	formValues?: string[];
}

/** Runs `fn` on the locked, open attempt; a late call submits it instead and is refused. */
async function whileOpen<T>(
	db: Db,
	user: SessionUser,
	examId: number,
	now: Date,
	fn: (tx: Db, exam: Exam) => Promise<T>
): Promise<T> {
	const outcome = await db.transaction(async (tx) => {
		const exam = await requireOwnExam(tx, user, examId, true);
		if (exam.submittedAt) return { late: exam.autoSubmitted, done: true as const, exam };
		if (isPastDeadline(exam.deadlineAt, now)) {
			return { late: true, done: true as const, exam: await markAndClose(tx, exam, now, true) };
		}
		return { done: false as const, value: await fn(tx, exam) };
	});
	if (!outcome.done) return outcome.value;
	throw new DomainError(outcome.late ? 'exam_late' : 'exam_submitted');
}

export async function saveExamAnswer(
	db: Db,
	user: SessionUser,
	input: SaveAnswerInput,
	now: Date
): Promise<void> {
	await whileOpen(db, user, input.examId, now, async (tx, exam) => {
		const [item] = Number.isInteger(input.position)
			? await tx
					.select({
						id: table.drillExamItem.id,
						optionOrder: table.drillExamItem.optionOrder,
						type: table.questionVersion.type,
						options: table.questionVersion.options
					})
					.from(table.drillExamItem)
					.innerJoin(
						table.questionVersion,
						eq(table.questionVersion.id, table.drillExamItem.questionVersionId)
					)
					.where(
						and(
							eq(table.drillExamItem.examId, exam.id),
							eq(table.drillExamItem.position, input.position)
						)
					)
			: [];
		if (!item) throw new DomainError('exam_question_not_found');
		const response = input.formValues
			? responseFromForm(item.type, input.formValues)
			: (input.response ?? null);
		if (response !== null && !isSavableResponse(item.type, item.options.length, response)) {
			throw new DomainError('exam_response_invalid');
		}
		await tx
			.update(table.drillExamItem)
			.set({
				response:
					response === null
						? null
						: toAuthored(item.type, item.optionOrder, item.options.length, response),
				answeredAt: response === null ? null : now
			})
			.where(eq(table.drillExamItem.id, item.id));
	});
}

/**
 * Submits on time, or refuses with `exam_late` after the deadline (plus grace) — the attempt is
 * then submitted automatically with what was saved in time. Submitting twice is harmless.
 */
export async function submitExam(
	db: Db,
	user: SessionUser,
	examId: number,
	now: Date
): Promise<Exam> {
	try {
		return await whileOpen(db, user, examId, now, (tx, exam) => markAndClose(tx, exam, now, false));
	} catch (e) {
		if (e instanceof DomainError && e.code === 'exam_submitted') {
			return requireOwnExam(db, user, examId);
		}
		throw e;
	}
}

/**
 * Submits every attempt whose deadline (plus grace) has passed; `userId` limits it to one
 * officer (for lazy submission when they open a page). Safe to run on several processes at
 * once: rows another process is closing are skipped. Returns how many it submitted.
 */
export async function submitExpiredExams(
	db: Db,
	now: Date,
	options: { userId?: string } = {}
): Promise<number> {
	const cutoff = new Date(now.getTime() - DEADLINE_GRACE_MS);
	const where = [isNull(table.drillExam.submittedAt), lt(table.drillExam.deadlineAt, cutoff)];
	if (options.userId) where.push(eq(table.drillExam.userId, options.userId));
	const expired = await db
		.select({ id: table.drillExam.id })
		.from(table.drillExam)
		.where(and(...where));
	let submitted = 0;
	for (const { id } of expired) {
		const closed = await db.transaction(async (tx) => {
			const [exam] = await tx
				.select()
				.from(table.drillExam)
				.where(eq(table.drillExam.id, id))
				.for('update', { skipLocked: true });
			if (!exam || exam.submittedAt) return false;
			await markAndClose(tx, exam, now, true);
			return true;
		});
		if (closed) submitted += 1;
	}
	return submitted;
}
