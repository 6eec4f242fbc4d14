import { describe, expect, it } from 'vitest';
import { answerPoints, KAHOOT_STREAK, streakBonus } from './scoring';

describe('answerPoints', () => {
	it.each([
		[1000, 2000, 30000, true, 967],
		[1000, 400, 30000, true, 1000],
		[1000, 30000, 30000, true, 500],
		[1000, 45000, 30000, true, 500],
		[1000, 15000, 30000, false, 1000],
		[2000, 10000, 20000, true, 1500],
		[0, 1000, 20000, true, 0]
	])('P=%i t=%i T=%i speed=%s → %i', (p, t, limit, speed, expected) => {
		expect(answerPoints(p, t, limit, speed)).toBe(expected);
	});
});

describe('streakBonus', () => {
	it.each([
		[1, 0],
		[2, 100],
		[3, 200],
		[6, 500],
		[9, 500]
	])('streak %i → +%i', (streak, bonus) => {
		expect(streakBonus(streak, KAHOOT_STREAK)).toBe(bonus);
	});

	it('pays nothing when the host switched the streak bonus off', () => {
		expect(streakBonus(5, null)).toBe(0);
	});
});
