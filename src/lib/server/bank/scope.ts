// Who may do what in the question bank. Staff edit questions owned by units in their subtree;
// questions of the national unit are readable by every staff member but editable only by
// national staff (which the subtree rule already gives). Officers manage nothing here.
import { isNull, like, or, type SQL } from 'drizzle-orm';
import * as table from '../db/schema';
import { canManageUnitPath, hasRole, STAFF_ROLES } from '../auth/scope';
import type { SessionUser } from '../auth/session';
import { DomainError } from '../errors';
import { isRootPath } from '../org/units';

export type Actor = SessionUser;

export function isStaff(user: Actor | null | undefined): boolean {
	return hasRole(user, ...STAFF_ROLES);
}

export function canViewQuestionAt(user: Actor, unitPath: string): boolean {
	return isStaff(user) && (unitPath.startsWith(user.unitPath) || isRootPath(unitPath));
}

export function canEditQuestionAt(user: Actor, unitPath: string): boolean {
	return canManageUnitPath(user, unitPath);
}

export function requireStaff(user: Actor): void {
	if (!isStaff(user)) throw new DomainError('forbidden');
}

/** Rows (joined with `unit`) a staff member may see in the bank lists. */
export function viewScopeSql(user: Actor): SQL {
	return or(like(table.unit.path, `${escapeLike(user.unitPath)}%`), isNull(table.unit.parentId))!;
}

/** Rows (joined with `unit`) a staff member may edit, review and resolve reports for. */
export function editScopeSql(user: Actor): SQL {
	return like(table.unit.path, `${escapeLike(user.unitPath)}%`);
}

export function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
