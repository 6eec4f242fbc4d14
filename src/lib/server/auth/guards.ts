// One family of guards for every load, action and endpoint: call them first thing.
import { error, redirect } from '@sveltejs/kit';
import type { Db } from '../db/client';
import type { Role } from '../db/schema';
import { getUnit, type Unit } from '../org/units';
import { canManageUnitPath, hasRole } from './scope';
import type { SessionUser } from './session';

interface GuardEvent {
	locals: { user: SessionUser | null };
	url: URL;
}

/** The signed-in user, or a redirect to /login that comes back here afterwards. */
export function requireUser(event: GuardEvent): SessionUser {
	const { user } = event.locals;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return user;
}

export function requireRole(event: GuardEvent, ...roles: Role[]): SessionUser {
	const user = requireUser(event);
	if (!hasRole(user, ...roles)) error(403, { message: 'forbidden' });
	return user;
}

/** A unit the staff member may manage; 404 when it does not exist, 403 when out of scope. */
export async function requireUnitInScope(db: Db, user: SessionUser, unitId: number): Promise<Unit> {
	const found = Number.isInteger(unitId) ? await getUnit(db, unitId) : undefined;
	if (!found) error(404, { message: 'unit_not_found' });
	if (!canManageUnitPath(user, found.path)) error(403, { message: 'forbidden' });
	return found;
}
