// One database per test file: PGlite in memory by default, or a freshly created database on
// the PostgreSQL server named by TEST_DATABASE_URL (CI), dropped again afterwards.
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/lib/server/db/client';
import { ensureReferenceUnits } from '../../src/lib/server/org/units';

export interface TestDatabase extends Database {
	/** Empties every table (keeps the schema), then restores the reference units. */
	reset(): Promise<void>;
	/** PostgreSQL only: the test database's URL, for more connections (another "process"). */
	url?: string;
}

export async function openTestDatabase(): Promise<TestDatabase> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	let database: Database;
	let drop: (() => Promise<void>) | undefined;
	let url: string | undefined;
	if (serverUrl) {
		const name = `lianbing_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
		const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database "${name}"`);
		const parsed = new URL(serverUrl);
		parsed.pathname = `/${name}`;
		url = parsed.toString();
		database = await openDatabase({ url });
		drop = async () => {
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
			await admin.end();
		};
	} else {
		database = await openDatabase({ dataDir: 'memory://' });
	}
	const reset = async () => {
		const rows = await database.db.execute<{ tablename: string }>(
			sql`select tablename from pg_tables where schemaname = 'public'`
		);
		const list = (Array.isArray(rows) ? rows : (rows as { rows: { tablename: string }[] }).rows)
			.map((r) => `"${r.tablename}"`)
			.join(', ');
		if (list) await database.db.execute(sql.raw(`truncate ${list} restart identity cascade`));
		await ensureReferenceUnits(database.db);
	};
	await reset();
	return {
		...database,
		url,
		reset,
		close: async () => {
			await database.close();
			await drop?.();
		}
	};
}
