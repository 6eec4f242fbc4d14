// Names shown for the ids the progress domain uses (badges, tiers, modes, reasons, duty).
import { m } from '$lib/paraglide/messages.js';

const BADGES: Record<string, { name: () => string; rule: () => string }> = {
	first_answer: { name: m.badge_first_answer_name, rule: m.badge_first_answer_rule },
	answers_100: { name: m.badge_answers_100_name, rule: m.badge_answers_100_rule },
	answers_1000: { name: m.badge_answers_1000_name, rule: m.badge_answers_1000_rule },
	sharpshooter: { name: m.badge_sharpshooter_name, rule: m.badge_sharpshooter_rule },
	daily_10: { name: m.badge_daily_10_name, rule: m.badge_daily_10_rule },
	streak_7: { name: m.badge_streak_7_name, rule: m.badge_streak_7_rule },
	streak_30: { name: m.badge_streak_30_name, rule: m.badge_streak_30_rule },
	streak_100: { name: m.badge_streak_100_name, rule: m.badge_streak_100_rule },
	level_10: { name: m.badge_level_10_name, rule: m.badge_level_10_rule },
	league_promoted: { name: m.badge_league_promoted_name, rule: m.badge_league_promoted_rule },
	league_champion: { name: m.badge_league_champion_name, rule: m.badge_league_champion_rule },
	league_diamond: { name: m.badge_league_diamond_name, rule: m.badge_league_diamond_rule },
	scenario_first: { name: m.badge_scenario_first_name, rule: m.badge_scenario_first_rule },
	scenario_perfect: { name: m.badge_scenario_perfect_name, rule: m.badge_scenario_perfect_rule },
	scenario_three_a: { name: m.badge_scenario_three_a_name, rule: m.badge_scenario_three_a_rule },
	error_hunter: { name: m.badge_error_hunter_name, rule: m.badge_error_hunter_rule },
	exam_passed: { name: m.badge_exam_passed_name, rule: m.badge_exam_passed_rule },
	exam_perfect: { name: m.badge_exam_perfect_name, rule: m.badge_exam_perfect_rule },
	area_master: { name: m.badge_area_master_name, rule: m.badge_area_master_rule },
	all_areas: { name: m.badge_all_areas_name, rule: m.badge_all_areas_rule }
};

export function badgeName(id: string): string {
	return BADGES[id]?.name() ?? id;
}

export function badgeRule(id: string): string {
	return BADGES[id]?.rule() ?? '';
}

const TIERS = [
	m.league_tier_bronze,
	m.league_tier_silver,
	m.league_tier_gold,
	m.league_tier_platinum,
	m.league_tier_diamond
];

export function tierLabel(tier: number): string {
	return TIERS[tier]?.() ?? String(tier);
}

const MODES: Record<string, () => string> = {
	daily: m.progress_mode_daily,
	topic: m.progress_mode_topic,
	mistakes: m.progress_mode_mistakes,
	challenge: m.progress_mode_challenge,
	bonus: m.progress_mode_bonus
};

export function modeLabel(mode: string): string {
	return MODES[mode]?.() ?? mode;
}

const REASONS: Record<string, () => string> = {
	answer_correct: m.progress_reason_answer_correct,
	daily_completed: m.progress_reason_daily_completed
};

export function reasonLabel(reason: string): string {
	return REASONS[reason]?.() ?? reason;
}

const RESULTS: Record<string, () => string> = {
	promoted: m.league_result_promoted,
	stayed: m.league_result_stayed,
	demoted: m.league_result_demoted
};

export function resultLabel(result: string | null): string {
	return result ? (RESULTS[result]?.() ?? result) : '';
}

const DUTY: Record<string, () => string> = {
	field: m.progress_duty_field,
	emergency: m.progress_duty_emergency,
	other: m.progress_duty_other
};

export function dutyLabel(kind: string): string {
	return DUTY[kind]?.() ?? kind;
}

/** Dates and times as people in China read them, whatever the server's time zone. */
export function formatChinaDate(value: Date | string, locale: string, withTime = false): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
		timeZone: 'Asia/Shanghai',
		dateStyle: 'medium',
		...(withTime ? { timeStyle: 'short' } : {})
	}).format(typeof value === 'string' ? new Date(value) : value);
}

export function percent(part: number, whole: number): number {
	return whole > 0 ? Math.round((100 * part) / whole) : 0;
}
