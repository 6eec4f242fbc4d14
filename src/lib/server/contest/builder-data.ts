// What the contest builder shows: published questions to pick (searched within the bank the
// staff member may use) and the questions already picked.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { QuestionType } from '../db/schema/bank';
import type { SessionUser } from '../auth/session';
import { listQuestions } from '../bank/list';
import { requireStaff, viewScopeSql } from '../bank/scope';
import { CONTEST_QUESTION_TYPES } from './draw';

export interface PickableQuestion {
	id: number;
	type: QuestionType;
	topic: string;
	difficulty: number;
	stem: string;
	/** Published, in reach and of a type contests use. */
	usable: boolean;
}

export interface QuestionSearch {
	text?: string;
	topic?: string;
	type?: QuestionType;
	page?: number;
}

export async function searchPickable(db: Db, actor: SessionUser, search: QuestionSearch) {
	const result = await listQuestions(db, actor, {
		text: search.text,
		topic: search.topic,
		type: search.type,
		status: 'published',
		page: search.page,
		pageSize: 10
	});
	return {
		rows: result.rows.map((r): PickableQuestion => ({
			id: r.id,
			type: r.type,
			topic: r.topic,
			difficulty: r.difficulty,
			stem: r.stem,
			usable: CONTEST_QUESTION_TYPES.includes(r.type)
		})),
		page: result.page,
		pages: result.pages,
		total: result.total
	};
}

/** The picked questions the actor may see, by id (missing ids were deleted or are out of reach). */
export async function describePicked(
	db: Db,
	actor: SessionUser,
	ids: number[]
): Promise<Map<number, PickableQuestion>> {
	requireStaff(actor);
	if (ids.length === 0) return new Map();
	const rows = await db
		.select({
			id: table.question.id,
			type: table.question.type,
			topic: table.question.topic,
			difficulty: table.question.difficulty,
			stem: table.question.stem,
			status: table.question.status
		})
		.from(table.question)
		.innerJoin(table.unit, eq(table.question.unitId, table.unit.id))
		.where(and(inArray(table.question.id, ids), viewScopeSql(actor)));
	return new Map(
		rows.map(({ status, ...r }) => [
			r.id,
			{ ...r, usable: status === 'published' && CONTEST_QUESTION_TYPES.includes(r.type) }
		])
	);
}
