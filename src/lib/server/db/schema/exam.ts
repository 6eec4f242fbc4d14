import { sql } from 'drizzle-orm';
import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	serial,
	smallint,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { questionVersion } from './bank';

/**
 * 模拟考试 paper definition: how many published questions of each type to draw, from which
 * topics (empty = all), how long, and the pass mark in percent.
 */
export const examBlueprint = pgTable('exam_blueprint', {
	id: serial('id').primaryKey(),
	/** Stable name for seeded blueprints, so seeding again finds them. */
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	description: text('description').notNull().default(''),
	singleCount: smallint('single_count').notNull().default(0),
	multipleCount: smallint('multiple_count').notNull().default(0),
	truefalseCount: smallint('truefalse_count').notNull().default(0),
	fillCount: smallint('fill_count').notNull().default(0),
	orderingCount: smallint('ordering_count').notNull().default(0),
	minutes: smallint('minutes').notNull(),
	passPercent: smallint('pass_percent').notNull().default(60),
	topics: text('topics')
		.array()
		.notNull()
		.default(sql`'{}'::text[]`),
	active: boolean('active').notNull().default(true),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * One officer's attempt. The deadline is absolute and kept by the server. An attempt the
 * officer did not submit in time is submitted for them (`auto_submitted`), with
 * `submitted_at` = the deadline. `score` is the percentage of questions answered correctly.
 */
export const drillExam = pgTable(
	'drill_exam',
	{
		id: serial('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		blueprintId: integer('blueprint_id')
			.notNull()
			.references(() => examBlueprint.id),
		/** Copied from the blueprint at the start, so editing it never changes a past paper. */
		name: text('name').notNull(),
		passPercent: smallint('pass_percent').notNull(),
		/** Questions the blueprint asked for; more than drawn when the bank had too few. */
		requestedCount: smallint('requested_count').notNull(),
		questionCount: smallint('question_count').notNull(),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
		deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		autoSubmitted: boolean('auto_submitted').notNull().default(false),
		correctCount: smallint('correct_count'),
		score: smallint('score'),
		passed: boolean('passed')
	},
	(t) => [
		index('drill_exam_user_idx').on(t.userId, t.submittedAt),
		index('drill_exam_open_deadline_idx')
			.on(t.deadlineAt)
			.where(sql`${t.submittedAt} is null`),
		// One unfinished attempt per officer and blueprint: two tabs starting at once share it.
		uniqueIndex('drill_exam_open_unique')
			.on(t.userId, t.blueprintId)
			.where(sql`${t.submittedAt} is null`)
	]
);

/**
 * One question of an attempt. `option_order[i]` is the index of the authored option shown at
 * position i, so the officer sees the same order after a refresh. `response` is stored in the
 * authored letters (mapped back on the server), `correct` is set on submission.
 */
export const drillExamItem = pgTable(
	'drill_exam_item',
	{
		id: serial('id').primaryKey(),
		examId: integer('exam_id')
			.notNull()
			.references(() => drillExam.id, { onDelete: 'cascade' }),
		position: smallint('position').notNull(),
		questionVersionId: integer('question_version_id')
			.notNull()
			.references(() => questionVersion.id),
		optionOrder: jsonb('option_order').$type<number[]>().notNull(),
		response: jsonb('response').$type<string | boolean>(),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		correct: boolean('correct')
	},
	(t) => [uniqueIndex('drill_exam_item_position_unique').on(t.examId, t.position)]
);

export type ExamBlueprint = typeof examBlueprint.$inferSelect;
export type DrillExam = typeof drillExam.$inferSelect;
export type DrillExamItem = typeof drillExamItem.$inferSelect;
