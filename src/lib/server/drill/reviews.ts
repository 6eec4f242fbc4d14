// Review cards in the database: scheduling after an answer, and the due count.
import { and, count, desc, eq, lte } from 'drizzle-orm';
import type { Grade } from 'ts-fsrs';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { QuestionType } from '../db/schema/bank';
import { ratingFor, referenceMedian, scheduleReview } from './schedule';

/** Right answers whose times make up the officer's own median for a question type. */
export const MEDIAN_WINDOW = 50;

async function recentRightTimes(db: Db, userId: string, type: QuestionType): Promise<number[]> {
	const rows = await db
		.select({ timeMs: table.drillAnswer.timeMs })
		.from(table.drillAnswer)
		.where(
			and(
				eq(table.drillAnswer.userId, userId),
				eq(table.drillAnswer.questionType, type),
				eq(table.drillAnswer.correct, true)
			)
		)
		.orderBy(desc(table.drillAnswer.answeredAt))
		.limit(MEDIAN_WINDOW);
	return rows.map((r) => r.timeMs);
}

export interface ReviewedAnswer {
	userId: string;
	questionId: number;
	type: QuestionType;
	correct: boolean;
	timeMs: number;
	at: Date;
}

/** Rates the answer, moves the question's card to its next review; returns the rating. */
export async function scheduleCardFor(db: Db, answer: ReviewedAnswer): Promise<Grade> {
	const medianMs = referenceMedian(
		answer.type,
		await recentRightTimes(db, answer.userId, answer.type)
	);
	const rating = ratingFor({ correct: answer.correct, timeMs: answer.timeMs, medianMs });
	const key = and(
		eq(table.reviewCard.userId, answer.userId),
		eq(table.reviewCard.questionId, answer.questionId)
	);
	const [previous] = await db.select().from(table.reviewCard).where(key).for('update');
	const next = scheduleReview(previous, rating, answer.at);
	if (previous) await db.update(table.reviewCard).set(next).where(key);
	else {
		await db
			.insert(table.reviewCard)
			.values({ ...next, userId: answer.userId, questionId: answer.questionId })
			.onConflictDoUpdate({
				target: [table.reviewCard.userId, table.reviewCard.questionId],
				set: next
			});
	}
	return rating;
}

/** Reviews due now, on questions still published. */
export async function countDue(db: Db, userId: string, now = new Date()): Promise<number> {
	const [{ due }] = await db
		.select({ due: count() })
		.from(table.reviewCard)
		.innerJoin(table.question, eq(table.reviewCard.questionId, table.question.id))
		.where(
			and(
				eq(table.reviewCard.userId, userId),
				lte(table.reviewCard.due, now),
				eq(table.question.status, 'published')
			)
		);
	return due;
}
