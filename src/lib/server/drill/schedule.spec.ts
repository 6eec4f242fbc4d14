import { describe, expect, it } from 'vitest';
import {
	DEFAULT_MEDIAN_MS,
	median,
	Rating,
	ratingFor,
	referenceMedian,
	scheduleReview
} from './schedule';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2025-03-01T02:00:00Z');

describe('rating from correctness and time', () => {
	it.each([
		{ correct: false, timeMs: 1_000, rating: Rating.Again },
		{ correct: false, timeMs: 90_000, rating: Rating.Again },
		{ correct: true, timeMs: 20_001 * 2, rating: Rating.Hard },
		{ correct: true, timeMs: 40_000, rating: Rating.Good },
		{ correct: true, timeMs: 20_000, rating: Rating.Good },
		{ correct: true, timeMs: 8_000, rating: Rating.Good },
		{ correct: true, timeMs: 7_999, rating: Rating.Easy }
	])('correct=$correct in $timeMs ms → $rating', ({ correct, timeMs, rating }) => {
		expect(ratingFor({ correct, timeMs, medianMs: 20_000 })).toBe(rating);
	});

	it("uses the type's default until the officer has five right answers of that type", () => {
		expect(referenceMedian('single', [1000, 2000, 3000, 4000])).toBe(DEFAULT_MEDIAN_MS.single);
		expect(referenceMedian('single', [5000, 1000, 3000, 4000, 2000])).toBe(3000);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNull();
	});
});

describe('FSRS schedule with a fixed clock', () => {
	const daysUntil = (due: Date, from = now) => Math.round((due.getTime() - from.getTime()) / DAY);

	it('schedules a new question 1, 2, 3 or 8 days out by rating', () => {
		expect(daysUntil(scheduleReview(undefined, Rating.Again, now).due)).toBe(1);
		expect(daysUntil(scheduleReview(undefined, Rating.Hard, now).due)).toBe(2);
		expect(daysUntil(scheduleReview(undefined, Rating.Good, now).due)).toBe(3);
		expect(daysUntil(scheduleReview(undefined, Rating.Easy, now).due)).toBe(8);
	});

	it('grows the interval after each right answer and shrinks it after a lapse', () => {
		const first = scheduleReview(undefined, Rating.Good, now);
		const second = scheduleReview(first, Rating.Good, first.due);
		expect(second.reps).toBe(2);
		expect(daysUntil(second.due, first.due)).toBeGreaterThan(3);
		const lapse = scheduleReview(second, Rating.Again, second.due);
		expect(lapse.lapses).toBe(1);
		expect(daysUntil(lapse.due, second.due)).toBeLessThan(daysUntil(second.due, first.due));
		expect(lapse.lastReview).toEqual(second.due);
	});

	it('is deterministic: the same answers give the same dates', () => {
		const a = scheduleReview(scheduleReview(undefined, Rating.Good, now), Rating.Easy, now);
		const b = scheduleReview(scheduleReview(undefined, Rating.Good, now), Rating.Easy, now);
		expect(a).toEqual(b);
	});

	it('never moves a card back in time for an answer that arrived late from the queue', () => {
		const first = scheduleReview(undefined, Rating.Good, now);
		const late = scheduleReview(first, Rating.Good, new Date(now.getTime() - DAY));
		expect(late.lastReview!.getTime()).toBeGreaterThanOrEqual(now.getTime());
	});
});
