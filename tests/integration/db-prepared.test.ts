// Hot statements run as named prepared statements on PGlite (a plain execute on PostgreSQL):
// same rows and types as an ordinary query, errors that leave the database usable, and never a
// statement slipped into another caller's open transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { queryPrepared } from '../../src/lib/server/db/prepared';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
	await t.db.execute(sql`create table prepared_probe (id serial primary key, label text not null)`);
});
afterAll(async () => {
	await t?.close();
});

const probe = (n: number, label: string | null, at: Date, flag: boolean) =>
	sql`select ${n}::int as n, ${label}::text as label, ${at.toISOString()}::timestamptz as at,
		${flag}::boolean as flag, json_build_object('k', ${label}::text) as doc,
		'2025-03-03'::date as day`;

describe('queryPrepared', () => {
	it('returns what a plain query returns, for each set of parameters', async () => {
		const at = new Date('2025-03-03T01:02:03.456Z');
		for (const [n, label, flag] of [
			[1, '甲', true],
			[2, null, false],
			[3, "it's", true]
		] as const) {
			const [row] = await queryPrepared<Record<string, unknown>>(t.db, probe(n, label, at, flag));
			expect(row).toMatchObject({ n, label, flag, doc: { k: label } });
			expect(new Date(row.at as string).getTime()).toBe(at.getTime());
		}
	});

	it('rejects a failing statement and keeps working afterwards', async () => {
		const divide = (d: number) => sql`select 10 / ${d}::int as q`;
		await expect(queryPrepared(t.db, divide(0))).rejects.toThrow();
		expect(await queryPrepared(t.db, divide(5))).toEqual([{ q: 2 }]);
		await expect(
			queryPrepared(t.db, sql`select no_such_column from prepared_probe`)
		).rejects.toThrow();
		expect(await queryPrepared(t.db, divide(2))).toEqual([{ q: 5 }]);
	});

	it('runs inside a transaction and sees its uncommitted rows', async () => {
		await t.db
			.transaction(async (tx) => {
				await tx.execute(sql`insert into prepared_probe (label) values ('in tx')`);
				const rows = await queryPrepared<{ n: number }>(
					tx,
					sql`select count(*)::int as n from prepared_probe where label = ${'in tx'}`
				);
				expect(rows).toEqual([{ n: 1 }]);
				tx.rollback();
			})
			.catch(() => {});
		const after = await queryPrepared<{ n: number }>(
			t.db,
			sql`select count(*)::int as n from prepared_probe where label = ${'in tx'}`
		);
		expect(after).toEqual([{ n: 0 }]);
	});

	it("never runs inside another caller's open transaction", async () => {
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		let inserted!: () => void;
		const insertedOnce = new Promise<void>((r) => (inserted = r));
		const other = t.db
			.transaction(async (tx) => {
				await tx.execute(sql`insert into prepared_probe (label) values ('rolled back')`);
				inserted();
				await held;
				throw new Error('roll back');
			})
			.catch(() => {});
		await insertedOnce;
		const count = queryPrepared<{ n: number }>(
			t.db,
			sql`select count(*)::int as n from prepared_probe where label = ${'rolled back'}`
		);
		release();
		await other;
		expect(await count).toEqual([{ n: 0 }]);
	});
});
