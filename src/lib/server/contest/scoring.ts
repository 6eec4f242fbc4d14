// Scoring for compulsory (必答) questions, after Kahoot's published rules
// (research/anchors-features.md §1.1). Pure.

/** Under this many milliseconds a correct answer always earns full points. */
export const FULL_POINTS_WITHIN_MS = 500;

/**
 * Points for a correct answer: round(P × (1 − (t/T)/2)) when speed counts, else P.
 * So the slowest correct answer still earns half. A wrong answer earns 0.
 */
export function answerPoints(
	points: number,
	elapsedMs: number,
	limitMs: number,
	speedWeighted: boolean
): number {
	if (!speedWeighted || elapsedMs < FULL_POINTS_WITHIN_MS || limitMs <= 0) return points;
	const fraction = Math.min(Math.max(elapsedMs / limitMs, 0), 1);
	return Math.round(points * (1 - fraction / 2));
}

export interface StreakRule {
	/** Bonus per consecutive correct answer after the first (Kahoot: 100). */
	step: number;
	/** Largest bonus on one question (Kahoot: 500). */
	cap: number;
}

export const KAHOOT_STREAK: StreakRule = { step: 100, cap: 500 };

/** Bonus for the `streak`-th correct answer in a row (1 → 0, 2 → step, … capped). */
export function streakBonus(streak: number, rule: StreakRule | null): number {
	if (!rule || streak < 2) return 0;
	return Math.min((streak - 1) * rule.step, rule.cap);
}
