// Importing questions: the check against the database (duplicates in the importer's view of
// the bank) and the all-or-nothing commit, inserting in batches inside one transaction.
import { eq, isNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import * as table from '../../db/schema';
import { DomainError } from '../../errors';
import { escapeLike } from '../scope';
import { versionValues } from '../store';
import {
	checkItems,
	duplicateKey,
	type ImportCheck,
	type ImportOptions,
	type PreparedQuestion
} from './check';
import type { ParsedFile } from './types';

/**
 * Whose bank duplicates are looked for in: a unit path (its subtree plus the national unit's
 * questions, what its staff can see), or null for the whole bank (CLI, starter bank).
 */
export type DuplicateScope = string | null;

export async function loadExistingKeys(db: Db, scope: DuplicateScope): Promise<Set<string>> {
	const query = db
		.select({ type: table.question.type, stem: table.question.stem })
		.from(table.question)
		.innerJoin(table.unit, eq(table.unit.id, table.question.unitId));
	const rows =
		scope === null
			? await query
			: await query.where(
					or(like(table.unit.path, `${escapeLike(scope)}%`), isNull(table.unit.parentId))
				);
	return new Set(rows.map((r) => duplicateKey(r.type, r.stem)));
}

export async function checkImport(
	db: Db,
	parsed: ParsedFile,
	options: ImportOptions,
	scope: DuplicateScope
): Promise<ImportCheck> {
	return checkItems(parsed, options, await loadExistingKeys(db, scope));
}

/** Refuses a commit and carries the check, so callers can list every problem. */
export class ImportBlockedError extends DomainError {
	constructor(readonly check: ImportCheck) {
		const count = check.problems.filter(
			(p) => p.severity === 'error' || p.severity === 'unsupported'
		).length;
		super('bankio_has_errors', { count });
		this.name = 'ImportBlockedError';
	}
}

export interface ImportOwner {
	unitId: number;
	authorId: string | null;
	/** JSON backups: give each question back to its unit (by code) when that unit exists. */
	unitIdsByCode?: Map<string, number>;
}

const BATCH = 200;

async function insertBatch(db: Db, batch: PreparedQuestion[], owner: ImportOwner): Promise<void> {
	const now = new Date();
	const ids = await db
		.insert(table.question)
		.values(
			batch.map((q) => ({
				status: q.status,
				type: q.input.type,
				topic: q.input.topic,
				subtopic: q.input.subtopic,
				difficulty: q.input.difficulty,
				tags: q.input.tags,
				stem: q.input.stem,
				jurisdiction: q.input.jurisdiction,
				unitId: (q.unitCode && owner.unitIdsByCode?.get(q.unitCode)) || owner.unitId,
				authorId: owner.authorId,
				publishedAt: q.status === 'published' ? now : null
			}))
		)
		.returning({ id: table.question.id });
	// Postgres returns the rows of a multi-row INSERT … RETURNING in the order of VALUES.
	const versions = batch.flatMap((q, i) => [
		...q.history.map((h, v) => ({
			...versionValues(h.input),
			questionId: ids[i].id,
			version: v + 1,
			createdBy: null,
			createdAt: h.createdAt ?? now,
			publishedAt: h.publishedAt ?? null
		})),
		{
			...versionValues(q.input),
			questionId: ids[i].id,
			version: q.history.length + 1,
			createdBy: owner.authorId,
			publishedAt: q.status === 'published' ? now : null
		}
	]);
	for (let i = 0; i < versions.length; i += BATCH) {
		await db.insert(table.questionVersion).values(versions.slice(i, i + BATCH));
	}
	const list = sql.join(
		ids.map((r) => sql`${r.id}`),
		sql`, `
	);
	await db.execute(sql`
		update ${table.question} set current_version_id = v.id
		from (
			select distinct on (question_id) id, question_id from ${table.questionVersion}
			where question_id in (${list}) order by question_id, version desc
		) v
		where ${table.question.id} = v.question_id`);
}

/**
 * Checks the file again inside the transaction and writes every prepared question, or nothing:
 * throws ImportBlockedError when the check blocks.
 */
export async function commitImport(
	db: Db,
	parsed: ParsedFile,
	options: ImportOptions,
	owner: ImportOwner,
	scope: DuplicateScope,
	onProgress?: (done: number, total: number) => void
): Promise<{ imported: number; check: ImportCheck }> {
	return db.transaction(async (tx) => {
		const check = await checkImport(tx, parsed, options, scope);
		if (check.blocked) throw new ImportBlockedError(check);
		for (let i = 0; i < check.ready.length; i += BATCH) {
			await insertBatch(tx, check.ready.slice(i, i + BATCH), owner);
			onProgress?.(Math.min(i + BATCH, check.ready.length), check.ready.length);
		}
		return { imported: check.ready.length, check };
	});
}
