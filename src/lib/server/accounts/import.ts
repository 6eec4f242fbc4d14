// Bulk account import: every row is checked before anything is written, and the accounts are
// inserted in one transaction, so a file either imports completely or not at all.
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { DomainError } from '../errors';
import { hashPassword } from '../auth/password';
import type { SessionUser } from '../auth/session';
import { chunks, validateAccountRows, type ImportProblem } from './import-check';
import type { RawRow } from './import-parse';
import { generateUserId } from './users';

export { parseRoleWord, validateAccountRows, type ImportProblem } from './import-check';

// Hashing is the slow part (argon2, ~50 ms each): a few at a time keeps the server responsive.
const HASH_CONCURRENCY = 4;

async function mapBounded<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>) {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await fn(items[i]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}

function isUniqueViolation(e: unknown): boolean {
	for (let cur = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
		if ((cur as { code?: unknown }).code === '23505') return true;
	}
	return false;
}

export type ImportPhase = 'checking' | 'hashing' | 'saving';

export interface ImportOptions {
	/** Called as the work advances: `done` of `total` rows (checking) or accounts (after). */
	onProgress?: (done: number, total: number, phase: ImportPhase) => void;
	/** Stops the import before it commits, e.g. when the uploader has gone away. */
	signal?: AbortSignal;
}

/** `import_has_errors` carrying the problems, so a caller can list them without a second check. */
export class ImportRowsError extends DomainError {
	constructor(readonly problems: ImportProblem[]) {
		super('import_has_errors', { count: problems.length });
		this.name = 'ImportRowsError';
	}
}

/** Imports every row or none: throws `ImportRowsError` when any row has a problem. */
export async function importAccounts(
	db: Db,
	actor: SessionUser,
	rows: RawRow[],
	{ onProgress, signal }: ImportOptions = {}
): Promise<{ imported: number }> {
	onProgress?.(0, rows.length, 'checking');
	const checked = await validateAccountRows(db, actor, rows);
	onProgress?.(rows.length, rows.length, 'checking');
	if (checked.problems.length > 0) throw new ImportRowsError(checked.problems);
	const total = checked.valid.length;
	onProgress?.(0, total, 'hashing');
	let hashed = 0;
	// Hash before the transaction opens, so it is not held for minutes on a large file.
	const hashes = await mapBounded(checked.valid, HASH_CONCURRENCY, async (u) => {
		signal?.throwIfAborted();
		const passwordHash = await hashPassword(u.password);
		onProgress?.(++hashed, total, 'hashing');
		return passwordHash;
	});
	signal?.throwIfAborted();
	try {
		return await db.transaction(async (tx) => {
			onProgress?.(0, total, 'saving');
			// Someone may have taken a username or moved a unit while the passwords were hashed.
			const again = await validateAccountRows(tx, actor, rows);
			if (again.problems.length > 0 || again.valid.length !== hashes.length) {
				throw new ImportRowsError(again.problems);
			}
			const values = again.valid.map((u, i) => ({
				id: generateUserId(),
				username: u.username,
				displayName: u.displayName,
				passwordHash: hashes[i],
				role: u.role,
				unitId: u.unitId
			}));
			let saved = 0;
			for (const part of chunks(values)) {
				// Throwing here rolls the transaction back: nothing is kept of an abandoned import.
				signal?.throwIfAborted();
				await tx.insert(table.user).values(part);
				onProgress?.((saved += part.length), total, 'saving');
			}
			return { imported: values.length };
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new DomainError('import_conflict');
		throw e;
	}
}
