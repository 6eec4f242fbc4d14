// The first admin of a real deployment, created through /setup with the one-time token
// printed in the log at start-up (or with `npm run admin -- create`).
import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client';
import { DomainError } from '../errors';
import { sessionIdFromToken } from '../auth/session';
import { getUnitByCode } from '../org/units';
import { NATIONAL_UNIT } from '../org/reference-units';
import { and, eq, sql } from 'drizzle-orm';
import * as table from '../db/schema';
import { getSetting } from '../settings';
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
	// The token is consumed by a DELETE in the same transaction as the insert: of two people
	// racing with the same link only one gets the row, and a refused password restores it.
	return db.transaction(async (tx) => {
		if (!token || (await countAdmins(tx)) > 0) throw new DomainError('setup_token_invalid');
		const consumed = await tx
			.delete(table.appSetting)
			.where(
				and(
					eq(table.appSetting.key, 'setupTokenHash'),
					sql`${table.appSetting.value} = ${JSON.stringify(sessionIdFromToken(token))}::jsonb`
				)
			)
			.returning();
		if (consumed.length === 0) throw new DomainError('setup_token_invalid');
		return createNationalAdmin(tx, input);
	});
}

export async function createNationalAdmin(
	db: Db,
	input: { username: string; displayName: string; password: string }
) {
	const national = await getUnitByCode(db, NATIONAL_UNIT.code);
	if (!national) throw new DomainError('unit_not_found');
	return createUser(db, { ...input, role: 'admin', unitId: national.id });
}
