// Paged lists on the drill pages: sub-topics of an area, open topic sessions, the notebook.
import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { CLEAR_AFTER_DAYS } from './mistake-rule';

export const LIST_PAGE_SIZE = 20;

function paging(page: number, total: number) {
	const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
	const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
	return { page: current, pages, total, offset: (current - 1) * LIST_PAGE_SIZE };
}

/** Sub-topics of an area with their published questions, most questions first. */
export async function listSubtopics(db: Db, topic: string, page = 1) {
	const where = and(eq(table.question.status, 'published'), eq(table.question.topic, topic));
	const [[{ all }], [{ groups }]] = await Promise.all([
		db.select({ all: count() }).from(table.question).where(where),
		db
			.select({ groups: count() })
			.from(
				db
					.selectDistinct({ subtopic: table.question.subtopic })
					.from(table.question)
					.where(where)
					.as('s')
			)
	]);
	const p = paging(page, groups);
	const rows = await db
		.select({ subtopic: table.question.subtopic, total: count() })
		.from(table.question)
		.where(where)
		.groupBy(table.question.subtopic)
		.orderBy(desc(count()), asc(table.question.subtopic))
		.limit(LIST_PAGE_SIZE)
		.offset(p.offset);
	return { rows, all, page: p.page, pages: p.pages, total: p.total };
}

/** Topic sessions of this area still open, so the officer can go back to them. */
export async function openTopicSessions(db: Db, userId: string, topic: string) {
	return db
		.select({
			subtopic: table.drillSession.subtopic,
			position: table.drillSession.position,
			size: table.drillSession.size
		})
		.from(table.drillSession)
		.where(
			and(
				eq(table.drillSession.userId, userId),
				eq(table.drillSession.mode, 'topic'),
				eq(table.drillSession.topic, topic),
				isNull(table.drillSession.finishedAt)
			)
		)
		.orderBy(desc(table.drillSession.startedAt))
		.limit(LIST_PAGE_SIZE);
}

/** The open notebook entries, oldest mistake first, with progress towards leaving it. */
export async function listMistakes(db: Db, userId: string, page = 1) {
	const where = and(
		eq(table.mistake.userId, userId),
		isNull(table.mistake.clearedAt),
		eq(table.question.status, 'published')
	);
	const [{ total }] = await db
		.select({ total: count() })
		.from(table.mistake)
		.innerJoin(table.question, eq(table.mistake.questionId, table.question.id))
		.where(where);
	const p = paging(page, total);
	const rows = await db
		.select({
			questionId: table.question.id,
			stem: table.question.stem,
			topic: table.question.topic,
			wrongAt: table.mistake.wrongAt,
			wrongCount: table.mistake.wrongCount,
			rightDays: table.mistake.rightDays
		})
		.from(table.mistake)
		.innerJoin(table.question, eq(table.mistake.questionId, table.question.id))
		.where(where)
		.orderBy(asc(table.mistake.wrongAt), asc(table.question.id))
		.limit(LIST_PAGE_SIZE)
		.offset(p.offset);
	return { rows, page: p.page, pages: p.pages, total: p.total, needed: CLEAR_AFTER_DAYS };
}
