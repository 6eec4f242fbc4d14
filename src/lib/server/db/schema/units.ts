import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	check,
	index,
	integer,
	pgTable,
	serial,
	text,
	timestamp
} from 'drizzle-orm/pg-core';

export const unitLevels = ['national', 'province', 'city', 'county'] as const;
export type UnitLevel = (typeof unitLevels)[number];

export const regions = ['east', 'central', 'west'] as const;
export type Region = (typeof regions)[number];

/**
 * The organisation tree. `path` is a materialised path of ids ("/1/4/17/") so that
 * "this unit and everything below it" is one prefix comparison.
 */
export const unit = pgTable(
	'unit',
	{
		id: serial('id').primaryKey(),
		code: text('code').notNull().unique(),
		parentId: integer('parent_id').references((): AnyPgColumn => unit.id),
		level: text('level', { enum: unitLevels }).notNull(),
		nameZh: text('name_zh').notNull(),
		nameEn: text('name_en').notNull(),
		region: text('region', { enum: regions }),
		path: text('path').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('unit_parent_idx').on(t.parentId),
		index('unit_path_idx').on(t.path),
		check('unit_level_check', sql`${t.level} in ('national','province','city','county')`)
	]
);

export type Unit = typeof unit.$inferSelect;
