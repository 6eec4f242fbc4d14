// Every load and action on an attempt goes through here: it exists, and it is the user's.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { SessionUser } from '../auth/session';
import { DomainError } from '../errors';

export type Exam = table.DrillExam;

async function findExam(db: Db, id: number, lock: boolean): Promise<Exam | undefined> {
	if (!Number.isInteger(id) || id < 1) return undefined;
	const query = db.select().from(table.drillExam).where(eq(table.drillExam.id, id));
	const [row] = lock ? await query.for('update') : await query;
	return row;
}

/** The attempt if it is the user's; `lock` takes a row lock inside a transaction. */
export async function requireOwnExam(
	db: Db,
	user: SessionUser,
	id: number,
	lock = false
): Promise<Exam> {
	const exam = await findExam(db, id, lock);
	if (!exam) throw new DomainError('exam_not_found');
	if (exam.userId !== user.id) throw new DomainError('exam_not_yours');
	return exam;
}
