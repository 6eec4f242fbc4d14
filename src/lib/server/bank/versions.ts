// Reading one question with its history, for the editor and the version list.
import { count, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { DomainError } from '../errors';
import { findQuestion } from './questions';
import { canEditQuestionAt, canViewQuestionAt, requireStaff, type Actor } from './scope';

export const VERSION_PAGE_SIZE = 10;

export async function getVersion(
	db: Db,
	versionId: number
): Promise<table.QuestionVersion | undefined> {
	if (!Number.isInteger(versionId) || versionId < 1) return undefined;
	const [row] = await db
		.select()
		.from(table.questionVersion)
		.where(eq(table.questionVersion.id, versionId));
	return row;
}

export async function listVersions(db: Db, questionId: number, page = 1) {
	const writer = alias(table.user, 'writer');
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				version: table.questionVersion,
				writerName: writer.displayName
			})
			.from(table.questionVersion)
			.leftJoin(writer, eq(table.questionVersion.createdBy, writer.id))
			.where(eq(table.questionVersion.questionId, questionId))
			.orderBy(desc(table.questionVersion.version))
			.limit(VERSION_PAGE_SIZE)
			.offset((Math.max(page, 1) - 1) * VERSION_PAGE_SIZE),
		db
			.select({ total: count() })
			.from(table.questionVersion)
			.where(eq(table.questionVersion.questionId, questionId))
	]);
	const pages = Math.max(1, Math.ceil(total / VERSION_PAGE_SIZE));
	return { rows, total, page: Math.max(page, 1), pages };
}

/** The question as staff see it in the editor; refuses out-of-scope staff and officers. */
export async function getQuestionWithVersions(db: Db, actor: Actor, id: number, versionPage = 1) {
	requireStaff(actor);
	const found = await findQuestion(db, id);
	if (!found) throw new DomainError('q_not_found');
	if (!canViewQuestionAt(actor, found.unitPath)) throw new DomainError('forbidden');
	const q = found.question;
	const author = alias(table.user, 'author');
	const reviewer = alias(table.user, 'reviewer');
	const [[people], current, versions] = await Promise.all([
		db
			.select({
				unitNameZh: table.unit.nameZh,
				unitNameEn: table.unit.nameEn,
				authorName: author.displayName,
				reviewerName: reviewer.displayName
			})
			.from(table.unit)
			.leftJoin(author, eq(author.id, q.authorId ?? ''))
			.leftJoin(reviewer, eq(reviewer.id, q.reviewerId ?? ''))
			.where(eq(table.unit.id, q.unitId)),
		getVersion(db, q.currentVersionId ?? -1),
		listVersions(db, id, versionPage)
	]);
	if (!current) throw new DomainError('q_not_found');
	return {
		question: q,
		current,
		versions,
		unitNameZh: people.unitNameZh,
		unitNameEn: people.unitNameEn,
		authorName: people.authorName,
		reviewerName: people.reviewerName,
		canEdit: canEditQuestionAt(actor, found.unitPath)
	};
}
