// Opens the database for the app, the command-line scripts and the tests alike, so it must
// not import SvelteKit virtual modules. Both drivers are imported statically: a dynamic
// import() plus top-level await deadlocked the built server (see STACK.md).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	/** Where the data lives, for logs: a folder for PGlite, the server (no password) otherwise. */
	location: string;
	/**
	 * PostgreSQL only (PGlite serves one process): calls `onNotify` with the payload of every
	 * NOTIFY on `channel`, from any connection, on a connection of its own. `onListen` runs each
	 * time listening starts, also after a reconnect, when notifications sent meanwhile are lost.
	 * Resolves with a function that stops listening.
	 */
	listen?(
		channel: string,
		onNotify: (payload: string) => void,
		onListen?: () => void
	): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

export interface OpenOptions {
	/** postgres:// URL; without it an embedded PGlite is used. */
	url?: string;
	/** PGlite data folder, or 'memory://' for tests. */
	dataDir?: string;
	/** Folder with drizzle-kit's migrations; skip migrating when null. */
	migrationsFolder?: string | null;
}

// Arbitrary constant shared by every app process so migrations run one at a time.
const MIGRATION_LOCK_ID = 741_852_963;

export function defaultMigrationsFolder(): string {
	return path.resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');
}

export function defaultDataDir(): string {
	return path.resolve(process.env.DATA_DIR ?? 'data');
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
	const migrationsFolder =
		options.migrationsFolder === undefined ? defaultMigrationsFolder() : options.migrationsFolder;
	if (options.url) return openPostgres(options.url, migrationsFolder);
	return openPglite(options.dataDir ?? path.join(defaultDataDir(), 'pglite'), migrationsFolder);
}

/**
 * PGlite is single-process: a second process opening the same folder would corrupt it. A pid
 * file turns that mistake (e.g. `npm run admin` while the server runs) into a clear refusal.
 */
function lockDataDir(dataDir: string): () => void {
	const lockFile = `${dataDir.replace(/[\/]+$/, '')}.pid`;
	try {
		const pid = Number(readFileSync(lockFile, 'utf8'));
		if (pid && pid !== process.pid && isAlive(pid)) {
			throw new Error(
				`The embedded database at ${dataDir} is in use by process ${pid}. Stop that process first.`
			);
		}
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
	writeFileSync(lockFile, String(process.pid));
	return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

async function openPglite(dataDir: string, migrationsFolder: string | null): Promise<Database> {
	let unlock = () => {};
	if (!dataDir.startsWith('memory://')) {
		mkdirSync(dataDir, { recursive: true });
		unlock = lockDataDir(dataDir);
	}
	const client = new PGlite(dataDir);
	await client.waitReady;
	const db = drizzlePglite(client, { schema }) as unknown as Db;
	if (migrationsFolder) {
		await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
	}
	return {
		db,
		kind: 'pglite',
		location: dataDir,
		close: async () => {
			if (!client.closed) await client.close();
			unlock();
		}
	};
}

async function openPostgres(url: string, migrationsFolder: string | null): Promise<Database> {
	const client = postgres(url, {
		max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
		onnotice: () => {}
	});
	const db = drizzlePostgres(client, { schema }) as unknown as Db;
	if (migrationsFolder) {
		// Several processes starting on an empty database otherwise race on CREATE TYPE.
		const lock = await client.reserve();
		try {
			await lock`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
			await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder });
		} finally {
			await lock`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
			lock.release();
		}
	}
	const parsed = new URL(url);
	return {
		db,
		kind: 'postgres',
		location: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
		async listen(channel, onNotify, onListen) {
			const { unlisten } = await client.listen(channel, onNotify, onListen);
			return unlisten;
		},
		close: () => client.end({ timeout: 5 })
	};
}

export async function pingDatabase(db: Db): Promise<boolean> {
	try {
		await db.execute(sql`select 1`);
		return true;
	} catch {
		return false;
	}
}
