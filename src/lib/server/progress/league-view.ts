// What an officer sees of the leagues: this week's cohort table and their past weeks.
import { and, count, desc, eq, gte, inArray, isNotNull, lt, sum } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { addDays, chinaWeekKey } from './china-time';
import { closeEndedWeeks, cohortStandings, joinLeague, placePending, weekBounds } from './league';
import { rankCohort, zoneSizes, type LeagueResult } from './league-rules';

export interface CohortRow {
	rank: number;
	userId: string;
	displayName: string;
	unitNameZh: string;
	unitNameEn: string;
	xp: number;
	zone: LeagueResult;
}

export interface LeagueStanding {
	week: string;
	endsAt: Date;
	tier: number;
	weekXp: number;
	/** null until the officer earns XP this week (which places them in a cohort). */
	cohort: { rank: number; size: number; promote: number; demote: number; rows: CohortRow[] } | null;
}

async function weekXp(db: Db, userId: string, week: string): Promise<number> {
	const [row] = await db
		.select({ xp: sum(table.activityDay.xp).mapWith(Number) })
		.from(table.activityDay)
		.where(
			and(
				eq(table.activityDay.userId, userId),
				gte(table.activityDay.day, week),
				lt(table.activityDay.day, addDays(week, 7))
			)
		);
	return row?.xp ?? 0;
}

/**
 * Closes ended weeks first (lazily), then places everyone with XP this week who has no cohort
 * yet, so the table shows all rivals and not only those who looked at it.
 */
export async function leagueStanding(db: Db, userId: string, now: Date): Promise<LeagueStanding> {
	await closeEndedWeeks(db, now);
	const week = chinaWeekKey(now);
	await placePending(db, week, now);
	const xp = await weekXp(db, userId, week);
	const [profile] = await db
		.select({ tier: table.progressProfile.tier })
		.from(table.progressProfile)
		.where(eq(table.progressProfile.userId, userId));
	const base = { week, endsAt: weekBounds(week).end, tier: profile?.tier ?? 0, weekXp: xp };
	if (xp <= 0) return { ...base, cohort: null };
	const cohortId = await joinLeague(db, userId, week, now);
	const [member] = await db
		.select({ tier: table.leagueMember.tier })
		.from(table.leagueMember)
		.where(and(eq(table.leagueMember.week, week), eq(table.leagueMember.userId, userId)));
	const ranked = rankCohort(await cohortStandings(db, cohortId, week), member.tier);
	const people = await db
		.select({
			id: table.user.id,
			displayName: table.user.displayName,
			unitNameZh: table.unit.nameZh,
			unitNameEn: table.unit.nameEn
		})
		.from(table.user)
		.innerJoin(table.unit, eq(table.user.unitId, table.unit.id))
		.where(
			inArray(
				table.user.id,
				ranked.map((r) => r.userId)
			)
		);
	const byId = new Map(people.map((p) => [p.id, p]));
	const rows = ranked.map((r) => ({
		rank: r.rank,
		userId: r.userId,
		displayName: byId.get(r.userId)?.displayName ?? '',
		unitNameZh: byId.get(r.userId)?.unitNameZh ?? '',
		unitNameEn: byId.get(r.userId)?.unitNameEn ?? '',
		xp: r.xp,
		zone: r.result
	}));
	const mine = rows.find((r) => r.userId === userId)!;
	return {
		...base,
		tier: member.tier,
		cohort: { rank: mine.rank, size: rows.length, ...zoneSizes(rows.length), rows }
	};
}

/** Closed weeks the officer took part in, newest first, paged. */
export async function leagueHistory(db: Db, userId: string, page = 1, pageSize = 10) {
	const where = and(eq(table.leagueMember.userId, userId), isNotNull(table.leagueMember.result));
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				week: table.leagueMember.week,
				tier: table.leagueMember.tier,
				rank: table.leagueMember.rank,
				xp: table.leagueMember.xp,
				result: table.leagueMember.result
			})
			.from(table.leagueMember)
			.where(where)
			.orderBy(desc(table.leagueMember.week))
			.limit(pageSize)
			.offset((Math.max(page, 1) - 1) * pageSize),
		db.select({ total: count() }).from(table.leagueMember).where(where)
	]);
	return { rows, total, page: Math.max(page, 1), pages: Math.max(1, Math.ceil(total / pageSize)) };
}
