// Starting and finding mock exam attempts. An officer has at most one unfinished attempt per
// blueprint: starting again resumes it, with the same questions in the same order.
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { SessionUser } from '../auth/session';
import { DomainError } from '../errors';
import type { Exam } from './exam-access';
import { blueprintTotal, getActiveBlueprint } from './exam-blueprints';
import { drawPaper, jurisdictionsFor } from './exam-draw';
import { submitExpiredExams } from './exam-submit';

const MINUTE_MS = 60_000;

async function openAttempt(db: Db, userId: string, blueprintId: number) {
	const [row] = await db
		.select()
		.from(table.drillExam)
		.where(
			and(
				eq(table.drillExam.userId, userId),
				eq(table.drillExam.blueprintId, blueprintId),
				isNull(table.drillExam.submittedAt)
			)
		);
	return row;
}

/**
 * Resumes the unfinished attempt on this blueprint, or draws a new paper whose deadline is
 * `now` plus the blueprint's minutes. An attempt whose time ran out is submitted first.
 */
export async function startExam(
	db: Db,
	user: SessionUser,
	blueprintId: number,
	now: Date,
	random?: () => number
): Promise<Exam> {
	await submitExpiredExams(db, now, { userId: user.id });
	const existing = await openAttempt(db, user.id, blueprintId);
	if (existing) return existing;
	const blueprint = await getActiveBlueprint(db, blueprintId);
	if (!blueprint) throw new DomainError('exam_blueprint_not_found');
	const items = await drawPaper(db, blueprint, await jurisdictionsFor(db, user.unitPath), random);
	if (items.length === 0) throw new DomainError('exam_no_questions');
	const created = await db.transaction(async (tx) => {
		const [exam] = await tx
			.insert(table.drillExam)
			.values({
				userId: user.id,
				blueprintId: blueprint.id,
				name: blueprint.name,
				passPercent: blueprint.passPercent,
				requestedCount: blueprintTotal(blueprint),
				questionCount: items.length,
				startedAt: now,
				deadlineAt: new Date(now.getTime() + blueprint.minutes * MINUTE_MS)
			})
			.onConflictDoNothing()
			.returning();
		if (exam) {
			await tx.insert(table.drillExamItem).values(items.map((i) => ({ ...i, examId: exam.id })));
		}
		return exam;
	});
	// Another tab started the same blueprint a moment earlier: both resume its attempt.
	return created ?? (await openAttempt(db, user.id, blueprintId))!;
}

export const EXAM_PAGE_SIZE = 10;

/** The user's attempts, newest first, paged. */
export async function listOwnExams(db: Db, userId: string, page = 1) {
	const current = Math.max(page, 1);
	const where = eq(table.drillExam.userId, userId);
	const [rows, [{ total }]] = await Promise.all([
		db
			.select()
			.from(table.drillExam)
			.where(where)
			.orderBy(desc(table.drillExam.startedAt), desc(table.drillExam.id))
			.limit(EXAM_PAGE_SIZE)
			.offset((current - 1) * EXAM_PAGE_SIZE),
		db.select({ total: count() }).from(table.drillExam).where(where)
	]);
	return { rows, total, page: current, pages: Math.max(1, Math.ceil(total / EXAM_PAGE_SIZE)) };
}

/** blueprint id → the user's unfinished attempt on it. */
export async function openExamsByBlueprint(db: Db, userId: string): Promise<Map<number, number>> {
	const rows = await db
		.select({ id: table.drillExam.id, blueprintId: table.drillExam.blueprintId })
		.from(table.drillExam)
		.where(and(eq(table.drillExam.userId, userId), isNull(table.drillExam.submittedAt)));
	return new Map(rows.map((r) => [r.blueprintId, r.id]));
}
