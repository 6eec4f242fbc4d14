// Which questions a daily set holds. Pure: the database part (sets.ts) gathers candidates.
import { topics } from '../db/schema/bank';

export const DAILY_SIZE = 10;

export interface Item {
	questionId: number;
	versionId: number;
}

export interface TopicStat {
	topic: string;
	answered: number;
	correct: number;
}

/** Right-answer share with one right and one wrong assumed, so an untried topic scores 50 %. */
export function smoothedAccuracy(stat: Pick<TopicStat, 'answered' | 'correct'>): number {
	return (stat.correct + 1) / (stat.answered + 2);
}

/** The drill areas from weakest to strongest; ties keep the official order. */
export function weakestFirst(
	stats: readonly TopicStat[],
	all: readonly string[] = topics
): string[] {
	const byTopic = new Map(stats.map((s) => [s.topic, s]));
	const score = (t: string) => smoothedAccuracy(byTopic.get(t) ?? { answered: 0, correct: 0 });
	return [...all].sort((a, b) => score(a) - score(b) || all.indexOf(a) - all.indexOf(b));
}

export interface DailyCandidates {
	/** Review cards that are due, most overdue first. */
	due: Item[];
	/** Questions never answered, per topic, already shuffled. */
	fresh: Record<string, Item[]>;
	/** Areas from weakest to strongest. */
	topicOrder: string[];
	/** Reviewed questions not yet due, soonest first: used when nothing else is left. */
	ahead: Item[];
}

/**
 * Due reviews first, then new questions from the weakest areas: the weakest area gets half of
 * the free places (rounded up), the next half of the rest, and so on; places an area cannot fill
 * go to the next ones, then to reviews that are not yet due.
 */
export function composeDaily(c: DailyCandidates, size = DAILY_SIZE): Item[] {
	const picked: Item[] = [];
	const seen = new Set<number>();
	const add = (item: Item) => {
		if (picked.length >= size || seen.has(item.questionId)) return false;
		seen.add(item.questionId);
		picked.push(item);
		return true;
	};
	c.due.forEach(add);
	const pools = c.topicOrder.map((t) => [...(c.fresh[t] ?? [])]);
	for (const pool of pools) {
		let quota = Math.ceil((size - picked.length) / 2);
		while (quota > 0 && pool.length > 0) if (add(pool.shift()!)) quota--;
	}
	for (const pool of pools) pool.forEach(add);
	c.ahead.forEach(add);
	return picked;
}

/** Fisher–Yates with an injectable random source, so tests can fix the order. */
export function shuffle<T>(items: readonly T[], random: () => number = Math.random): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}
