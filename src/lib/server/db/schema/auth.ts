import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { unit } from './units';

export const roles = ['officer', 'trainer', 'admin'] as const;
export type Role = (typeof roles)[number];

export const user = pgTable(
	'user',
	{
		id: text('id').primaryKey(),
		username: text('username').notNull().unique(),
		displayName: text('display_name').notNull(),
		passwordHash: text('password_hash').notNull(),
		role: text('role', { enum: roles }).notNull().default('officer'),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		passwordChangedAt: timestamp('password_changed_at', { withTimezone: true })
			.notNull()
			.defaultNow()
	},
	(t) => [index('user_unit_idx').on(t.unitId)]
);

/** Only the SHA-256 of the session token is stored: a leaked table cannot be replayed. */
export const session = pgTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

/** Failed sign-in counters, kept in the database so that every app process sees them. */
export const loginThrottle = pgTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull().default(0),
	windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
	lockedUntil: timestamp('locked_until', { withTimezone: true })
});

export type User = typeof user.$inferSelect;
export type Session = typeof session.$inferSelect;
