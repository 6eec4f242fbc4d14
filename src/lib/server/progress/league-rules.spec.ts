import { describe, expect, it } from 'vitest';
import {
	chooseCohort,
	nextTier,
	rankCohort,
	TOP_TIER,
	zoneSizes,
	type Standing
} from './league-rules';

function standings(xps: number[]): Standing[] {
	return xps.map((xp, i) => ({
		userId: `u${String(i).padStart(2, '0')}`,
		xp,
		lastAt: new Date(Date.UTC(2025, 2, 10, 0, i))
	}));
}

describe('league zones', () => {
	it.each([
		[30, 5, 5],
		[35, 5, 5],
		[12, 2, 2],
		[7, 2, 1],
		[5, 1, 0],
		[3, 1, 0],
		[2, 0, 0],
		[1, 0, 0]
	])('a cohort of %i promotes %i and demotes %i', (n, promote, demote) => {
		expect(zoneSizes(n)).toEqual({ promote, demote });
	});
});

describe('ranking a cohort', () => {
	it('promotes the top 5 and demotes the bottom 5 of 30', () => {
		const ranked = rankCohort(standings(Array.from({ length: 30 }, (_, i) => 300 - i * 10)), 2);
		expect(ranked.filter((r) => r.result === 'promoted').map((r) => r.rank)).toEqual([
			1, 2, 3, 4, 5
		]);
		expect(ranked.filter((r) => r.result === 'demoted').map((r) => r.rank)).toEqual([
			26, 27, 28, 29, 30
		]);
		expect(ranked[0].userId).toBe('u00');
	});

	it('breaks XP ties by who got there first', () => {
		const ranked = rankCohort(standings([50, 50]).reverse(), 0);
		expect(ranked.map((r) => r.userId)).toEqual(['u00', 'u01']);
	});

	it('neither promotes from the top tier nor demotes from the bottom one', () => {
		const xps = Array.from({ length: 12 }, (_, i) => 120 - i);
		expect(rankCohort(standings(xps), TOP_TIER).some((r) => r.result === 'promoted')).toBe(false);
		expect(rankCohort(standings(xps), 0).some((r) => r.result === 'demoted')).toBe(false);
	});

	it('does not promote an officer with no XP, nor anyone without rivals', () => {
		expect(rankCohort(standings([0, 0, 0]), 0)[0].result).toBe('stayed');
		expect(rankCohort(standings([90, 10]), 1).map((r) => r.result)).toEqual(['stayed', 'stayed']);
	});

	it('moves tiers within bounds', () => {
		expect(nextTier(0, 'promoted')).toBe(1);
		expect(nextTier(TOP_TIER, 'promoted')).toBe(TOP_TIER);
		expect(nextTier(0, 'demoted')).toBe(0);
		expect(nextTier(3, 'stayed')).toBe(3);
	});
});

describe('choosing a cohort', () => {
	const cohorts = [
		{ id: 1, members: 30, meanLevel: 4 },
		{ id: 2, members: 12, meanLevel: 3 },
		{ id: 3, members: 20, meanLevel: 15 }
	];

	it('joins the open cohort with the closest mean level', () => {
		expect(chooseCohort(cohorts, 4, 62)).toBe(2);
		expect(chooseCohort(cohorts, 13, 62)).toBe(3);
	});

	it('starts a new cohort when none is open or all are far away in a busy tier', () => {
		expect(chooseCohort([cohorts[0]], 4, 30)).toBeNull();
		expect(chooseCohort(cohorts, 40, 62)).toBeNull();
	});

	it('keeps a quiet tier together whatever the levels', () => {
		expect(chooseCohort([{ id: 7, members: 3, meanLevel: 2 }], 40, 3)).toBe(7);
	});
});
