import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
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
import { unit } from './units';

export const questionTypes = ['single', 'multiple', 'truefalse', 'fill', 'ordering'] as const;
export type QuestionType = (typeof questionTypes)[number];

export const questionStatuses = ['draft', 'in_review', 'published', 'retired'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

/** The five areas of the national enforcement drill. */
export const topics = [
	'大气监督帮扶',
	'重点专项行动',
	'科技手段运用',
	'执法质量提升',
	'队伍能力建设'
] as const;
export type Topic = (typeof topics)[number];

/**
 * single: "B"; multiple: "ACD"; truefalse: true/false; fill: accepted answers;
 * ordering: option letters in the right order, e.g. "CADB".
 */
export type AnswerKey = string | boolean | string[];

/**
 * A question is a stable identity plus its versions. Filters (status, topic, type, difficulty)
 * live on the question and mirror the current version, so lists need no join.
 */
export const question = pgTable(
	'question',
	{
		id: serial('id').primaryKey(),
		currentVersionId: integer('current_version_id').references(
			(): AnyPgColumn => questionVersion.id
		),
		status: text('status', { enum: questionStatuses }).notNull().default('draft'),
		type: text('type', { enum: questionTypes }).notNull(),
		topic: text('topic').notNull(),
		subtopic: text('subtopic').notNull().default(''),
		difficulty: smallint('difficulty').notNull(),
		tags: text('tags')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		stem: text('stem').notNull(),
		/** 'national' or the code of the province whose local rules it rests on. */
		jurisdiction: text('jurisdiction').notNull().default('national'),
		/** The unit that owns it: its reviewers handle it and its error reports. */
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		reviewerId: text('reviewer_id').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		publishedAt: timestamp('published_at', { withTimezone: true })
	},
	(t) => [
		index('question_status_idx').on(t.status, t.topic),
		index('question_unit_idx').on(t.unitId)
	]
);

/** Every version a user could have seen. Answers point here, so edits never rewrite history. */
export const questionVersion = pgTable(
	'question_version',
	{
		id: serial('id').primaryKey(),
		questionId: integer('question_id')
			.notNull()
			.references(() => question.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		type: text('type', { enum: questionTypes }).notNull(),
		stem: text('stem').notNull(),
		options: jsonb('options').$type<string[]>().notNull(),
		answer: jsonb('answer').$type<AnswerKey>().notNull(),
		explanation: text('explanation').notNull().default(''),
		legalBasis: text('legal_basis').notNull(),
		topic: text('topic').notNull(),
		subtopic: text('subtopic').notNull().default(''),
		difficulty: smallint('difficulty').notNull(),
		tags: text('tags')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		sourceFacts: text('source_facts')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		/** Set when first published: from then on the version is never rewritten. */
		publishedAt: timestamp('published_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('question_version_unique').on(t.questionId, t.version)]
);

export const reportStatuses = ['open', 'fixed', 'rejected'] as const;

/** 纠错: an error report from any user, queued for the owning unit's reviewers. */
export const questionReport = pgTable(
	'question_report',
	{
		id: serial('id').primaryKey(),
		questionId: integer('question_id')
			.notNull()
			.references(() => question.id, { onDelete: 'cascade' }),
		versionId: integer('version_id')
			.notNull()
			.references(() => questionVersion.id),
		reporterId: text('reporter_id').references(() => user.id, { onDelete: 'set null' }),
		reason: text('reason').notNull(),
		status: text('status', { enum: reportStatuses }).notNull().default('open'),
		resolution: text('resolution'),
		resolvedBy: text('resolved_by').references(() => user.id, { onDelete: 'set null' }),
		resolvedAt: timestamp('resolved_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('question_report_status_idx').on(t.status, t.questionId)]
);

export type Question = typeof question.$inferSelect;
export type QuestionVersion = typeof questionVersion.$inferSelect;
export type QuestionReport = typeof questionReport.$inferSelect;
