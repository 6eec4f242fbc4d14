import { describe, expect, it } from 'vitest';
import { composeDaily, shuffle, smoothedAccuracy, weakestFirst, type Item } from './compose';

const items = (from: number, n: number): Item[] =>
	Array.from({ length: n }, (_, i) => ({ questionId: from + i, versionId: 1000 + from + i }));

describe('weakest areas first', () => {
	it('orders by smoothed accuracy; untried areas count as 50 %', () => {
		expect(smoothedAccuracy({ answered: 0, correct: 0 })).toBe(0.5);
		const order = weakestFirst(
			[
				{ topic: 'b', answered: 10, correct: 9 },
				{ topic: 'c', answered: 4, correct: 0 }
			],
			['a', 'b', 'c']
		);
		expect(order).toEqual(['c', 'a', 'b']);
	});
});

describe('daily set', () => {
	it('puts due reviews first, then new questions, most from the weakest area', () => {
		const set = composeDaily(
			{
				due: items(1, 3),
				fresh: { weak: items(100, 20), mid: items(200, 20), strong: items(300, 20) },
				topicOrder: ['weak', 'mid', 'strong'],
				ahead: items(900, 5)
			},
			10
		);
		expect(set.map((i) => i.questionId)).toEqual([1, 2, 3, 100, 101, 102, 103, 200, 201, 300]);
	});

	it('fills short areas from the next ones, then with reviews not yet due, without repeats', () => {
		const set = composeDaily(
			{
				due: items(1, 1),
				fresh: { weak: items(100, 1), mid: items(200, 2) },
				topicOrder: ['weak', 'mid', 'none'],
				ahead: [...items(1, 1), ...items(900, 10)]
			},
			6
		);
		expect(set.map((i) => i.questionId)).toEqual([1, 100, 200, 201, 900, 901]);
	});

	it('is never longer than asked, even with many due reviews', () => {
		expect(composeDaily({ due: items(1, 30), fresh: {}, topicOrder: [], ahead: [] }, 10)).toEqual(
			items(1, 10)
		);
	});

	it('shuffles with the given random source', () => {
		expect(shuffle([1, 2, 3], () => 0)).toEqual([2, 3, 1]);
		expect(shuffle([1, 2, 3]).sort()).toEqual([1, 2, 3]);
	});
});
