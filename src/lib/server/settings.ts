import { eq } from 'drizzle-orm';
import type { Db } from './db/client';
import * as table from './db/schema';

export interface Settings {
	/** Officers may create their own account on /signup. */
	signupOpen: boolean;
	/** Demo data was seeded once; it is not re-created after an admin deletes it. */
	demoSeeded: boolean;
	/** sha256 of the one-time token that unlocks /setup while no admin exists. */
	setupTokenHash: string | null;
}

const DEFAULTS: Settings = { signupOpen: true, demoSeeded: false, setupTokenHash: null };

export async function getSetting<K extends keyof Settings>(db: Db, key: K): Promise<Settings[K]> {
	const [row] = await db.select().from(table.appSetting).where(eq(table.appSetting.key, key));
	return row ? (row.value as Settings[K]) : DEFAULTS[key];
}

export async function setSetting<K extends keyof Settings>(
	db: Db,
	key: K,
	value: Settings[K]
): Promise<void> {
	if (value === null) {
		await db.delete(table.appSetting).where(eq(table.appSetting.key, key));
		return;
	}
	await db
		.insert(table.appSetting)
		.values({ key, value })
		.onConflictDoUpdate({ target: table.appSetting.key, set: { value, updatedAt: new Date() } });
}
