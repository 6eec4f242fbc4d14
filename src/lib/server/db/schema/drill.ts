import { sql } from 'drizzle-orm';
import {
	boolean,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { question, questionTypes, questionVersion } from './bank';

export const drillModes = ['daily', 'topic', 'mistakes', 'challenge'] as const;
export type DrillMode = (typeof drillModes)[number];

/**
 * One sitting of self-paced practice. The questions are drawn when it starts and kept in order,
 * so an answer can be checked against what was served at its position, also when it arrives
 * late from a phone's offline queue.
 */
export const drillSession = pgTable(
	'drill_session',
	{
		id: serial('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		mode: text('mode', { enum: drillModes }).notNull(),
		topic: text('topic'),
		subtopic: text('subtopic'),
		versionIds: integer('version_ids')
			.array()
			.notNull()
			.default(sql`'{}'::integer[]`),
		size: integer('size').notNull(),
		/** How many have been answered: the next answer belongs at this index. */
		position: integer('position').notNull().default(0),
		correctCount: integer('correct_count').notNull().default(0),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp('finished_at', { withTimezone: true })
	},
	(t) => [index('drill_session_user_idx').on(t.userId, t.mode, t.startedAt)]
);

/** Every drill answer, for good: the version answered, the response, the time taken. */
export const drillAnswer = pgTable(
	'drill_answer',
	{
		id: serial('id').primaryKey(),
		/** Made by the client, so a retried submission from the offline queue counts once. */
		idempotencyKey: uuid('idempotency_key').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		sessionId: integer('session_id').references(() => drillSession.id, { onDelete: 'set null' }),
		position: integer('position').notNull(),
		questionId: integer('question_id')
			.notNull()
			.references(() => question.id),
		questionVersionId: integer('question_version_id')
			.notNull()
			.references(() => questionVersion.id),
		questionType: text('question_type', { enum: questionTypes }).notNull(),
		mode: text('mode', { enum: drillModes }).notNull(),
		response: jsonb('response').$type<string | boolean>().notNull(),
		correct: boolean('correct').notNull(),
		timeMs: integer('time_ms').notNull(),
		/** FSRS rating given (1 Again … 4 Easy), kept to explain a schedule later. */
		rating: smallint('rating').notNull(),
		xp: integer('xp').notNull().default(0),
		/** When the officer answered (the phone's clock, clamped); `receivedAt` is the server's. */
		answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
		receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('drill_answer_key_unique').on(t.idempotencyKey),
		uniqueIndex('drill_answer_slot_unique').on(t.sessionId, t.position),
		index('drill_answer_user_idx').on(t.userId, t.questionType, t.answeredAt),
		index('drill_answer_question_idx').on(t.questionId)
	]
);

/** The FSRS memory state of one question for one officer (ts-fsrs `Card`). */
export const reviewCard = pgTable(
	'review_card',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		questionId: integer('question_id')
			.notNull()
			.references(() => question.id, { onDelete: 'cascade' }),
		due: timestamp('due', { withTimezone: true }).notNull(),
		stability: doublePrecision('stability').notNull(),
		difficulty: doublePrecision('difficulty').notNull(),
		elapsedDays: integer('elapsed_days').notNull(),
		scheduledDays: integer('scheduled_days').notNull(),
		learningSteps: integer('learning_steps').notNull().default(0),
		reps: integer('reps').notNull(),
		lapses: integer('lapses').notNull(),
		/** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
		state: smallint('state').notNull(),
		lastReview: timestamp('last_review', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.questionId] }),
		index('review_card_due_idx').on(t.userId, t.due)
	]
);

/**
 * 错题本: a question answered wrong stays until answered right on enough distinct China-time
 * days after the last wrong answer; a new wrong answer reopens it and starts the count again.
 */
export const mistake = pgTable(
	'mistake',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		questionId: integer('question_id')
			.notNull()
			.references(() => question.id, { onDelete: 'cascade' }),
		wrongAt: timestamp('wrong_at', { withTimezone: true }).notNull(),
		wrongCount: integer('wrong_count').notNull().default(1),
		rightDays: integer('right_days').notNull().default(0),
		/** The China-time day of the last right answer that counted. */
		lastRightDay: date('last_right_day', { mode: 'string' }),
		clearedAt: timestamp('cleared_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.questionId] }),
		index('mistake_open_idx').on(t.userId, t.clearedAt, t.wrongAt)
	]
);

export type DrillSession = typeof drillSession.$inferSelect;
export type DrillAnswer = typeof drillAnswer.$inferSelect;
export type ReviewCard = typeof reviewCard.$inferSelect;
export type Mistake = typeof mistake.$inferSelect;
