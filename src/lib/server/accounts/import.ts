// Bulk account import: every row is checked before anything is written, and the accounts are
// inserted in one transaction, so a file either imports completely or not at all.
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { DomainError } from '../errors';
import { hashPassword } from '../auth/password';
import type { SessionUser } from '../auth/session';
import { chunks, validateAccountRows } from './import-check';
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

/** Imports every row or none: throws `import_has_errors` when any row has a problem. */
export async function importAccounts(
	db: Db,
	actor: SessionUser,
	rows: RawRow[]
): Promise<{ imported: number }> {
	const checked = await validateAccountRows(db, actor, rows);
	if (checked.problems.length > 0) {
		throw new DomainError('import_has_errors', { count: checked.problems.length });
	}
	// Hash before the transaction opens, so it is not held for minutes on a large file.
	const hashes = await mapBounded(checked.valid, HASH_CONCURRENCY, (u) => hashPassword(u.password));
	try {
		return await db.transaction(async (tx) => {
			// Someone may have taken a username or moved a unit while the passwords were hashed.
			const again = await validateAccountRows(tx, actor, rows);
			if (again.problems.length > 0 || again.valid.length !== hashes.length) {
				throw new DomainError('import_has_errors', { count: again.problems.length });
			}
			const values = again.valid.map((u, i) => ({
				id: generateUserId(),
				username: u.username,
				displayName: u.displayName,
				passwordHash: hashes[i],
				role: u.role,
				unitId: u.unitId
			}));
			for (const part of chunks(values)) await tx.insert(table.user).values(part);
			return { imported: values.length };
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new DomainError('import_conflict');
		throw e;
	}
}
