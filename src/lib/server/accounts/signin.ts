import type { Db } from '../db/client';
import { DomainError } from '../errors';
import { hashPassword, verifyPasswordHash } from '../auth/password';
import {
	ACCOUNT_POLICY,
	ADDRESS_POLICY,
	accountKey,
	addressKey,
	clearFailures,
	lockedUntil,
	recordFailure
} from '../auth/throttle';
import { getUserByUsername } from './users';
import type { User } from '../db/schema';

// Verifying against a dummy hash when the account does not exist keeps the response time
// the same, so sign-in does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a username and password, honouring the per-account and per-address limits.
 * Throws `signin_locked` (with the time to retry) or `signin_invalid`.
 */
export async function signIn(
	db: Db,
	input: { username: string; password: string; address: string },
	now = new Date()
): Promise<User> {
	const keys = [accountKey(input.username), addressKey(input.address)];
	const until = await lockedUntil(db, keys, now);
	if (until) throw lockedError(until, now);

	const found = await getUserByUsername(db, input.username);
	dummyHash ??= hashPassword('not-a-real-password-0');
	const ok = await verifyPasswordHash(found?.passwordHash ?? (await dummyHash), input.password);
	if (found && ok) {
		await clearFailures(db, keys[0]);
		return found;
	}
	const [accountLock, addressLock] = await Promise.all([
		recordFailure(db, keys[0], ACCOUNT_POLICY, now),
		recordFailure(db, keys[1], ADDRESS_POLICY, now)
	]);
	const lock = accountLock ?? addressLock;
	if (lock) throw lockedError(lock, now);
	throw new DomainError('signin_invalid');
}

function lockedError(until: Date, now: Date): DomainError {
	const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
	return new DomainError('signin_locked', { minutes, until: until.toISOString() });
}
