import { sql } from 'drizzle-orm';
import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import type { ContestConfig } from '../../contest/types';
import type { ContestDraft } from '../../contest/draft';
import { user } from './auth';
import { unit } from './units';

export const contestStatuses = ['lobby', 'running', 'ended'] as const;
export type ContestStatus = (typeof contestStatuses)[number];

/**
 * A live contest. Its truth is the event log (contest_event); `status` and `config` mirror it
 * for lists and results and are written in the same transaction as the events that change them.
 */
export const contest = pgTable(
	'contest',
	{
		id: serial('id').primaryKey(),
		/** Six digits players type in; reused only after the contest ended. */
		code: text('code').notNull(),
		title: text('title').notNull(),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id),
		hostId: text('host_id').references(() => user.id, { onDelete: 'set null' }),
		/** The configuration as drawn at the start (null until then). */
		config: jsonb('config').$type<ContestConfig>(),
		/** The builder's input, including the random-draw rules. */
		draft: jsonb('draft').$type<ContestDraft>().notNull(),
		status: text('status', { enum: contestStatuses }).notNull().default('lobby'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		endedAt: timestamp('ended_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('contest_code_live_unique')
			.on(t.code)
			.where(sql`${t.status} <> 'ended'`),
		index('contest_unit_idx').on(t.unitId, t.createdAt)
	]
);

/** The append-only log; (contest_id, seq) makes two writers of the same position collide. */
export const contestEvent = pgTable(
	'contest_event',
	{
		contestId: integer('contest_id')
			.notNull()
			.references(() => contest.id),
		seq: integer('seq').notNull(),
		type: text('type').notNull(),
		payload: jsonb('payload').notNull(),
		at: timestamp('at', { withTimezone: true, precision: 3 }).notNull()
	},
	(t) => [primaryKey({ columns: [t.contestId, t.seq] })]
);

/** Every contestant, signed in or guest; a guest's token is kept only as its SHA-256. */
export const contestContestant = pgTable(
	'contest_contestant',
	{
		contestId: integer('contest_id')
			.notNull()
			.references(() => contest.id),
		contestantId: text('contestant_id').notNull(),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		guestTokenHash: text('guest_token_hash'),
		name: text('name').notNull(),
		idField: text('id_field'),
		teamId: text('team_id'),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.contestId, t.contestantId] }),
		uniqueIndex('contest_contestant_user_unique').on(t.contestId, t.userId),
		uniqueIndex('contest_contestant_guest_unique').on(t.contestId, t.guestTokenHash)
	]
);

/**
 * One row per answer; the unique index is the database's own "one answer per question".
 * No foreign key to contest: every row is inserted by the statement that appends its log row to
 * contest_event, whose key to contest is checked there, once per batch. Checking it again for
 * each of 2,000 answers cost the embedded PGlite a third of the burst's write.
 */
export const contestAnswer = pgTable(
	'contest_answer',
	{
		contestId: integer('contest_id').notNull(),
		contestantId: text('contestant_id').notNull(),
		round: integer('round').notNull(),
		index: integer('index').notNull(),
		response: jsonb('response').$type<string | boolean>().notNull(),
		correct: boolean('correct').notNull(),
		points: integer('points').notNull(),
		elapsedMs: integer('elapsed_ms').notNull(),
		at: timestamp('at', { withTimezone: true, precision: 3 }).notNull()
	},
	(t) => [uniqueIndex('contest_answer_unique').on(t.contestId, t.contestantId, t.round, t.index)]
);

export type Contest = typeof contest.$inferSelect;
export type ContestEventRow = typeof contestEvent.$inferSelect;
export type ContestContestant = typeof contestContestant.$inferSelect;
export type ContestAnswer = typeof contestAnswer.$inferSelect;
