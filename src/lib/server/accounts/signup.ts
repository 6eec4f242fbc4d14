import type { Db } from '../db/client';
import { DomainError } from '../errors';
import { getUnit } from '../org/units';
import { getSetting } from '../settings';
import { createUser } from './users';

/** Self sign-up always creates an officer, and only into a city or county unit. */
export async function signUpOfficer(
	db: Db,
	input: { username: string; displayName: string; password: string; unitId: number }
) {
	if (!(await getSetting(db, 'signupOpen'))) throw new DomainError('signup_closed');
	const unitRow = Number.isInteger(input.unitId) ? await getUnit(db, input.unitId) : undefined;
	if (!unitRow) throw new DomainError('unit_not_found');
	if (unitRow.level === 'national') throw new DomainError('signup_unit_level');
	return createUser(db, { ...input, role: 'officer' });
}
