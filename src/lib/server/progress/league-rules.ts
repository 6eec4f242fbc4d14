// Weekly leagues, Duolingo-style: cohorts of about 30 officers in the same tier, ranked by the
// week's XP; the top of each cohort moves up a tier and the bottom moves down.
export const TIERS = ['bronze', 'silver', 'gold', 'platinum', 'diamond'] as const;
export type Tier = (typeof TIERS)[number];
export const TOP_TIER = TIERS.length - 1;

export const COHORT_SIZE = 30;
/** Officers more than this many levels from a cohort's mean start their own (once the tier is busy). */
export const LEVEL_SPREAD = 5;
export const ZONE_MAX = 5;
/** Nobody moves in a cohort smaller than this: a tier is not won without rivals. */
export const MIN_RIVALS = 3;

export type LeagueResult = 'promoted' | 'stayed' | 'demoted';

/** Top and bottom 5 in a full cohort; proportionally fewer in a small one (never overlapping). */
export function zoneSizes(members: number): { promote: number; demote: number } {
	if (members < MIN_RIVALS) return { promote: 0, demote: 0 };
	return {
		promote: Math.min(ZONE_MAX, Math.ceil(members / 6)),
		demote: Math.min(ZONE_MAX, Math.floor(members / 6))
	};
}

export interface Standing {
	userId: string;
	xp: number;
	/** When the officer's last XP of the week was earned: who got there first ranks higher. */
	lastAt: Date | null;
}

export interface RankedStanding extends Standing {
	rank: number;
	result: LeagueResult;
}

export function rankCohort(members: Standing[], tier: number): RankedStanding[] {
	const sorted = [...members].sort(
		(a, b) =>
			b.xp - a.xp ||
			(a.lastAt?.getTime() ?? Infinity) - (b.lastAt?.getTime() ?? Infinity) ||
			a.userId.localeCompare(b.userId)
	);
	const { promote, demote } = zoneSizes(sorted.length);
	return sorted.map((m, i) => {
		const rank = i + 1;
		let result: LeagueResult = 'stayed';
		if (rank <= promote && m.xp > 0 && tier < TOP_TIER) result = 'promoted';
		else if (rank > sorted.length - demote && tier > 0) result = 'demoted';
		return { ...m, rank, result };
	});
}

export function nextTier(tier: number, result: LeagueResult): number {
	if (result === 'promoted') return Math.min(TOP_TIER, tier + 1);
	if (result === 'demoted') return Math.max(0, tier - 1);
	return tier;
}

export interface OpenCohort {
	id: number;
	members: number;
	meanLevel: number;
}

/**
 * The cohort a newcomer to this week's league joins: the open one (fewer than COHORT_SIZE) with
 * the closest mean level. While the tier has fewer than a cohort's worth of officers everyone
 * shares one, so small units still have someone to compete with; after that an officer far
 * from every open cohort's level starts a new one. null = start a new cohort.
 */
export function chooseCohort(
	cohorts: OpenCohort[],
	level: number,
	membersInTier: number
): number | null {
	const open = cohorts.filter((c) => c.members < COHORT_SIZE);
	if (open.length === 0) return null;
	const best = open.reduce((a, b) =>
		Math.abs(b.meanLevel - level) < Math.abs(a.meanLevel - level) ? b : a
	);
	if (membersInTier >= COHORT_SIZE && Math.abs(best.meanLevel - level) > LEVEL_SPREAD) return null;
	return best.id;
}
