// Spaced review with FSRS (ts-fsrs). Pure: takes the card, the answer and the clock.
//
// The officer never grades themselves: the rating comes from correctness and answer time,
// measured against the officer's own median time for that question type (their recent right
// answers; a default until there are enough):
//   wrong                              → Again
//   right, slower than 2 × median      → Hard
//   right, faster than 0.4 × median    → Easy
//   right otherwise                    → Good
// Short-term learning steps are off: officers practise once a day, so the shortest interval is
// a day (Again 1 d, then Hard/Good/Easy on a new card 2/3/8 d), and the mistakes notebook
// already brings a wrong answer back. No fuzz, so the same answers always give the same dates.
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { QuestionType } from '../db/schema/bank';
import type { ReviewCard } from '../db/schema/drill';

export { Rating };

/** Typical answer times before an officer has history of their own. */
export const DEFAULT_MEDIAN_MS: Record<QuestionType, number> = {
	truefalse: 12_000,
	single: 20_000,
	multiple: 35_000,
	fill: 30_000,
	ordering: 40_000
};
/** Right answers of a type needed before the officer's own median replaces the default. */
export const MIN_SAMPLES = 5;
export const SLOW_FACTOR = 2;
export const FAST_FACTOR = 0.4;

const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median to rate against: the officer's own when there are enough samples. */
export function referenceMedian(type: QuestionType, ownTimes: readonly number[]): number {
	return ownTimes.length >= MIN_SAMPLES ? median(ownTimes)! : DEFAULT_MEDIAN_MS[type];
}

export function ratingFor(answer: { correct: boolean; timeMs: number; medianMs: number }): Grade {
	if (!answer.correct) return Rating.Again;
	if (answer.timeMs > SLOW_FACTOR * answer.medianMs) return Rating.Hard;
	if (answer.timeMs < FAST_FACTOR * answer.medianMs) return Rating.Easy;
	return Rating.Good;
}

export type CardFields = Omit<ReviewCard, 'userId' | 'questionId'>;

function toCard(row: CardFields): Card {
	return {
		due: row.due,
		stability: row.stability,
		difficulty: row.difficulty,
		elapsed_days: row.elapsedDays,
		scheduled_days: row.scheduledDays,
		learning_steps: row.learningSteps,
		reps: row.reps,
		lapses: row.lapses,
		state: row.state,
		last_review: row.lastReview ?? undefined
	};
}

function fromCard(card: Card): CardFields {
	return {
		due: card.due,
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays: card.elapsed_days,
		scheduledDays: card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		lastReview: card.last_review ?? null
	};
}

/** The card after this review; `previous` is undefined for a question never answered. */
export function scheduleReview(
	previous: CardFields | undefined,
	rating: Grade,
	now: Date
): CardFields {
	// An answer that reached the server late (offline queue) may predate the last review.
	const at =
		previous?.lastReview && now < previous.lastReview ? new Date(previous.lastReview) : now;
	const card = previous ? toCard(previous) : createEmptyCard(at);
	return fromCard(scheduler.next(card, at, rating).card);
}
