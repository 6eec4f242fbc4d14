// Who may act on what. Pure functions, shared by routes and socket handlers.
import type { Role } from '../db/schema';
import type { SessionUser } from './session';

export const STAFF_ROLES: readonly Role[] = ['trainer', 'admin'];

export function hasRole(user: SessionUser | null | undefined, ...roles: Role[]): boolean {
	return !!user && roles.includes(user.role);
}

/** Trainers and admins act on their own unit and every unit below it. */
export function canManageUnitPath(user: SessionUser | null | undefined, unitPath: string): boolean {
	return hasRole(user, ...STAFF_ROLES) && unitPath.startsWith(user!.unitPath);
}
