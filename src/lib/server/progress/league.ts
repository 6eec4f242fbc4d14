// Weekly leagues in the database. Nothing runs on a timer: the first visit after a week ends
// closes it (and any week before it that was missed), one process at a time under an advisory
// lock, and a week that is closed is never closed again.
import { and, asc, eq, gte, lt, max, min, sql, sum } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { addDays, chinaDayStart, chinaWeekKey, isDayKey, isoWeekday } from './china-time';
import { chooseCohort, nextTier, rankCohort, type Standing } from './league-rules';
import { levelFromXp } from './levels';
import { queryRows } from './sql';

const LEAGUE_LOCK_ID = 741_852_971;

async function lockLeagues(tx: Db): Promise<void> {
	await tx.execute(sql`select pg_advisory_xact_lock(${LEAGUE_LOCK_ID})`);
}

/** The Monday key of a week, from its key or from any instant inside it. */
export function toWeekKey(week: string | Date): string {
	if (week instanceof Date) return chinaWeekKey(week);
	if (!isDayKey(week) || isoWeekday(week) !== 1) throw new Error(`not a week start: ${week}`);
	return week;
}

export function weekBounds(week: string): { start: Date; end: Date } {
	return { start: chinaDayStart(week), end: chinaDayStart(addDays(week, 7)) };
}

/** XP each member of a cohort earned in the week, and when they earned the last of it. */
export async function cohortStandings(db: Db, cohortId: number, week: string): Promise<Standing[]> {
	const { start, end } = weekBounds(week);
	const rows = await queryRows<{ userId: string; xp: number; lastAt: number | null }>(
		db,
		sql`select m.user_id as "userId", coalesce(sum(e.amount), 0)::int as xp,
				extract(epoch from max(e.at))::float8 as "lastAt"
			from league_member m
			left join xp_event e on e.user_id = m.user_id
				and e.at >= ${start.toISOString()}::timestamptz and e.at < ${end.toISOString()}::timestamptz
			where m.cohort_id = ${cohortId}
			group by m.user_id`
	);
	return rows.map((r) => ({
		userId: r.userId,
		xp: Number(r.xp),
		lastAt: r.lastAt === null ? null : new Date(Number(r.lastAt) * 1000)
	}));
}

/** Places the officer in a cohort of the week; the caller holds the league lock. */
async function placeMember(tx: Db, userId: string, week: string, now: Date): Promise<number> {
	const [existing] = await tx
		.select({ cohortId: table.leagueMember.cohortId })
		.from(table.leagueMember)
		.where(and(eq(table.leagueMember.week, week), eq(table.leagueMember.userId, userId)));
	if (existing) return existing.cohortId;
	const [profile] = await tx
		.select()
		.from(table.progressProfile)
		.where(eq(table.progressProfile.userId, userId));
	const tier = profile?.tier ?? 0;
	const level = levelFromXp(profile?.xpTotal ?? 0).level;
	const cohorts = await tx
		.select({
			id: table.leagueCohort.id,
			members: sql<number>`count(${table.leagueMember.userId})::int`,
			meanLevel: sql<number>`coalesce(avg(${table.leagueMember.level}), 0)::float8`
		})
		.from(table.leagueCohort)
		.leftJoin(table.leagueMember, eq(table.leagueMember.cohortId, table.leagueCohort.id))
		.where(and(eq(table.leagueCohort.week, week), eq(table.leagueCohort.tier, tier)))
		.groupBy(table.leagueCohort.id)
		.orderBy(asc(table.leagueCohort.id));
	const open = cohorts.map((c) => ({
		...c,
		members: Number(c.members),
		meanLevel: Number(c.meanLevel)
	}));
	const inTier = open.reduce((n, c) => n + c.members, 0);
	let cohortId = chooseCohort(open, level, inTier);
	if (cohortId === null) {
		[{ cohortId }] = await tx
			.insert(table.leagueCohort)
			.values({ week, tier })
			.returning({ cohortId: table.leagueCohort.id });
	}
	await tx
		.insert(table.leagueMember)
		.values({ week, userId, cohortId, tier, level, joinedAt: now });
	return cohortId;
}

/** Joins this week's league (idempotent). */
export async function joinLeague(db: Db, userId: string, week: string, now = new Date()) {
	return db.transaction(async (tx) => {
		await lockLeagues(tx);
		return placeMember(tx, userId, toWeekKey(week), now);
	});
}

/**
 * Places officers who earned XP this week but have no cohort yet, similar tiers and levels
 * one after another so they land together; at most `limit` per call.
 */
export async function placePending(db: Db, week: string, now = new Date(), limit = 200) {
	return db.transaction(async (tx) => {
		await lockLeagues(tx);
		const pending = await tx
			.select({ userId: table.progressProfile.userId })
			.from(table.progressProfile)
			.where(
				and(
					eq(table.progressProfile.activeWeek, week),
					sql`${table.progressProfile.activeWeek} is distinct from ${table.progressProfile.leagueWeek}`
				)
			)
			.orderBy(table.progressProfile.tier, table.progressProfile.xpTotal)
			.limit(limit);
		for (const p of pending) await placeMember(tx, p.userId, week, now);
		return pending.length;
	});
}

async function officersWithXp(tx: Db, week: string): Promise<string[]> {
	const rows = await tx
		.select({ userId: table.activityDay.userId })
		.from(table.activityDay)
		.leftJoin(table.progressProfile, eq(table.progressProfile.userId, table.activityDay.userId))
		.where(and(gte(table.activityDay.day, week), lt(table.activityDay.day, addDays(week, 7))))
		.groupBy(table.activityDay.userId, table.progressProfile.tier, table.progressProfile.xpTotal)
		.having(sql`${sum(table.activityDay.xp)} > 0`)
		.orderBy(table.progressProfile.tier, table.progressProfile.xpTotal, table.activityDay.userId);
	return rows.map((r) => r.userId);
}

/**
 * Ranks every cohort of the week, records rank, XP and result for each member and moves tiers.
 * Officers who earned XP that week but never opened their league are placed first. Returns
 * false when the week had already been closed.
 */
export async function closeWeek(db: Db, weekStart: string | Date, now = new Date()) {
	const week = toWeekKey(weekStart);
	if (weekBounds(week).end > now) throw new Error(`week ${week} has not ended`);
	return db.transaction(async (tx) => {
		await lockLeagues(tx);
		const [done] = await tx.select().from(table.leagueWeek).where(eq(table.leagueWeek.week, week));
		if (done) return false;
		for (const userId of await officersWithXp(tx, week)) await placeMember(tx, userId, week, now);
		const cohorts = await tx
			.select()
			.from(table.leagueCohort)
			.where(eq(table.leagueCohort.week, week));
		for (const cohort of cohorts) {
			const ranked = rankCohort(await cohortStandings(tx, cohort.id, week), cohort.tier);
			for (const r of ranked) {
				await tx
					.update(table.leagueMember)
					.set({ xp: r.xp, rank: r.rank, result: r.result })
					.where(and(eq(table.leagueMember.week, week), eq(table.leagueMember.userId, r.userId)));
				const tier = nextTier(cohort.tier, r.result);
				await tx
					.insert(table.progressProfile)
					.values({ userId: r.userId, tier })
					.onConflictDoUpdate({ target: table.progressProfile.userId, set: { tier } });
			}
		}
		await tx.insert(table.leagueWeek).values({ week, closedAt: now });
		return true;
	});
}

/** Closes every ended week not closed yet, oldest first. Cheap when there is nothing to do. */
export async function closeEndedWeeks(db: Db, now = new Date()): Promise<number> {
	const current = chinaWeekKey(now);
	const [{ last }] = await db.select({ last: max(table.leagueWeek.week) }).from(table.leagueWeek);
	let start = last ? addDays(last, 7) : undefined;
	if (!start) {
		const [{ first }] = await db
			.select({ first: min(table.activityDay.day) })
			.from(table.activityDay);
		if (!first) return 0;
		start = chinaWeekKey(chinaDayStart(first));
	}
	let closed = 0;
	for (let week = start; week < current; week = addDays(week, 7)) {
		if (await closeWeek(db, week, now)) closed++;
	}
	return closed;
}
