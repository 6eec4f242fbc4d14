// The mistakes notebook (错题本) in the database; the rule itself is in mistake-rule.ts and
// answers write it in answer-store.ts.
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';

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
