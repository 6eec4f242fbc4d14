// Drawing the questions of a session. Only published questions, always at their current
// version; the answer key is never read here.
import { and, asc, count, eq, gt, isNull, lte, notExists, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { composeDaily, weakestFirst, type Item, type TopicStat } from './compose';
import { topics } from './topics';

export const TOPIC_SET_LIMIT = 200;
export const MISTAKES_SET_LIMIT = 50;
export const CHALLENGE_SET_LIMIT = 100;

const item = {
	questionId: table.question.id,
	versionId: sql<number>`${table.question.currentVersionId}`.mapWith(Number)
};
const published = eq(table.question.status, 'published');

function cardOf(userId: string) {
	return and(
		eq(table.reviewCard.questionId, table.question.id),
		eq(table.reviewCard.userId, userId)
	);
}

/** Answers and right answers per drill area, all time. */
export async function topicStats(db: Db, userId: string): Promise<TopicStat[]> {
	const rows = await db
		.select({
			topic: table.question.topic,
			answered: count(),
			correct: sql<number>`count(*) filter (where ${table.drillAnswer.correct})`.mapWith(Number)
		})
		.from(table.drillAnswer)
		.innerJoin(table.question, eq(table.drillAnswer.questionId, table.question.id))
		.where(eq(table.drillAnswer.userId, userId))
		.groupBy(table.question.topic);
	return rows;
}

async function dueItems(db: Db, userId: string, now: Date, limit: number): Promise<Item[]> {
	return db
		.select(item)
		.from(table.reviewCard)
		.innerJoin(table.question, eq(table.reviewCard.questionId, table.question.id))
		.where(and(eq(table.reviewCard.userId, userId), lte(table.reviewCard.due, now), published))
		.orderBy(asc(table.reviewCard.due), asc(table.question.id))
		.limit(limit);
}

async function aheadItems(db: Db, userId: string, now: Date, limit: number): Promise<Item[]> {
	return db
		.select(item)
		.from(table.reviewCard)
		.innerJoin(table.question, eq(table.reviewCard.questionId, table.question.id))
		.where(and(eq(table.reviewCard.userId, userId), gt(table.reviewCard.due, now), published))
		.orderBy(asc(table.reviewCard.due), asc(table.question.id))
		.limit(limit);
}

async function freshItems(db: Db, userId: string, topic: string, limit: number): Promise<Item[]> {
	return db
		.select(item)
		.from(table.question)
		.where(
			and(
				published,
				eq(table.question.topic, topic),
				notExists(
					db
						.select({ one: sql`1` })
						.from(table.reviewCard)
						.where(cardOf(userId))
				)
			)
		)
		.orderBy(sql`random()`)
		.limit(limit);
}

/** 每日一练: due reviews, then new questions from the weakest areas (see composeDaily). */
export async function drawDaily(db: Db, userId: string, now: Date, size: number): Promise<Item[]> {
	const [due, ahead, stats, ...fresh] = await Promise.all([
		dueItems(db, userId, now, size),
		aheadItems(db, userId, now, size),
		topicStats(db, userId),
		...topics.map((t) => freshItems(db, userId, t, size))
	]);
	return composeDaily(
		{
			due,
			ahead,
			topicOrder: weakestFirst(stats),
			fresh: Object.fromEntries(topics.map((t, i) => [t, fresh[i]]))
		},
		size
	);
}

/** 专项练习: the area (or one sub-topic) with due reviews first, then new, then the rest. */
export async function drawTopic(
	db: Db,
	userId: string,
	now: Date,
	topic: string,
	subtopic: string | null
): Promise<Item[]> {
	const group = sql`case when ${table.reviewCard.due} is null then 1
		when ${table.reviewCard.due} <= ${now.toISOString()}::timestamptz then 0 else 2 end`;
	return db
		.select(item)
		.from(table.question)
		.leftJoin(table.reviewCard, cardOf(userId))
		.where(
			and(
				published,
				eq(table.question.topic, topic),
				subtopic === null ? undefined : eq(table.question.subtopic, subtopic)
			)
		)
		.orderBy(group, sql`random()`)
		.limit(TOPIC_SET_LIMIT);
}

/** 错题本 as a set: open entries on published questions, oldest mistake first. */
export async function drawMistakes(db: Db, userId: string): Promise<Item[]> {
	return db
		.select(item)
		.from(table.mistake)
		.innerJoin(table.question, eq(table.mistake.questionId, table.question.id))
		.where(and(eq(table.mistake.userId, userId), isNull(table.mistake.clearedAt), published))
		.orderBy(asc(table.mistake.wrongAt), asc(table.question.id))
		.limit(MISTAKES_SET_LIMIT);
}

/** 挑战答题: any published questions in random order. */
export async function drawChallenge(db: Db): Promise<Item[]> {
	return db
		.select(item)
		.from(table.question)
		.where(published)
		.orderBy(sql`random()`)
		.limit(CHALLENGE_SET_LIMIT);
}
