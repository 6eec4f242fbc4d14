// Review cards in the database: the due count. Answers schedule cards in answer-store.ts.
import { and, count, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';

/** Right answers whose times make up the officer's own median for a question type. */
export const MEDIAN_WINDOW = 50;

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
