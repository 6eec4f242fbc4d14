import { and, asc, count, eq, ilike, like, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { DomainError } from '../errors';
import { checkPasswordStrength, hashPassword, verifyPasswordHash } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

export type Role = table.Role;

export function generateUserId(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)));
}

export function normaliseUsername(raw: string): string {
	return raw.normalize('NFKC').trim().toLowerCase();
}

/** Letters, digits, dot, dash, underscore; 3–32 characters (officer ID numbers fit too). */
export function checkUsername(username: string): void {
	if (!/^[a-z0-9._-]{3,32}$/.test(username)) throw new DomainError('username_invalid');
}

export function checkDisplayName(raw: string): string {
	const name = raw.normalize('NFKC').trim();
	if (name.length < 1 || name.length > 40) throw new DomainError('display_name_invalid');
	return name;
}

export function checkNewPassword(password: string): void {
	const problem = checkPasswordStrength(password);
	if (problem) throw new DomainError(`password_${problem}`);
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (table.roles as readonly string[]).includes(value);
}

/** Trainers may create officers; admins may create any role. */
export function canAssignRole(actorRole: Role, role: Role): boolean {
	if (actorRole === 'admin') return true;
	return actorRole === 'trainer' && role === 'officer';
}

export interface NewUser {
	username: string;
	displayName: string;
	password: string;
	role: Role;
	unitId: number;
}

/** Validates everything that needs no database; returns the cleaned values. */
export function validateNewUser(input: NewUser): NewUser {
	const username = normaliseUsername(input.username);
	checkUsername(username);
	const displayName = checkDisplayName(input.displayName);
	checkNewPassword(input.password);
	if (!isRole(input.role)) throw new DomainError('role_invalid');
	return { ...input, username, displayName };
}

export async function createUser(db: Db, input: NewUser): Promise<table.User> {
	const clean = validateNewUser(input);
	const [unitRow] = await db.select().from(table.unit).where(eq(table.unit.id, clean.unitId));
	if (!unitRow) throw new DomainError('unit_not_found');
	if (await getUserByUsername(db, clean.username)) {
		throw new DomainError('username_taken', { username: clean.username });
	}
	const [row] = await db
		.insert(table.user)
		.values({
			id: generateUserId(),
			username: clean.username,
			displayName: clean.displayName,
			passwordHash: await hashPassword(clean.password),
			role: clean.role,
			unitId: clean.unitId
		})
		.returning();
	return row;
}

export async function getUserByUsername(db: Db, username: string): Promise<table.User | undefined> {
	const [row] = await db
		.select()
		.from(table.user)
		.where(eq(table.user.username, normaliseUsername(username)));
	return row;
}

export async function getUserById(db: Db, id: string): Promise<table.User | undefined> {
	const [row] = await db.select().from(table.user).where(eq(table.user.id, id));
	return row;
}

/** Changes the password and signs out every other session of the user. */
export async function changePassword(
	db: Db,
	userId: string,
	currentPassword: string,
	newPassword: string
): Promise<void> {
	const found = await getUserById(db, userId);
	if (!found) throw new DomainError('user_not_found');
	if (!(await verifyPasswordHash(found.passwordHash, currentPassword))) {
		throw new DomainError('password_current_wrong');
	}
	checkNewPassword(newPassword);
	const passwordHash = await hashPassword(newPassword);
	await db
		.update(table.user)
		.set({ passwordHash, passwordChangedAt: new Date() })
		.where(eq(table.user.id, userId));
	await invalidateUserSessions(db, userId);
}

export async function countAdmins(db: Db): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(table.user)
		.where(eq(table.user.role, 'admin'));
	return row?.n ?? 0;
}

export interface UserListQuery {
	rootPath: string;
	search?: string;
	role?: Role;
	page?: number;
	pageSize?: number;
}

export async function listUsers(db: Db, q: UserListQuery) {
	const pageSize = Math.min(Math.max(q.pageSize ?? 20, 1), 100);
	const page = Math.max(q.page ?? 1, 1);
	const filters: SQL[] = [like(table.unit.path, `${q.rootPath}%`)];
	if (q.role) filters.push(eq(table.user.role, q.role));
	const term = q.search?.trim();
	if (term) {
		const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		filters.push(or(ilike(table.user.username, pattern), ilike(table.user.displayName, pattern))!);
	}
	const where = and(...filters);
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				id: table.user.id,
				username: table.user.username,
				displayName: table.user.displayName,
				role: table.user.role,
				unitId: table.user.unitId,
				unitNameZh: table.unit.nameZh,
				unitNameEn: table.unit.nameEn,
				createdAt: table.user.createdAt
			})
			.from(table.user)
			.innerJoin(table.unit, eq(table.user.unitId, table.unit.id))
			.where(where)
			.orderBy(asc(table.unit.path), asc(table.user.username))
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		db
			.select({ total: count() })
			.from(table.user)
			.innerJoin(table.unit, eq(table.user.unitId, table.unit.id))
			.where(where)
	]);
	return { rows, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}
