import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import {
	importAccounts,
	ImportRowsError,
	type ImportPhase
} from '../../src/lib/server/accounts/import';
import { getUserByUsername } from '../../src/lib/server/accounts/users';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { countUsers, liaoningTrainer, officersCsv, rowsOf } from './manage-import-fixtures';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

let trainer: SessionUser;
beforeEach(async () => {
	await t.reset();
	trainer = await liaoningTrainer(t.db);
});

type Step = { phase: ImportPhase; done: number; total: number };

describe('import progress', () => {
	it('reports checking, then every hashed and saved account, in order', async () => {
		const steps: Step[] = [];
		const result = await importAccounts(t.db, trainer, await rowsOf(officersCsv(9)), {
			onProgress: (done, total, phase) => steps.push({ phase, done, total })
		});
		expect(result).toEqual({ imported: 9 });
		expect(steps.filter((s) => s.phase === 'checking')).toEqual([
			{ phase: 'checking', done: 0, total: 9 },
			{ phase: 'checking', done: 9, total: 9 }
		]);
		expect(steps.filter((s) => s.phase === 'hashing').map((s) => s.done)).toEqual([
			0, 1, 2, 3, 4, 5, 6, 7, 8, 9
		]);
		expect(steps.filter((s) => s.phase === 'saving').map((s) => s.done)).toEqual([0, 9]);
		const phases = steps.map((s) => s.phase);
		expect(phases.lastIndexOf('checking')).toBeLessThan(phases.indexOf('hashing'));
		expect(phases.lastIndexOf('hashing')).toBeLessThan(phases.indexOf('saving'));
	});

	it('lists the problems and hashes nothing when a row is refused', async () => {
		const phases = new Set<ImportPhase>();
		const text = `${officersCsv(2)}\nxj.one,乙,执法队员,650000,Init-pass1`;
		const failure = await importAccounts(t.db, trainer, await rowsOf(text), {
			onProgress: (_done, _total, phase) => phases.add(phase)
		}).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(ImportRowsError);
		expect(failure).toMatchObject({
			code: 'import_has_errors',
			params: { count: 1 },
			problems: [{ row: 4, field: 'unitCode', code: 'import_unit_out_of_scope' }]
		});
		expect([...phases]).toEqual(['checking']);
		expect(await getUserByUsername(t.db, 'p.1')).toBeUndefined();
	});

	it('stops and keeps nothing when aborted while hashing', async () => {
		const before = await countUsers(t.db);
		const abort = new AbortController();
		let hashed = 0;
		const run = importAccounts(t.db, trainer, await rowsOf(officersCsv(12)), {
			signal: abort.signal,
			onProgress: (done, _total, phase) => {
				if (phase === 'hashing') hashed = done;
				if (phase === 'hashing' && done === 2) abort.abort();
			}
		});
		await expect(run).rejects.toMatchObject({ name: 'AbortError' });
		// Hashes already under way finish, but no new one starts after the abort.
		expect(hashed).toBeLessThan(12);
		expect(await countUsers(t.db)).toBe(before);
	});
});
