// Accounts created by staff: the role must be one the actor may assign, the unit within scope.
import type { Db } from '../db/client';
import type * as table from '../db/schema';
import { DomainError } from '../errors';
import { canManageUnitPath, hasRole, STAFF_ROLES } from '../auth/scope';
import type { SessionUser } from '../auth/session';
import { getUnit } from '../org/units';
import { canAssignRole, createUser, isRole, type NewUser } from './users';

export async function createAccountAsStaff(
	db: Db,
	actor: SessionUser,
	input: NewUser
): Promise<table.User> {
	if (!hasRole(actor, ...STAFF_ROLES)) throw new DomainError('forbidden');
	if (!isRole(input.role)) throw new DomainError('role_invalid');
	if (!canAssignRole(actor.role, input.role)) throw new DomainError('role_not_allowed');
	const unitRow = Number.isInteger(input.unitId) ? await getUnit(db, input.unitId) : undefined;
	if (!unitRow) throw new DomainError('unit_not_found');
	if (!canManageUnitPath(actor, unitRow.path)) throw new DomainError('unit_out_of_scope');
	return createUser(db, input);
}
