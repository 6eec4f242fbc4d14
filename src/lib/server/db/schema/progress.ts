import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	check,
	date,
	index,
	integer,
	pgTable,
	primaryKey,
	serial,
	smallint,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { question } from './bank';

/** The XP ledger: every grant with its reason. Totals elsewhere are caches of this. */
export const xpEvent = pgTable(
	'xp_event',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		at: timestamp('at', { withTimezone: true }).notNull(),
		/** China-time day of `at`. */
		day: date('day', { mode: 'string' }).notNull(),
		mode: text('mode').notNull(),
		reason: text('reason').notNull(),
		amount: integer('amount').notNull(),
		questionId: integer('question_id').references(() => question.id, { onDelete: 'set null' })
	},
	(t) => [
		index('xp_event_user_at_idx').on(t.userId, t.at),
		index('xp_event_user_day_question_idx').on(t.userId, t.day, t.questionId)
	]
);

/** XP granted per officer, China day and mode, so the daily cap is one atomic upsert. */
export const xpDaily = pgTable(
	'xp_daily',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		day: date('day', { mode: 'string' }).notNull(),
		mode: text('mode').notNull(),
		xp: integer('xp').notNull().default(0),
		/** What the latest upsert actually granted (the cap may cut it). */
		lastGrant: integer('last_grant').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.userId, t.day, t.mode] })]
);

/**
 * Running totals per officer. `tier` is the league tier for the next week they join;
 * `activeWeek` (last week with XP) and `leagueWeek` (last week placed in a cohort) find
 * officers still to be placed this week without scanning everyone.
 */
export const progressProfile = pgTable(
	'progress_profile',
	{
		userId: text('user_id')
			.primaryKey()
			.references(() => user.id, { onDelete: 'cascade' }),
		xpTotal: integer('xp_total').notNull().default(0),
		tier: smallint('tier').notNull().default(0),
		activeWeek: date('active_week', { mode: 'string' }),
		leagueWeek: date('league_week', { mode: 'string' }),
		/**
		 * Bumped by every write of the officer's practice state (answers, the daily bonus, a
		 * session stopped), so an answer written only if it is unchanged since the answer's
		 * read cannot act on stale cards, caps or sessions: see drill/answer-store.ts.
		 */
		answerSeq: integer('answer_seq').notNull().default(0)
	},
	(t) => [
		index('progress_profile_unplaced_idx')
			.on(t.activeWeek)
			.where(sql`${t.activeWeek} is distinct from ${t.leagueWeek}`)
	]
);

/** One row per officer and China day with any practice: feeds streaks and accuracy charts. */
export const activityDay = pgTable(
	'activity_day',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		day: date('day', { mode: 'string' }).notNull(),
		answers: integer('answers').notNull().default(0),
		correct: integer('correct').notNull().default(0),
		xp: integer('xp').notNull().default(0),
		dailyCompleted: boolean('daily_completed').notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.userId, t.day] })]
);

/** Answers and right answers per officer and drill area, for mastery. */
export const topicStat = pgTable(
	'topic_stat',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		topic: text('topic').notNull(),
		answers: integer('answers').notNull().default(0),
		correct: integer('correct').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.userId, t.topic] })]
);

export const dutyKinds = ['field', 'emergency', 'other'] as const;
export type DutyKind = (typeof dutyKinds)[number];

/** A day on duty (field work, emergency response) granted by a trainer: keeps the streak. */
export const dutyDay = pgTable(
	'duty_day',
	{
		id: serial('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		day: date('day', { mode: 'string' }).notNull(),
		kind: text('kind', { enum: dutyKinds }).notNull(),
		note: text('note').notNull().default(''),
		grantedBy: text('granted_by').references(() => user.id, { onDelete: 'set null' }),
		grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('duty_day_user_day_unique').on(t.userId, t.day),
		index('duty_day_day_idx').on(t.day),
		check('duty_day_kind_check', sql`${t.kind} in ('field','emergency','other')`)
	]
);

/** A weekly league cohort: about 30 officers of one tier, ranked by the week's XP. */
export const leagueCohort = pgTable(
	'league_cohort',
	{
		id: serial('id').primaryKey(),
		/** Monday (China time) the week starts. */
		week: date('week', { mode: 'string' }).notNull(),
		tier: smallint('tier').notNull()
	},
	(t) => [index('league_cohort_week_idx').on(t.week, t.tier)]
);

/** An officer's place in one week's league; rank, XP and result are filled when the week closes. */
export const leagueMember = pgTable(
	'league_member',
	{
		week: date('week', { mode: 'string' }).notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		cohortId: integer('cohort_id')
			.notNull()
			.references(() => leagueCohort.id, { onDelete: 'cascade' }),
		tier: smallint('tier').notNull(),
		level: smallint('level').notNull(),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
		xp: integer('xp'),
		rank: integer('rank'),
		result: text('result', { enum: ['promoted', 'stayed', 'demoted'] })
	},
	(t) => [
		primaryKey({ columns: [t.week, t.userId] }),
		index('league_member_cohort_idx').on(t.cohortId),
		index('league_member_user_idx').on(t.userId, t.week)
	]
);

/** Weeks whose leagues were closed: makes closing idempotent. */
export const leagueWeek = pgTable('league_week', {
	week: date('week', { mode: 'string' }).primaryKey(),
	closedAt: timestamp('closed_at', { withTimezone: true }).notNull()
});

/** Badges an officer has earned; the rules themselves live in server/progress/badges. */
export const userBadge = pgTable(
	'user_badge',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		badge: text('badge').notNull(),
		earnedAt: timestamp('earned_at', { withTimezone: true }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.badge] })]
);

export type XpEvent = typeof xpEvent.$inferSelect;
export type DutyDay = typeof dutyDay.$inferSelect;
export type LeagueMember = typeof leagueMember.$inferSelect;
