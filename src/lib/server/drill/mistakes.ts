// The mistakes notebook (错题本) in the database; the rule itself is in mistake-rule.ts.
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { nextMistakeState } from './mistake-rule';

export async function recordMistake(
	db: Db,
	userId: string,
	questionId: number,
	answer: { correct: boolean; at: Date }
): Promise<void> {
	const key = and(eq(table.mistake.userId, userId), eq(table.mistake.questionId, questionId));
	const [current] = await db.select().from(table.mistake).where(key).for('update');
	const next = nextMistakeState(current, answer);
	if (!next) return;
	if (current) await db.update(table.mistake).set(next).where(key);
	else {
		await db
			.insert(table.mistake)
			.values({ ...next, userId, questionId })
			.onConflictDoUpdate({ target: [table.mistake.userId, table.mistake.questionId], set: next });
	}
}

/** Questions still in the notebook, on questions still published. */
export async function countOpenMistakes(db: Db, userId: string): Promise<number> {
	const [{ open }] = await db
		.select({ open: count() })
		.from(table.mistake)
		.innerJoin(table.question, eq(table.mistake.questionId, table.question.id))
		.where(
			and(
				eq(table.mistake.userId, userId),
				isNull(table.mistake.clearedAt),
				eq(table.question.status, 'published')
			)
		);
	return open;
}
