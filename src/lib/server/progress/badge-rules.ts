// The badges and their rules. Each rule reads one number from the officer's facts and compares
// it with a target, so the page can show the rule and the progress towards it. A badge whose
// facts come from a table this database does not have is left out, not faked.
import type { SourceTable } from './sources';

export interface BadgeFacts {
	answers: number;
	dailySets: number;
	perfectDays: number;
	longestStreak: number;
	level: number;
	promotions: number;
	leagueWins: number;
	bestTier: number;
	scenariosFinished: number;
	scenariosGradeA: number;
	reportsFixed: number;
	examsPassed: number;
	examsPerfect: number;
	masteredAreas: number;
}

export interface BadgeRule {
	id: string;
	target: number;
	fact: keyof BadgeFacts;
	source?: SourceTable;
}

/** A day with at least this many answers, all right, is a sharpshooter day. */
export const PERFECT_DAY_ANSWERS = 20;
/** League wins count only in cohorts of at least this many officers. */
export const WIN_MIN_COHORT = 5;

export const BADGE_RULES: readonly BadgeRule[] = [
	{ id: 'first_answer', fact: 'answers', target: 1 },
	{ id: 'answers_100', fact: 'answers', target: 100 },
	{ id: 'answers_1000', fact: 'answers', target: 1000 },
	{ id: 'sharpshooter', fact: 'perfectDays', target: 1 },
	{ id: 'daily_10', fact: 'dailySets', target: 10 },
	{ id: 'streak_7', fact: 'longestStreak', target: 7 },
	{ id: 'streak_30', fact: 'longestStreak', target: 30 },
	{ id: 'streak_100', fact: 'longestStreak', target: 100 },
	{ id: 'level_10', fact: 'level', target: 10 },
	{ id: 'league_promoted', fact: 'promotions', target: 1 },
	{ id: 'league_champion', fact: 'leagueWins', target: 1 },
	{ id: 'league_diamond', fact: 'bestTier', target: 4 },
	{ id: 'scenario_first', fact: 'scenariosFinished', target: 1, source: 'scenario_run' },
	{ id: 'scenario_perfect', fact: 'scenariosGradeA', target: 1, source: 'scenario_run' },
	{ id: 'scenario_three_a', fact: 'scenariosGradeA', target: 3, source: 'scenario_run' },
	{ id: 'error_hunter', fact: 'reportsFixed', target: 1, source: 'question_report' },
	{ id: 'exam_passed', fact: 'examsPassed', target: 1, source: 'drill_exam' },
	{ id: 'exam_perfect', fact: 'examsPerfect', target: 1, source: 'drill_exam' },
	{ id: 'area_master', fact: 'masteredAreas', target: 1, source: 'review_card' },
	{ id: 'all_areas', fact: 'masteredAreas', target: 5, source: 'review_card' }
];

export interface BadgeProgress {
	id: string;
	value: number;
	target: number;
	met: boolean;
}

export function evaluateBadges(
	facts: BadgeFacts,
	available: ReadonlySet<SourceTable>
): BadgeProgress[] {
	return BADGE_RULES.filter((r) => !r.source || available.has(r.source)).map((r) => ({
		id: r.id,
		value: Math.min(facts[r.fact], r.target),
		target: r.target,
		met: facts[r.fact] >= r.target
	}));
}
