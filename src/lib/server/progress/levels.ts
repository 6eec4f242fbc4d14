// Levels from total XP. Reaching level L takes 50·L·(L−1) XP in all: level 2 at 100, 3 at 300,
// 5 at 1 000, 10 at 4 500, 20 at 19 000. Each level costs 100 XP more than the one before,
// so early levels come quickly and later ones reflect months of steady practice.
export const MAX_LEVEL = 99;

export function xpForLevel(level: number): number {
	const l = Math.min(Math.max(Math.floor(level), 1), MAX_LEVEL);
	return 50 * l * (l - 1);
}

export interface LevelInfo {
	level: number;
	/** XP earned inside the current level. */
	into: number;
	/** XP the current level spans (0 at the top level). */
	span: number;
	/** XP still needed for the next level (0 at the top level). */
	toNext: number;
}

export function levelFromXp(totalXp: number): LevelInfo {
	const xp = Math.max(0, Math.floor(totalXp));
	let level = Math.floor((1 + Math.sqrt(1 + 0.08 * xp)) / 2);
	// Guard the square root against rounding at exact thresholds.
	while (level > 1 && xpForLevel(level) > xp) level--;
	while (level < MAX_LEVEL && xpForLevel(level + 1) <= xp) level++;
	level = Math.min(Math.max(level, 1), MAX_LEVEL);
	if (level === MAX_LEVEL) return { level, into: xp - xpForLevel(level), span: 0, toNext: 0 };
	const start = xpForLevel(level);
	const span = xpForLevel(level + 1) - start;
	return { level, into: xp - start, span, toNext: start + span - xp };
}
