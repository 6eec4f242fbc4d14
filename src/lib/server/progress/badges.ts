// Badges from data: one query gathers the officer's facts (from the progress tables and, when
// they exist, scenarios, error reports and mock exams), the rules decide, and each badge is
// stored the first time it is seen, so it stays earned with the date it was first shown.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import {
	evaluateBadges,
	PERFECT_DAY_ANSWERS,
	WIN_MIN_COHORT,
	type BadgeFacts
} from './badge-rules';
import { availableSources, type SourceTable } from './sources';
import { queryRows } from './sql';

type StoredFact = Exclude<keyof BadgeFacts, 'longestStreak' | 'level' | 'masteredAreas'>;

function factQueries(userId: string): Record<StoredFact, { source?: SourceTable; query: SQL }> {
	return {
		answers: {
			query: sql`select coalesce(sum(answers), 0) from activity_day where user_id = ${userId}`
		},
		dailySets: {
			query: sql`select count(*) from activity_day where user_id = ${userId} and daily_completed`
		},
		perfectDays: {
			query: sql`select count(*) from activity_day where user_id = ${userId}
				and answers >= ${PERFECT_DAY_ANSWERS} and correct = answers`
		},
		promotions: {
			query: sql`select count(*) from league_member where user_id = ${userId} and result = 'promoted'`
		},
		leagueWins: {
			query: sql`select count(*) from league_member m where m.user_id = ${userId} and m.rank = 1
				and (select count(*) from league_member o where o.cohort_id = m.cohort_id) >= ${WIN_MIN_COHORT}`
		},
		bestTier: {
			query: sql`select greatest(
				coalesce((select max(tier) from league_member where user_id = ${userId}), 0),
				coalesce((select tier from progress_profile where user_id = ${userId}), 0))`
		},
		scenariosFinished: {
			source: 'scenario_run',
			query: sql`select count(distinct scenario_id) from scenario_run
				where user_id = ${userId} and finished_at is not null`
		},
		scenariosGradeA: {
			source: 'scenario_run',
			query: sql`select count(distinct scenario_id) from scenario_run
				where user_id = ${userId} and finished_at is not null and grade = 'A'`
		},
		reportsFixed: {
			source: 'question_report',
			query: sql`select count(*) from question_report where reporter_id = ${userId} and status = 'fixed'`
		},
		examsPassed: {
			source: 'drill_exam',
			query: sql`select count(*) from drill_exam where user_id = ${userId} and passed`
		},
		examsPerfect: {
			source: 'drill_exam',
			query: sql`select count(*) from drill_exam
				where user_id = ${userId} and submitted_at is not null and score = 100`
		}
	};
}

export async function loadBadgeFacts(
	db: Db,
	userId: string,
	derived: Pick<BadgeFacts, 'longestStreak' | 'level' | 'masteredAreas'>,
	available: ReadonlySet<SourceTable>
): Promise<BadgeFacts> {
	const queries = Object.entries(factQueries(userId)).filter(
		([, q]) => !q.source || available.has(q.source)
	);
	const columns = sql.join(
		queries.map(([name, q]) => sql`(${q.query})::int as ${sql.identifier(name)}`),
		sql`, `
	);
	const [row] = await queryRows<Record<string, number>>(db, sql`select ${columns}`);
	const facts = { ...derived } as BadgeFacts;
	for (const name of Object.keys(factQueries(userId)) as StoredFact[]) {
		facts[name] = Number(row?.[name] ?? 0);
	}
	return facts;
}

export interface BadgeView {
	id: string;
	value: number;
	target: number;
	earnedAt: Date | null;
}

/** Every badge this database can award, earned ones with their date; stores new ones. */
export async function syncBadges(
	db: Db,
	userId: string,
	derived: Pick<BadgeFacts, 'longestStreak' | 'level' | 'masteredAreas'>,
	now: Date
): Promise<BadgeView[]> {
	const available = await availableSources(db);
	const facts = await loadBadgeFacts(db, userId, derived, available);
	const results = evaluateBadges(facts, available);
	const met = results.filter((b) => b.met).map((b) => ({ userId, badge: b.id, earnedAt: now }));
	if (met.length > 0) await db.insert(table.userBadge).values(met).onConflictDoNothing();
	const stored = await db.select().from(table.userBadge).where(eq(table.userBadge.userId, userId));
	const earned = new Map(stored.map((b) => [b.badge, b.earnedAt]));
	return results.map((b) => ({
		id: b.id,
		value: earned.has(b.id) ? b.target : b.value,
		target: b.target,
		earnedAt: earned.get(b.id) ?? null
	}));
}
