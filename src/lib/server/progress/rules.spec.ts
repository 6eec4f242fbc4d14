import { describe, expect, it } from 'vitest';
import { cappedGrant, dailyCap, DEFAULT_DAILY_CAP, xpForCorrect } from './rules';

describe('XP rules', () => {
	it('pays more for harder questions', () => {
		expect([1, 2, 3, 4, 5].map(xpForCorrect)).toEqual([7, 9, 11, 13, 15]);
		expect(xpForCorrect(null)).toBe(11);
		expect(xpForCorrect(9)).toBe(15);
	});

	it('caps each mode separately and falls back to a default cap', () => {
		expect(dailyCap('daily')).toBe(150);
		expect(dailyCap('mistakes')).toBe(100);
		expect(dailyCap('something-new')).toBe(DEFAULT_DAILY_CAP);
		expect(dailyCap('toString')).toBe(DEFAULT_DAILY_CAP);
	});

	it('grants only what is left under the cap, never less than zero', () => {
		expect(cappedGrant(11, 0, 150)).toBe(11);
		expect(cappedGrant(11, 145, 150)).toBe(5);
		expect(cappedGrant(11, 150, 150)).toBe(0);
		expect(cappedGrant(11, 170, 150)).toBe(0);
	});
});
