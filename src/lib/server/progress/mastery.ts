// Mastery per drill area: how much of the area's published questions the officer would recall
// now (FSRS retrievability of their review cards, an unseen question counting 0) blended with
// their accuracy in the area. Without review cards, accuracy weighted by coverage stands in.
import { sql } from 'drizzle-orm';
import { computeDecayFactor, default_w } from 'ts-fsrs';
import type { Db } from '../db/client';
import { topics } from '../db/schema/bank';
import { availableSources } from './sources';
import { queryRows } from './sql';

export const MEMORY_WEIGHT = 0.7;
/** Mastery (0–100) from which an area counts as mastered. */
export const MASTERED = 80;

export interface TopicMastery {
	topic: string;
	questions: number;
	/** Sum of recall probabilities over the area's questions (0…questions). */
	memory: number;
	answers: number;
	correct: number;
	mastery: number;
}

export function masteryScore(
	m: Pick<TopicMastery, 'questions' | 'memory' | 'answers' | 'correct'>,
	withMemory: boolean
): number {
	if (m.questions === 0) return 0;
	const accuracy = m.answers > 0 ? m.correct / m.answers : 0;
	const score = withMemory
		? MEMORY_WEIGHT * (m.memory / m.questions) + (1 - MEMORY_WEIGHT) * accuracy
		: accuracy * Math.min(1, m.answers / m.questions);
	return Math.round(100 * Math.min(1, Math.max(0, score)));
}

export async function topicMastery(db: Db, userId: string, now: Date): Promise<TopicMastery[]> {
	const withMemory = (await availableSources(db)).has('review_card');
	const { decay, factor } = computeDecayFactor(default_w);
	// Same curve as ts-fsrs get_retrievability: whole days since the last review, new cards 0.
	const memory = withMemory
		? sql`coalesce(sum(case when c.state <> 0 and c.stability > 0 and c.last_review is not null
				then power(1 + ${factor}::float8 * greatest(floor(extract(epoch from
					(${now.toISOString()}::timestamptz - c.last_review)) / 86400), 0) / c.stability,
					${decay}::float8)
				else 0 end), 0)::float8`
		: sql`0::float8`;
	const cards = withMemory
		? sql`left join review_card c on c.question_id = q.id and c.user_id = ${userId}`
		: sql``;
	const rows = await queryRows<{
		topic: string;
		questions: number;
		memory: number;
		answers: number;
		correct: number;
	}>(
		db,
		sql`select q.topic, count(*)::int as questions, ${memory} as memory,
				coalesce(max(s.answers), 0)::int as answers, coalesce(max(s.correct), 0)::int as correct
			from question q ${cards}
			left join topic_stat s on s.topic = q.topic and s.user_id = ${userId}
			where q.status = 'published'
			group by q.topic`
	);
	const byTopic = new Map(rows.map((r) => [r.topic, r]));
	return topics.map((topic) => {
		const r = byTopic.get(topic);
		const m = {
			topic,
			questions: Number(r?.questions ?? 0),
			memory: Number(r?.memory ?? 0),
			answers: Number(r?.answers ?? 0),
			correct: Number(r?.correct ?? 0)
		};
		return { ...m, mastery: masteryScore(m, withMemory) };
	});
}

/** Reviews due now on published questions, or null when review cards do not exist here. */
export async function dueReviews(db: Db, userId: string, now: Date): Promise<number | null> {
	if (!(await availableSources(db)).has('review_card')) return null;
	const [row] = await queryRows<{ due: number }>(
		db,
		sql`select count(*)::int as due from review_card c
			join question q on q.id = c.question_id and q.status = 'published'
			where c.user_id = ${userId} and c.due <= ${now.toISOString()}::timestamptz`
	);
	return Number(row?.due ?? 0);
}
