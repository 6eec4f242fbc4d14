// Builds what the import page shows: counts and every problem, translated for the reader.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { validateAccountRows, type ImportProblem } from '$lib/server/accounts/import';
import {
	IMPORT_MAX_BYTES,
	parseAccountFile,
	type ImportField,
	type RawRow
} from '$lib/server/accounts/import-parse';
import type { SessionUser } from '$lib/server/auth/session';
import type { Db } from '$lib/server/db';
import { DomainError } from '$lib/server/errors';
import { translateError, type Locale } from '$lib/server/i18n';
import { m } from '$lib/paraglide/messages.js';

// A file with thousands of broken rows usually has one systematic mistake; the rest adds noise.
const MAX_PROBLEMS_SHOWN = 1000;

export interface Upload {
	filename: string;
	digest: string;
	rows: RawRow[];
}

export interface ProblemRow {
	id: number;
	row: number;
	column: string;
	reason: string;
}

export interface Preview {
	filename: string;
	digest: string;
	total: number;
	valid: number;
	problemCount: number;
	problems: ProblemRow[];
}

/** Reads and parses the uploaded file; throws DomainError for a missing or unusable file. */
export async function readUpload(data: FormData): Promise<Upload> {
	const file = data.get('file');
	if (!(file instanceof File) || file.name === '') throw new DomainError('import_file_missing');
	// Refuse before reading the body into memory.
	if (file.size > IMPORT_MAX_BYTES) {
		throw new DomainError('import_file_too_large', { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 });
	}
	const bytes = new Uint8Array(await file.arrayBuffer());
	const { rows } = await parseAccountFile(bytes, file.name);
	return { filename: file.name, digest: encodeHexLowerCase(sha256(bytes)), rows };
}

function columnLabel(f: ImportField, locale: Locale): string {
	const labels = {
		username: m.import_col_username,
		displayName: m.import_col_displayName,
		role: m.import_col_role,
		unitCode: m.import_col_unitCode,
		password: m.import_col_password
	};
	return labels[f]({}, { locale });
}

function describe(p: ImportProblem, id: number, locale: Locale): ProblemRow {
	const column = columnLabel(p.field, locale);
	const params = p.code === 'import_required' ? { ...p.params, column } : p.params;
	return { id, row: p.row, column, reason: translateError(p.code, params, locale) };
}

/** The first problems of a file, translated for the reader. */
export function describeProblems(problems: ImportProblem[], locale: Locale): ProblemRow[] {
	return problems.slice(0, MAX_PROBLEMS_SHOWN).map((p, i) => describe(p, i, locale));
}

export async function buildPreview(
	db: Db,
	actor: SessionUser,
	upload: Upload,
	locale: Locale
): Promise<Preview> {
	const { valid, problems } = await validateAccountRows(db, actor, upload.rows);
	return {
		filename: upload.filename,
		digest: upload.digest,
		total: upload.rows.length,
		valid: valid.length,
		problemCount: problems.length,
		problems: describeProblems(problems, locale)
	};
}
