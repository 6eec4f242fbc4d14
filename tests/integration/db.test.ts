import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '../../src/lib/server/db/client';
import * as table from '../../src/lib/server/db/schema';
import { bootstrap } from '../../src/lib/server/bootstrap';
import { listUnitsWithin } from '../../src/lib/server/org/units';
import { PROVINCES } from '../../src/lib/server/org/reference-units';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

describe('migrations', () => {
	it('create every table of the schema', async () => {
		const res = await t.db.execute<{ tablename: string }>(
			sql`select tablename from pg_tables where schemaname = 'public' order by tablename`
		);
		const rows = Array.isArray(res)
			? res
			: (res as unknown as { rows: { tablename: string }[] }).rows;
		expect(rows.map((r) => r.tablename)).toEqual(
			expect.arrayContaining(['unit', 'user', 'session', 'login_throttle', 'app_setting'])
		);
	});

	it('seed the national unit, 31 provinces and the Corps, each with a region', async () => {
		const units = await listUnitsWithin(t.db, '/');
		const provinces = units.filter((u) => u.level === 'province');
		expect(provinces).toHaveLength(32);
		expect(PROVINCES).toHaveLength(32);
		expect(provinces.every((p) => p.region && p.nameEn && p.nameZh)).toBe(true);
		expect(provinces.find((p) => p.code === '660000')?.nameZh).toBe('新疆生产建设兵团');
		expect(units.filter((u) => u.level === 'national')).toHaveLength(1);
	});

	it('apply cleanly a second time on the same database (start-up is idempotent)', async () => {
		if (t.kind !== 'postgres') {
			// PGlite in memory cannot be reopened; the PostgreSQL run covers re-migration.
			expect(t.kind).toBe('pglite');
			return;
		}
		const again = await openDatabase({
			url: process.env.TEST_DATABASE_URL!.replace(/\/[^/]*$/, `/${t.location.split('/').pop()}`)
		});
		await expect(listUnitsWithin(again.db, '/')).resolves.not.toHaveLength(0);
		await again.close();
	});
});
