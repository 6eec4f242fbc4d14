// Sign-in throttling per account and per client address. Counters live in the database so
// every app process behind a load balancer enforces the same limits.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';

export interface ThrottlePolicy {
	maxFailures: number;
	windowMs: number;
	lockMs: number;
}

const MINUTE = 60_000;
export const ACCOUNT_POLICY: ThrottlePolicy = {
	maxFailures: 5,
	windowMs: 15 * MINUTE,
	lockMs: 15 * MINUTE
};
export const ADDRESS_POLICY: ThrottlePolicy = {
	maxFailures: 30,
	windowMs: 15 * MINUTE,
	lockMs: 15 * MINUTE
};

export function accountKey(username: string): string {
	return `account:${username.trim().toLowerCase()}`;
}

export function addressKey(address: string): string {
	return `address:${address}`;
}

/** When the earliest of the given keys may try again, or null if none is locked. */
export async function lockedUntil(db: Db, keys: string[], now = new Date()): Promise<Date | null> {
	if (keys.length === 0) return null;
	const rows = await db
		.select({ lockedUntil: table.loginThrottle.lockedUntil })
		.from(table.loginThrottle)
		.where(inArray(table.loginThrottle.key, keys));
	let latest: Date | null = null;
	for (const row of rows) {
		if (row.lockedUntil && row.lockedUntil > now && (!latest || row.lockedUntil > latest)) {
			latest = row.lockedUntil;
		}
	}
	return latest;
}

/** Counts one failure against `key`; returns the lock time if this failure triggered a lock. */
export async function recordFailure(
	db: Db,
	key: string,
	policy: ThrottlePolicy,
	now = new Date()
): Promise<Date | null> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(table.loginThrottle)
			.where(eq(table.loginThrottle.key, key))
			.for('update');
		const windowOpen = row && now.getTime() - row.windowStart.getTime() < policy.windowMs;
		const failures = windowOpen ? row.failures + 1 : 1;
		const windowStart = windowOpen ? row.windowStart : now;
		const lock = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : null;
		const values = {
			key,
			failures: lock ? 0 : failures,
			windowStart: lock ? now : windowStart,
			lockedUntil: lock
		};
		await tx
			.insert(table.loginThrottle)
			.values(values)
			.onConflictDoUpdate({ target: table.loginThrottle.key, set: values });
		return lock;
	});
}

export async function clearFailures(db: Db, key: string): Promise<void> {
	await db.delete(table.loginThrottle).where(eq(table.loginThrottle.key, key));
}
