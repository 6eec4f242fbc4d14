import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { closeEndedWeeks, closeWeek, joinLeague } from '../../src/lib/server/progress/league';
import { leagueStanding } from '../../src/lib/server/progress/league-view';
import { awardForAnswer } from '../../src/lib/server/progress';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { china, grantXp, publishedQuestions, quickOfficers } from './progress-fixtures';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
});
beforeEach(async () => {
	await t.reset();
});
afterAll(async () => {
	await t?.close();
});

const WEEK = '2025-03-10';
const AFTER_WEEK = new Date('2025-03-16T16:00:00Z');

async function tiers(ids: string[]): Promise<Record<string, number>> {
	const rows = await t.db
		.select()
		.from(table.progressProfile)
		.where(inArray(table.progressProfile.userId, ids));
	return Object.fromEntries(rows.map((r) => [r.userId, r.tier]));
}

async function members(week: string) {
	return t.db
		.select()
		.from(table.leagueMember)
		.where(eq(table.leagueMember.week, week))
		.orderBy(asc(table.leagueMember.rank), asc(table.leagueMember.userId));
}

describe('closing a week', () => {
	it('promotes the top 5 and demotes the bottom 5 of a cohort of 30, once', async () => {
		const ids = await quickOfficers(t.db, 'lg', 30);
		for (const [i, id] of ids.entries()) {
			await grantXp(t.db, id, 300 - i * 10, china('2025-03-11 09:00'));
			await t.db
				.update(table.progressProfile)
				.set({ tier: 2 })
				.where(eq(table.progressProfile.userId, id));
			await joinLeague(t.db, id, WEEK, china('2025-03-11 09:01'));
		}
		expect(new Set((await members(WEEK)).map((m) => m.cohortId)).size).toBe(1);
		await expect(closeWeek(t.db, WEEK, new Date('2025-03-16T15:59:59Z'))).rejects.toThrow(
			/not ended/
		);

		expect(await closeWeek(t.db, WEEK, AFTER_WEEK)).toBe(true);
		const after = await tiers(ids);
		expect(ids.slice(0, 5).map((id) => after[id])).toEqual([3, 3, 3, 3, 3]);
		expect(ids.slice(5, 25).every((id) => after[id] === 2)).toBe(true);
		expect(ids.slice(25).map((id) => after[id])).toEqual([1, 1, 1, 1, 1]);
		const history = await members(WEEK);
		expect(history[0]).toMatchObject({
			userId: ids[0],
			rank: 1,
			xp: 300,
			result: 'promoted',
			tier: 2
		});
		expect(history[29]).toMatchObject({ userId: ids[29], rank: 30, xp: 10, result: 'demoted' });

		// Closing again changes nothing: tiers moved once.
		expect(await closeWeek(t.db, WEEK, new Date('2025-03-20T00:00:00Z'))).toBe(false);
		expect(await tiers(ids)).toEqual(after);
	});

	it('counts XP up to Sunday 23:59:59 in China and no later', async () => {
		const [a, b] = await quickOfficers(t.db, 'edge', 2);
		await grantXp(t.db, a, 10, china('2025-03-10 08:00'));
		await grantXp(t.db, b, 15, china('2025-03-10 09:00'));
		await grantXp(t.db, a, 20, new Date('2025-03-16T15:59:59Z'));
		await grantXp(t.db, b, 50, new Date('2025-03-16T16:00:00Z'));
		for (const id of [a, b]) await joinLeague(t.db, id, WEEK, china('2025-03-10 10:00'));
		await closeWeek(t.db, WEEK, AFTER_WEEK);
		expect((await members(WEEK)).map((m) => [m.userId, m.xp, m.rank])).toEqual([
			[a, 30, 1],
			[b, 15, 2]
		]);
	});

	it('ranks equal XP by who reached it first', async () => {
		const [a, b] = await quickOfficers(t.db, 'tie', 2);
		await grantXp(t.db, b, 40, china('2025-03-12 08:00'));
		await grantXp(t.db, a, 40, china('2025-03-12 09:00'));
		for (const id of [a, b]) await joinLeague(t.db, id, WEEK, china('2025-03-12 10:00'));
		await closeWeek(t.db, WEEK, AFTER_WEEK);
		expect((await members(WEEK)).map((m) => m.userId)).toEqual([b, a]);
	});
});

describe('closing lazily', () => {
	it('closes every ended week on first access, placing officers who never opened the league', async () => {
		const [officer, ...rivals] = await quickOfficers(t.db, 'lazy', 3);
		await grantXp(t.db, officer, 25, china('2025-03-12 08:00'));
		await grantXp(t.db, officer, 25, china('2025-03-19 08:00'));
		for (const id of rivals) {
			await grantXp(t.db, id, 5, china('2025-03-12 09:00'));
			await grantXp(t.db, id, 5, china('2025-03-19 09:00'));
		}
		// Nothing ends before the boundary.
		expect(await closeEndedWeeks(t.db, new Date('2025-03-16T15:59:00Z'))).toBe(0);
		// The first access in the week after next closes both ended weeks, oldest first.
		expect(await closeEndedWeeks(t.db, china('2025-03-26 08:00'))).toBe(2);
		expect(await closeEndedWeeks(t.db, china('2025-03-26 09:00'))).toBe(0);
		const rows = await t.db
			.select()
			.from(table.leagueMember)
			.where(eq(table.leagueMember.userId, officer))
			.orderBy(asc(table.leagueMember.week));
		// Promoted in week 1 to silver, so week 2 was played in silver, away from the rivals.
		expect(rows.map((r) => [r.week, r.tier, r.rank, r.result])).toEqual([
			['2025-03-10', 0, 1, 'promoted'],
			['2025-03-17', 1, 1, 'stayed']
		]);
		expect((await tiers([officer]))[officer]).toBe(1);
		const weeks = await t.db.select().from(table.leagueWeek).orderBy(asc(table.leagueWeek.week));
		expect(weeks.map((w) => w.week)).toEqual(['2025-03-10', '2025-03-17']);
	});

	it('closes a week once when several requests arrive after the boundary together', async () => {
		const ids = await quickOfficers(t.db, 'par', 6);
		for (const [i, id] of ids.entries()) await grantXp(t.db, id, 10 + i, china('2025-03-12 08:00'));
		const now = china('2025-03-17 08:00');
		const closed = await Promise.all([1, 2, 3, 4].map(() => closeEndedWeeks(t.db, now)));
		expect(closed.reduce((a, b) => a + b, 0)).toBe(1);
		const rows = await members(WEEK);
		expect(rows).toHaveLength(6);
		expect(rows.filter((r) => r.result === 'promoted').map((r) => r.userId)).toEqual([ids[5]]);
		expect(Object.values(await tiers(ids)).sort()).toEqual([0, 0, 0, 0, 0, 1]);
	});
});

describe('placing officers in cohorts', () => {
	it('fills cohorts of 30 and starts a new one for a distant level once the tier is busy', async () => {
		const ids = await quickOfficers(t.db, 'co', 32);
		for (const id of ids.slice(0, 31)) await grantXp(t.db, id, 50, china('2025-03-11 08:00'));
		await grantXp(t.db, ids[31], 19_000, china('2025-03-11 08:00'));
		for (const id of ids) await joinLeague(t.db, id, WEEK, china('2025-03-11 09:00'));
		const rows = await members(WEEK);
		const sizes = new Map<number, number>();
		for (const r of rows) sizes.set(r.cohortId, (sizes.get(r.cohortId) ?? 0) + 1);
		expect([...sizes.values()]).toEqual([30, 1, 1]);
		const veteran = rows.find((r) => r.userId === ids[31]);
		const lastNewcomer = rows.find((r) => r.userId === ids[30]);
		expect(veteran?.level).toBe(20);
		expect(veteran?.cohortId).not.toBe(lastNewcomer?.cohortId);
		// Joining twice keeps the first place.
		const again = await joinLeague(t.db, ids[0], WEEK, china('2025-03-12 09:00'));
		const [first] = await t.db
			.select()
			.from(table.leagueMember)
			.where(and(eq(table.leagueMember.week, WEEK), eq(table.leagueMember.userId, ids[0])));
		expect(again).toBe(first.cohortId);
	});
});

describe('the league table', () => {
	it('shows every rival with XP this week, also those who never opened it', async () => {
		const [viewer, quiet, idle] = await quickOfficers(t.db, 'tab', 3);
		const ids = await publishedQuestions(t.db, 3, { difficulty: 1 });
		const at = china('2025-03-12 09:00');
		const answer = (userId: string, questionId: number) =>
			awardForAnswer(t.db, { userId, mode: 'topic', correct: true, questionId, at });
		await answer(viewer, ids[0]);
		await answer(quiet, ids[1]);
		await answer(quiet, ids[2]);
		const standing = await leagueStanding(t.db, viewer, china('2025-03-12 10:00'));
		expect(standing.cohort?.rows.map((r) => [r.userId, r.xp, r.rank])).toEqual([
			[quiet, 14, 1],
			[viewer, 7, 2]
		]);
		expect(standing).toMatchObject({ week: WEEK, tier: 0, weekXp: 7 });
		// An officer without XP this week is not in a league and sees none.
		expect((await leagueStanding(t.db, idle, china('2025-03-12 10:00'))).cohort).toBeNull();
		expect((await members(WEEK)).map((m) => m.userId).sort()).toEqual([quiet, viewer].sort());
	});
});
