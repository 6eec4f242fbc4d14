import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	json,
	jsonb,
	pgTable,
	serial,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { unit } from './units';

export const scenarioStatuses = ['draft', 'published', 'retired'] as const;

/**
 * A branching case scenario; `graph` is the working copy of the validated node graph (see
 * server/scenario). Editing a scenario whose current version was ever published bumps
 * `version`; published graphs are kept unchanged in scenario_version.
 */
export const scenario = pgTable(
	'scenario',
	{
		id: serial('id').primaryKey(),
		slug: text('slug').notNull().unique(),
		title: text('title').notNull(),
		summary: text('summary').notNull().default(''),
		topic: text('topic').notNull(),
		difficulty: integer('difficulty').notNull().default(3),
		status: text('status', { enum: scenarioStatuses }).notNull().default('draft'),
		version: integer('version').notNull().default(1),
		graph: json('graph').notNull(),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('scenario_status_idx').on(t.status, t.unitId)]
);

// Graphs are `json`, not `jsonb`: authors' node order is kept, and jsonb would re-sort keys.

/** Every published graph, immutable: runs play and are reviewed against the version they started on. */
export const scenarioVersion = pgTable(
	'scenario_version',
	{
		id: serial('id').primaryKey(),
		scenarioId: integer('scenario_id')
			.notNull()
			.references(() => scenario.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		graph: json('graph').notNull(),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('scenario_version_unique').on(t.scenarioId, t.version)]
);

/** One play-through of one published version (its graph is in scenario_version). */
export const scenarioRun = pgTable(
	'scenario_run',
	{
		id: serial('id').primaryKey(),
		scenarioId: integer('scenario_id')
			.notNull()
			.references(() => scenario.id, { onDelete: 'cascade' }),
		scenarioVersion: integer('scenario_version').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		currentNode: text('current_node').notNull(),
		state: jsonb('state').$type<Record<string, boolean | number>>().notNull(),
		score: integer('score').notNull().default(0),
		grade: text('grade'),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp('finished_at', { withTimezone: true })
	},
	(t) => [
		index('scenario_run_user_idx').on(t.userId, t.scenarioId),
		// At most one unfinished run per player and scenario: two tabs resume the same run.
		uniqueIndex('scenario_run_open_unique')
			.on(t.userId, t.scenarioId)
			.where(sql`${t.finishedAt} is null`)
	]
);

/** Every decision a player takes: who, when, which choice. */
export const scenarioDecision = pgTable(
	'scenario_decision',
	{
		id: serial('id').primaryKey(),
		runId: integer('run_id')
			.notNull()
			.references(() => scenarioRun.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		nodeId: text('node_id').notNull(),
		choiceId: text('choice_id').notNull(),
		scoreDelta: integer('score_delta').notNull(),
		decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('scenario_decision_run_idx').on(t.runId)]
);

export type Scenario = typeof scenario.$inferSelect;
export type ScenarioRun = typeof scenarioRun.$inferSelect;
export type ScenarioVersion = typeof scenarioVersion.$inferSelect;
export type ScenarioDecision = typeof scenarioDecision.$inferSelect;
