// What the drill pages show. Reads only the fields a player may see before answering: the
// answer key, explanation and legal basis stay on the server until the answer is in.
import { and, count, eq, gt, gte, inArray, isNull, max, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { QuestionType } from '../db/schema/bank';
import type { DrillSession } from '../db/schema/drill';
import { countOpenMistakes } from './mistakes';
import { countDue } from './reviews';
import { chinaDayStart, WINDOW } from './sessions';
import { slugOfTopic, topics } from './topics';
import { topicStats } from './sets';

export interface ShownItem {
	position: number;
	versionId: number;
	type: QuestionType;
	stem: string;
	options: string[];
}

/** The current question and a few after it, for play through a dropped connection. */
export async function upcomingItems(
	db: Db,
	session: DrillSession,
	window = WINDOW
): Promise<ShownItem[]> {
	const ids = session.versionIds.slice(session.position, session.position + window);
	if (session.finishedAt || ids.length === 0) return [];
	const rows = await db
		.select({
			id: table.questionVersion.id,
			type: table.questionVersion.type,
			stem: table.questionVersion.stem,
			options: table.questionVersion.options
		})
		.from(table.questionVersion)
		.where(inArray(table.questionVersion.id, ids));
	const byId = new Map(rows.map((r) => [r.id, r]));
	return ids.flatMap((id, i) => {
		const row = byId.get(id);
		if (!row) return [];
		const { type, stem, options } = row;
		return [{ position: session.position + i, versionId: id, type, stem, options }];
	});
}

export function sessionSummary(session: DrillSession) {
	return {
		id: session.id,
		mode: session.mode,
		topic: session.topic,
		subtopic: session.subtopic,
		size: session.size,
		position: session.position,
		correctCount: session.correctCount,
		finished: session.finishedAt !== null
	};
}
export type SessionSummary = ReturnType<typeof sessionSummary>;

/** The longest challenge run; `except` leaves one session out (to tell a new best). */
export async function challengeBest(db: Db, userId: string, except?: number): Promise<number> {
	const [{ best }] = await db
		.select({ best: max(table.drillSession.correctCount) })
		.from(table.drillSession)
		.where(
			and(
				eq(table.drillSession.userId, userId),
				eq(table.drillSession.mode, 'challenge'),
				except ? ne(table.drillSession.id, except) : undefined
			)
		);
	return best ?? 0;
}

async function dailyToday(db: Db, userId: string, now: Date) {
	const rows = await db
		.select({
			size: table.drillSession.size,
			position: table.drillSession.position,
			finishedAt: table.drillSession.finishedAt
		})
		.from(table.drillSession)
		.where(
			and(
				eq(table.drillSession.userId, userId),
				eq(table.drillSession.mode, 'daily'),
				gte(table.drillSession.startedAt, chinaDayStart(now))
			)
		);
	const done = rows.some((r) => r.finishedAt !== null && r.position >= r.size);
	const open = rows.find((r) => r.finishedAt === null);
	return { done, open: open ? { position: open.position, size: open.size } : null };
}

/** Per area: published questions, how many the officer has in hand, and right-answer share. */
async function topicMastery(db: Db, userId: string, now: Date) {
	const [published, held, stats] = await Promise.all([
		db
			.select({ topic: table.question.topic, total: count() })
			.from(table.question)
			.where(eq(table.question.status, 'published'))
			.groupBy(table.question.topic),
		// "In hand": answered before, not due for review and not in the mistakes notebook.
		db
			.select({ topic: table.question.topic, held: count() })
			.from(table.reviewCard)
			.innerJoin(table.question, eq(table.reviewCard.questionId, table.question.id))
			.leftJoin(
				table.mistake,
				and(
					eq(table.mistake.userId, table.reviewCard.userId),
					eq(table.mistake.questionId, table.reviewCard.questionId),
					isNull(table.mistake.clearedAt)
				)
			)
			.where(
				and(
					eq(table.reviewCard.userId, userId),
					gt(table.reviewCard.due, now),
					eq(table.question.status, 'published'),
					isNull(table.mistake.userId)
				)
			)
			.groupBy(table.question.topic),
		topicStats(db, userId)
	]);
	return topics.map((topic) => {
		const total = published.find((r) => r.topic === topic)?.total ?? 0;
		const inHand = held.find((r) => r.topic === topic)?.held ?? 0;
		const stat = stats.find((r) => r.topic === topic) ?? { answered: 0, correct: 0 };
		return {
			topic,
			slug: slugOfTopic(topic)!,
			total,
			mastered: inHand,
			percent: total ? Math.round((100 * inHand) / total) : 0,
			answered: stat.answered,
			accuracy: stat.answered ? Math.round((100 * stat.correct) / stat.answered) : null
		};
	});
}

/** Everything the drill hub shows. */
export async function drillOverview(db: Db, userId: string, now = new Date()) {
	const [due, mistakes, best, daily, topicRows] = await Promise.all([
		countDue(db, userId, now),
		countOpenMistakes(db, userId),
		challengeBest(db, userId),
		dailyToday(db, userId, now),
		topicMastery(db, userId, now)
	]);
	return { due, mistakes, challengeBest: best, daily, topics: topicRows };
}
