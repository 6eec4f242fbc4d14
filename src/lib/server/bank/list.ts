// Searching the bank: the filters of the staff list, paged, always limited to the actor's scope.
import { and, arrayContains, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import {
	questionStatuses,
	questionTypes,
	type QuestionStatus,
	type QuestionType
} from '../db/schema/bank';
import {
	canEditQuestionAt,
	editScopeSql,
	escapeLike,
	requireStaff,
	viewScopeSql,
	type Actor
} from './scope';

export interface QuestionFilters {
	text?: string;
	type?: QuestionType;
	topic?: string;
	status?: QuestionStatus;
	difficulty?: number;
	tag?: string;
	/** 'edit' lists only questions the actor may edit (review queue); default 'view'. */
	scope?: 'view' | 'edit';
	page?: number;
	pageSize?: number;
}

export function isQuestionType(value: unknown): value is QuestionType {
	return typeof value === 'string' && (questionTypes as readonly string[]).includes(value);
}

export function isQuestionStatus(value: unknown): value is QuestionStatus {
	return typeof value === 'string' && (questionStatuses as readonly string[]).includes(value);
}

function conditions(actor: Actor, f: QuestionFilters, withStatus: boolean): SQL | undefined {
	const where: SQL[] = [f.scope === 'edit' ? editScopeSql(actor) : viewScopeSql(actor)];
	const text = f.text?.trim();
	if (text) where.push(ilike(table.question.stem, `%${escapeLike(text)}%`));
	if (f.type) where.push(eq(table.question.type, f.type));
	if (f.topic) where.push(eq(table.question.topic, f.topic));
	if (withStatus && f.status) where.push(eq(table.question.status, f.status));
	if (f.difficulty) where.push(eq(table.question.difficulty, f.difficulty));
	const tag = f.tag?.trim();
	if (tag) where.push(arrayContains(table.question.tags, [tag]));
	return and(...where);
}

export async function listQuestions(db: Db, actor: Actor, f: QuestionFilters = {}) {
	requireStaff(actor);
	const pageSize = Math.min(Math.max(f.pageSize ?? 20, 1), 100);
	const page = Math.max(f.page ?? 1, 1);
	const where = conditions(actor, f, true);
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				id: table.question.id,
				status: table.question.status,
				type: table.question.type,
				topic: table.question.topic,
				subtopic: table.question.subtopic,
				difficulty: table.question.difficulty,
				tags: table.question.tags,
				stem: table.question.stem,
				jurisdiction: table.question.jurisdiction,
				authorId: table.question.authorId,
				updatedAt: table.question.updatedAt,
				unitPath: table.unit.path,
				unitNameZh: table.unit.nameZh,
				unitNameEn: table.unit.nameEn,
				versionWriter: table.questionVersion.createdBy
			})
			.from(table.question)
			.innerJoin(table.unit, eq(table.question.unitId, table.unit.id))
			.leftJoin(
				table.questionVersion,
				eq(table.question.currentVersionId, table.questionVersion.id)
			)
			.where(where)
			.orderBy(desc(table.question.updatedAt), desc(table.question.id))
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		db
			.select({ total: count() })
			.from(table.question)
			.innerJoin(table.unit, eq(table.question.unitId, table.unit.id))
			.where(where)
	]);
	return {
		rows: rows.map(({ unitPath, versionWriter, ...r }) => ({
			...r,
			canEdit: canEditQuestionAt(actor, unitPath),
			// Four eyes: the author and the writer of the current version may not publish it.
			mine: r.authorId === actor.id || versionWriter === actor.id
		})),
		total,
		page,
		pageSize,
		pages: Math.max(1, Math.ceil(total / pageSize))
	};
}

/** How many questions of each status match the filters (ignoring the status filter). */
export async function countByStatus(
	db: Db,
	actor: Actor,
	f: QuestionFilters = {}
): Promise<Record<QuestionStatus, number>> {
	requireStaff(actor);
	const rows = await db
		.select({ status: table.question.status, n: count() })
		.from(table.question)
		.innerJoin(table.unit, eq(table.question.unitId, table.unit.id))
		.where(conditions(actor, f, false))
		.groupBy(table.question.status);
	const counts = { draft: 0, in_review: 0, published: 0, retired: 0 };
	for (const r of rows) counts[r.status] = r.n;
	return counts;
}
