// How XP is earned. Only correct answers pay, harder questions pay more, and each practice
// mode has a daily cap, so grinding easy questions all day does not climb the league.
export const DEFAULT_DAILY_CAP = 100;

/** Daily XP cap per practice mode; modes not listed get DEFAULT_DAILY_CAP. */
export const DAILY_CAPS: Readonly<Record<string, number>> = {
	daily: 150,
	topic: 150,
	mistakes: 100,
	challenge: 120
};

/** Bonus for finishing the day's practice set, once per China day. */
export const DAILY_COMPLETED_XP = 30;
export const BONUS_MODE = 'bonus';

export const xpReasons = ['answer_correct', 'daily_completed'] as const;
export type XpReason = (typeof xpReasons)[number];

export function dailyCap(mode: string): number {
	return Object.hasOwn(DAILY_CAPS, mode) ? DAILY_CAPS[mode] : DEFAULT_DAILY_CAP;
}

/** 7 XP for the easiest questions (difficulty 1) up to 15 for the hardest (5). */
export function xpForCorrect(difficulty: number | null | undefined): number {
	const d = Math.min(Math.max(Math.round(difficulty ?? 3), 1), 5);
	return 5 + 2 * d;
}

/** What a grant becomes under the cap, given the XP already earned today in that mode. */
export function cappedGrant(amount: number, earnedToday: number, cap: number): number {
	return Math.max(0, Math.min(amount, cap - earnedToday));
}
