// Duty days (执勤日): field work or an emergency keeps an officer away from practice, so a
// trainer or admin grants those days and the streak survives them. Only staff may grant, only
// for accounts in their own unit or below it, and never for themselves.
import { and, count, desc, eq, ilike, like, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { SessionUser } from '../auth/session';
import { canManageUnitPath, hasRole, STAFF_ROLES } from '../auth/scope';
import { normaliseUsername } from '../accounts/users';
import { DomainError } from '../errors';
import { addDays, chinaDayKey, daysBetween, isDayKey } from './china-time';

/** Longest single grant. */
export const DUTY_MAX_SPAN = 31;
/** How far back a grant may reach (recorded after the officer is back) and how far ahead. */
export const DUTY_MAX_PAST = 60;
export const DUTY_MAX_AHEAD = 31;
export const DUTY_NOTE_MAX = 200;

export interface DutyGrant {
	username: string;
	from: string;
	to: string;
	kind: string;
	note: string;
}

function isDutyKind(value: string): value is table.DutyDay['kind'] {
	return (table.dutyKinds as readonly string[]).includes(value);
}

/** Checks everything that needs no database; returns the list of days. */
export function checkDutyGrant(input: DutyGrant, now: Date): string[] {
	if (!isDutyKind(input.kind)) throw new DomainError('progress_duty_kind_invalid');
	if (!isDayKey(input.from) || !isDayKey(input.to)) {
		throw new DomainError('progress_duty_date_invalid');
	}
	if (input.to < input.from) throw new DomainError('progress_duty_range_order');
	const span = daysBetween(input.from, input.to) + 1;
	if (span > DUTY_MAX_SPAN)
		throw new DomainError('progress_duty_range_too_long', { max: DUTY_MAX_SPAN });
	const today = chinaDayKey(now);
	if (input.from < addDays(today, -DUTY_MAX_PAST) || input.to > addDays(today, DUTY_MAX_AHEAD)) {
		throw new DomainError('progress_duty_out_of_window', {
			past: DUTY_MAX_PAST,
			ahead: DUTY_MAX_AHEAD
		});
	}
	if (input.note.trim().length > DUTY_NOTE_MAX) {
		throw new DomainError('progress_duty_note_too_long', { max: DUTY_NOTE_MAX });
	}
	return Array.from({ length: span }, (_, i) => addDays(input.from, i));
}

async function targetInScope(db: Db, actor: SessionUser, username: string) {
	const [target] = await db
		.select({ id: table.user.id, unitPath: table.unit.path, displayName: table.user.displayName })
		.from(table.user)
		.innerJoin(table.unit, eq(table.user.unitId, table.unit.id))
		.where(eq(table.user.username, normaliseUsername(username)));
	if (!target) throw new DomainError('progress_duty_user_not_found');
	if (!canManageUnitPath(actor, target.unitPath))
		throw new DomainError('progress_duty_out_of_scope');
	if (target.id === actor.id) throw new DomainError('progress_duty_self');
	return target;
}

/** Grants (or re-grants, replacing kind and note) every day of the range; returns the count. */
export async function grantDutyDays(
	db: Db,
	actor: SessionUser,
	input: DutyGrant,
	now = new Date()
): Promise<{ userId: string; displayName: string; days: number }> {
	if (!hasRole(actor, ...STAFF_ROLES)) throw new DomainError('progress_duty_forbidden');
	const days = checkDutyGrant(input, now);
	const target = await targetInScope(db, actor, input.username);
	const rows = days.map((day) => ({
		userId: target.id,
		day,
		kind: input.kind as table.DutyDay['kind'],
		note: input.note.trim(),
		grantedBy: actor.id,
		grantedAt: now
	}));
	await db
		.insert(table.dutyDay)
		.values(rows)
		.onConflictDoUpdate({
			target: [table.dutyDay.userId, table.dutyDay.day],
			set: { kind: rows[0].kind, note: rows[0].note, grantedBy: actor.id, grantedAt: now }
		});
	return { userId: target.id, displayName: target.displayName, days: days.length };
}

export async function revokeDutyDay(db: Db, actor: SessionUser, id: number): Promise<void> {
	if (!hasRole(actor, ...STAFF_ROLES)) throw new DomainError('progress_duty_forbidden');
	const [found] = await db
		.select({ id: table.dutyDay.id, unitPath: table.unit.path })
		.from(table.dutyDay)
		.innerJoin(table.user, eq(table.dutyDay.userId, table.user.id))
		.innerJoin(table.unit, eq(table.user.unitId, table.unit.id))
		.where(eq(table.dutyDay.id, id));
	if (!found) throw new DomainError('progress_duty_not_found');
	if (!canManageUnitPath(actor, found.unitPath))
		throw new DomainError('progress_duty_out_of_scope');
	await db.delete(table.dutyDay).where(eq(table.dutyDay.id, id));
}

export interface DutyListQuery {
	rootPath: string;
	search?: string;
	page?: number;
	pageSize?: number;
}

const granter = alias(table.user, 'granter');

/** Duty days of accounts in the unit subtree, newest day first, paged. */
export async function listDutyDays(db: Db, q: DutyListQuery) {
	const pageSize = Math.min(Math.max(q.pageSize ?? 20, 1), 100);
	const page = Math.max(q.page ?? 1, 1);
	const filters: SQL[] = [like(table.unit.path, `${q.rootPath}%`)];
	const term = q.search?.trim();
	if (term) {
		const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		filters.push(or(ilike(table.user.username, pattern), ilike(table.user.displayName, pattern))!);
	}
	const where = and(...filters);
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				id: table.dutyDay.id,
				day: table.dutyDay.day,
				kind: table.dutyDay.kind,
				note: table.dutyDay.note,
				username: table.user.username,
				displayName: table.user.displayName,
				unitNameZh: table.unit.nameZh,
				unitNameEn: table.unit.nameEn,
				grantedBy: granter.displayName
			})
			.from(table.dutyDay)
			.innerJoin(table.user, eq(table.dutyDay.userId, table.user.id))
			.innerJoin(table.unit, eq(table.user.unitId, table.unit.id))
			.leftJoin(granter, eq(table.dutyDay.grantedBy, granter.id))
			.where(where)
			.orderBy(desc(table.dutyDay.day), table.user.username)
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		db
			.select({ total: count() })
			.from(table.dutyDay)
			.innerJoin(table.user, eq(table.dutyDay.userId, table.user.id))
			.innerJoin(table.unit, eq(table.user.unitId, table.unit.id))
			.where(where)
	]);
	return { rows, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}
