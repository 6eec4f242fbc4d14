// The app's one database, opened by hooks.server.ts `init` and kept on globalThis so that a
// dev-mode module reload does not open a second PGlite on the same data folder.
import { openDatabase, type Database, type Db } from './client';

const KEY = Symbol.for('lianbing.database');
type Holder = { [KEY]?: Promise<Database> };
const holder = globalThis as Holder;

export function initDatabase(): Promise<Database> {
	holder[KEY] ??= openDatabase({ url: process.env.DATABASE_URL || undefined });
	return holder[KEY];
}

let opened: Database | undefined;

export async function ensureDatabase(): Promise<Database> {
	opened = await initDatabase();
	return opened;
}

/** The opened database; only valid after `ensureDatabase()` resolved (hooks `init`). */
export function getDb(): Db {
	if (!opened) throw new Error('Database not opened yet: ensureDatabase() runs in hooks init');
	return opened.db;
}

/** Tests hand their own database to the routes under test. */
export function useDatabase(database: Database): void {
	holder[KEY] = Promise.resolve(database);
	opened = database;
}

export async function closeDatabase(): Promise<void> {
	const pending = holder[KEY];
	delete holder[KEY];
	opened = undefined;
	if (pending) await (await pending).close();
}

export type { Db, Database };
