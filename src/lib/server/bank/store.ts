// Writing questions: the one place that creates a question with its first version, used by
// the editor, the importers and the starter bank loader.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { QuestionStatus } from '../db/schema/bank';
import type { QuestionInput } from './question-input';

export interface Ownership {
	unitId: number;
	authorId: string | null;
	status?: QuestionStatus;
}

/** Inserts an already validated question and its version 1; returns the question id. */
export async function insertQuestion(
	db: Db,
	input: QuestionInput,
	owner: Ownership
): Promise<number> {
	const status = owner.status ?? input.status ?? 'draft';
	const publishedAt = status === 'published' ? new Date() : null;
	const [q] = await db
		.insert(table.question)
		.values({
			status,
			type: input.type,
			topic: input.topic,
			subtopic: input.subtopic,
			difficulty: input.difficulty,
			tags: input.tags,
			stem: input.stem,
			jurisdiction: input.jurisdiction,
			unitId: owner.unitId,
			authorId: owner.authorId,
			publishedAt
		})
		.returning({ id: table.question.id });
	const [v] = await db
		.insert(table.questionVersion)
		.values({
			...versionValues(input),
			questionId: q.id,
			version: 1,
			createdBy: owner.authorId,
			publishedAt
		})
		.returning({ id: table.questionVersion.id });
	await db
		.update(table.question)
		.set({ currentVersionId: v.id })
		.where(eq(table.question.id, q.id));
	return q.id;
}

export function versionValues(input: QuestionInput) {
	return {
		type: input.type,
		stem: input.stem,
		options: input.options,
		answer: input.answer,
		explanation: input.explanation,
		legalBasis: input.legalBasis,
		topic: input.topic,
		subtopic: input.subtopic,
		difficulty: input.difficulty,
		tags: input.tags,
		sourceFacts: input.sourceFacts ?? []
	};
}
