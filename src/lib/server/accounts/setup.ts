// The first admin of a real deployment, created through /setup with the one-time token
// printed in the log at start-up (or with `npm run admin -- create`).
import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client';
import { DomainError } from '../errors';
import { sessionIdFromToken } from '../auth/session';
import { getUnitByCode } from '../org/units';
import { NATIONAL_UNIT } from '../org/reference-units';
import { getSetting, setSetting } from '../settings';
import { countAdmins, createUser } from './users';

export async function isSetupTokenValid(db: Db, token: string | null): Promise<boolean> {
	if (!token || (await countAdmins(db)) > 0) return false;
	const stored = await getSetting(db, 'setupTokenHash');
	if (!stored) return false;
	const given = Buffer.from(sessionIdFromToken(token));
	const expected = Buffer.from(stored);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function createFirstAdmin(
	db: Db,
	token: string,
	input: { username: string; displayName: string; password: string }
) {
	if (!(await isSetupTokenValid(db, token))) throw new DomainError('setup_token_invalid');
	return createNationalAdmin(db, input, async () => setSetting(db, 'setupTokenHash', null));
}

export async function createNationalAdmin(
	db: Db,
	input: { username: string; displayName: string; password: string },
	after?: () => Promise<void>
) {
	const national = await getUnitByCode(db, NATIONAL_UNIT.code);
	if (!national) throw new DomainError('unit_not_found');
	const admin = await createUser(db, { ...input, role: 'admin', unitId: national.id });
	await after?.();
	return admin;
}
