import { describe, expect, it } from 'vitest';
import { BADGE_RULES, evaluateBadges, type BadgeFacts } from './badge-rules';
import { sourceTables } from './sources';

const none: BadgeFacts = {
	answers: 0,
	dailySets: 0,
	perfectDays: 0,
	longestStreak: 0,
	level: 1,
	promotions: 0,
	leagueWins: 0,
	bestTier: 0,
	scenariosFinished: 0,
	scenariosGradeA: 0,
	reportsFixed: 0,
	examsPassed: 0,
	examsPerfect: 0,
	masteredAreas: 0
};
const all = new Set(sourceTables);

describe('badge rules', () => {
	it('has at least 15 badges with unique ids', () => {
		expect(BADGE_RULES.length).toBeGreaterThanOrEqual(15);
		expect(new Set(BADGE_RULES.map((r) => r.id)).size).toBe(BADGE_RULES.length);
	});

	it('earns nothing for a new officer and shows progress towards each', () => {
		const result = evaluateBadges(none, all);
		expect(result.filter((b) => b.met)).toEqual([]);
		expect(result.find((b) => b.id === 'streak_30')).toEqual({
			id: 'streak_30',
			value: 0,
			target: 30,
			met: false
		});
	});

	it('meets a rule exactly at its target and caps the shown progress there', () => {
		const result = evaluateBadges({ ...none, longestStreak: 45, answers: 99 }, all);
		const byId = new Map(result.map((b) => [b.id, b]));
		expect(byId.get('streak_30')).toMatchObject({ met: true, value: 30 });
		expect(byId.get('streak_100')).toMatchObject({ met: false, value: 45 });
		expect(byId.get('answers_100')?.met).toBe(false);
		expect(byId.get('first_answer')?.met).toBe(true);
	});

	it('leaves out badges whose source table is missing', () => {
		const ids = evaluateBadges(none, new Set(['scenario_run'] as const)).map((b) => b.id);
		expect(ids).toContain('scenario_perfect');
		expect(ids).not.toContain('exam_passed');
		expect(ids).not.toContain('area_master');
		expect(ids.length).toBe(
			BADGE_RULES.filter((r) => !r.source || r.source === 'scenario_run').length
		);
	});
});
