// Checks every row of an account import without writing: the preview shows all problems at
// once, and the import runs the same check before and inside its transaction.
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { DomainError, isDomainError } from '../errors';
import { canManageUnitPath, hasRole, STAFF_ROLES } from '../auth/scope';
import type { SessionUser } from '../auth/session';
import { IMPORT_FIELDS, type ImportField, type RawRow } from './import-parse';
import {
	canAssignRole,
	checkDisplayName,
	checkNewPassword,
	checkUsername,
	normaliseUsername,
	validateNewUser,
	type NewUser,
	type Role
} from './users';

export interface ImportProblem {
	row: number;
	field: ImportField;
	code: string;
	params: Record<string, string | number>;
}

const ROLE_WORDS: Record<string, Role> = {
	执法队员: 'officer',
	队员: 'officer',
	教练员: 'trainer',
	管理员: 'admin',
	officer: 'officer',
	trainer: 'trainer',
	admin: 'admin'
};

export function parseRoleWord(value: string): Role | undefined {
	return ROLE_WORDS[value.normalize('NFKC').trim().toLowerCase()];
}

const QUERY_CHUNK = 1000;

export function chunks<T>(items: T[], size = QUERY_CHUNK): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

async function existingUsernames(db: Db, names: string[]): Promise<Set<string>> {
	const found = new Set<string>();
	for (const part of chunks([...new Set(names)])) {
		const rows = await db
			.select({ username: table.user.username })
			.from(table.user)
			.where(inArray(table.user.username, part));
		for (const r of rows) found.add(r.username);
	}
	return found;
}

async function unitsByCode(db: Db, codes: string[]): Promise<Map<string, table.Unit>> {
	const found = new Map<string, table.Unit>();
	for (const part of chunks([...new Set(codes)])) {
		const rows = await db.select().from(table.unit).where(inArray(table.unit.code, part));
		for (const r of rows) found.set(r.code, r);
	}
	return found;
}

/** Runs `check`; a DomainError becomes a problem of this row and field. */
function attempt(problems: ImportProblem[], row: number, field: ImportField, check: () => void) {
	try {
		check();
		return true;
	} catch (e) {
		if (!isDomainError(e)) throw e;
		problems.push({ row, field, code: e.code, params: e.params });
		return false;
	}
}

interface RowContext {
	actor: SessionUser;
	taken: Set<string>;
	units: Map<string, table.Unit>;
	/** Where each username was first seen in the file, to name the row it repeats. */
	firstRowOf: Map<string, number>;
	problems: ImportProblem[];
}

/** Checks one row, adding its problems; returns the account when the row has none. */
function checkRow(ctx: RowContext, raw: RawRow, username: string): NewUser | undefined {
	const { problems, actor } = ctx;
	const before = problems.length;
	const add = (field: ImportField, code: string, params: ImportProblem['params'] = {}) =>
		problems.push({ row: raw.row, field, code, params });
	for (const f of IMPORT_FIELDS) if (raw[f] === '') add(f, 'import_required', { column: f });
	if (username && attempt(problems, raw.row, 'username', () => checkUsername(username))) {
		const first = ctx.firstRowOf.get(username);
		if (first !== undefined) add('username', 'import_username_duplicate', { username, first });
		else ctx.firstRowOf.set(username, raw.row);
		if (ctx.taken.has(username)) add('username', 'username_taken', { username });
	}
	if (raw.displayName) {
		attempt(problems, raw.row, 'displayName', () => checkDisplayName(raw.displayName));
	}
	const role = raw.role ? parseRoleWord(raw.role) : undefined;
	if (raw.role && !role) add('role', 'import_role_unknown', { value: raw.role });
	if (role && !canAssignRole(actor.role, role)) {
		add('role', 'import_role_not_allowed', { value: raw.role });
	}
	const unitRow = raw.unitCode ? ctx.units.get(raw.unitCode) : undefined;
	if (raw.unitCode && !unitRow) add('unitCode', 'import_unit_unknown', { code: raw.unitCode });
	if (unitRow && !canManageUnitPath(actor, unitRow.path)) {
		add('unitCode', 'import_unit_out_of_scope', { code: raw.unitCode });
	}
	if (raw.password) attempt(problems, raw.row, 'password', () => checkNewPassword(raw.password));
	if (problems.length > before || !role || !unitRow) return undefined;
	const { displayName, password } = raw;
	return validateNewUser({ username, displayName, password, role, unitId: unitRow.id });
}

/** Checks every row without writing; lists every problem with its spreadsheet row number. */
export async function validateAccountRows(
	db: Db,
	actor: SessionUser,
	rows: RawRow[]
): Promise<{ valid: NewUser[]; problems: ImportProblem[] }> {
	if (!hasRole(actor, ...STAFF_ROLES)) throw new DomainError('forbidden');
	const names = rows.map((r) => normaliseUsername(r.username));
	const [taken, units] = await Promise.all([
		existingUsernames(db, names.filter(Boolean)),
		unitsByCode(db, rows.map((r) => r.unitCode).filter(Boolean))
	]);
	const ctx: RowContext = { actor, taken, units, firstRowOf: new Map(), problems: [] };
	const valid: NewUser[] = [];
	rows.forEach((raw, i) => {
		const account = checkRow(ctx, raw, names[i]);
		if (account) valid.push(account);
	});
	return { valid, problems: ctx.problems };
}
