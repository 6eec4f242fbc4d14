// The life of a question: draft → in_review → published → retired (and back to draft).
// Every step checks scope itself and changes the status only from the state it expects, so
// two reviewers pressing "publish" at once cannot both succeed.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { QuestionStatus } from '../db/schema/bank';
import { DomainError } from '../errors';
import { requireEditableQuestion } from './questions';
import type { Actor } from './scope';

async function move(
	db: Db,
	id: number,
	from: readonly QuestionStatus[],
	to: QuestionStatus,
	wrongState: string
): Promise<void> {
	const updated = await db
		.update(table.question)
		.set({ status: to, updatedAt: new Date() })
		.where(and(eq(table.question.id, id), inArray(table.question.status, [...from])))
		.returning({ id: table.question.id });
	if (updated.length === 0) throw new DomainError(wrongState);
}

export async function submitForReview(db: Db, actor: Actor, id: number): Promise<void> {
	await requireEditableQuestion(db, actor, id);
	await move(db, id, ['draft'], 'in_review', 'q_not_draft');
}

/** A reviewer sends a question back to its author without publishing it. */
export async function returnToDraft(db: Db, actor: Actor, id: number): Promise<void> {
	await requireEditableQuestion(db, actor, id);
	await move(db, id, ['in_review'], 'draft', 'q_not_in_review');
}

export async function retireQuestion(db: Db, actor: Actor, id: number): Promise<void> {
	await requireEditableQuestion(db, actor, id);
	await move(db, id, ['draft', 'in_review', 'published'], 'retired', 'q_already_retired');
}

export async function unretireQuestion(db: Db, actor: Actor, id: number): Promise<void> {
	await requireEditableQuestion(db, actor, id);
	await move(db, id, ['retired'], 'draft', 'q_not_retired');
}

/**
 * Publishes the current version. Four eyes: neither the question's author nor whoever wrote
 * the current version may publish it.
 */
export async function publishQuestion(db: Db, actor: Actor, id: number): Promise<void> {
	await db.transaction(async (tx) => {
		const { question: q } = await requireEditableQuestion(tx, actor, id, true);
		if (q.status !== 'in_review') throw new DomainError('q_not_in_review');
		const [current] = await tx
			.select()
			.from(table.questionVersion)
			.where(eq(table.questionVersion.id, q.currentVersionId ?? -1));
		if (!current) throw new DomainError('q_not_found');
		if (q.authorId === actor.id || current.createdBy === actor.id) {
			throw new DomainError('q_publish_own');
		}
		const now = new Date();
		await tx
			.update(table.questionVersion)
			.set({ publishedAt: now })
			.where(
				and(eq(table.questionVersion.id, current.id), isNull(table.questionVersion.publishedAt))
			);
		await tx
			.update(table.question)
			.set({ status: 'published', reviewerId: actor.id, publishedAt: now, updatedAt: now })
			.where(eq(table.question.id, id));
	});
}
