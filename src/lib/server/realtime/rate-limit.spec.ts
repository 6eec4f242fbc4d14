import { describe, expect, it } from 'vitest';
import { RateLimiter, TokenBucket } from './rate-limit';

describe('TokenBucket', () => {
	it('allows a burst up to its capacity, then refills at its rate', () => {
		const bucket = new TokenBucket({ capacity: 3, perSecond: 2 }, 0);
		expect([1, 2, 3, 4].map(() => bucket.take(0))).toEqual([true, true, true, false]);
		expect(bucket.take(400)).toBe(false);
		expect(bucket.take(500)).toBe(true);
		expect(bucket.take(500)).toBe(false);
	});

	it('never holds more than its capacity after a long quiet spell', () => {
		const bucket = new TokenBucket({ capacity: 2, perSecond: 1 }, 0);
		const taken = [1, 2, 3].map(() => bucket.take(3_600_000));
		expect(taken).toEqual([true, true, false]);
	});

	it('is not fooled by a clock that steps back', () => {
		const bucket = new TokenBucket({ capacity: 1, perSecond: 1 }, 10_000);
		expect(bucket.take(10_000)).toBe(true);
		expect(bucket.take(5_000)).toBe(false);
	});
});

describe('RateLimiter', () => {
	it('keeps a separate bucket per key', () => {
		const limiter = new RateLimiter({
			answer: { capacity: 1, perSecond: 1 },
			join: { capacity: 1, perSecond: 1 }
		});
		expect(limiter.allow('answer', 0)).toBe(true);
		expect(limiter.allow('answer', 0)).toBe(false);
		expect(limiter.allow('join', 0)).toBe(true);
	});
});
