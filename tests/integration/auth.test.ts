import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { signIn } from '../../src/lib/server/accounts/signin';
import { changePassword } from '../../src/lib/server/accounts/users';
import {
	SESSION_LIFETIME_MS,
	createSession,
	generateSessionToken,
	invalidateSession,
	sessionIdFromToken,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { ACCOUNT_POLICY, ADDRESS_POLICY } from '../../src/lib/server/auth/throttle';
import { DomainError } from '../../src/lib/server/errors';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t?.close();
});
beforeEach(async () => {
	await t.reset();
});

const DAY = 24 * 60 * 60 * 1000;

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
	const err = await run().then(
		() => null,
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(DomainError);
	return err as DomainError;
}

describe('sessions', () => {
	it('stores only the hash of the token', async () => {
		const u = await makeUser(t.db, 'hash.check', 'officer', '210000');
		const token = generateSessionToken();
		const session = await createSession(t.db, token, u.id);
		expect(session.id).not.toContain(token);
		expect(session.id).toBe(sessionIdFromToken(token));
		expect(token.length).toBeGreaterThanOrEqual(24); // 20 random bytes, base32
	});

	it('refuses and deletes an expired session', async () => {
		const u = await makeUser(t.db, 'expired', 'officer', '210000');
		const token = generateSessionToken();
		const start = new Date('2026-01-01T00:00:00Z');
		await createSession(t.db, token, u.id, start);
		const later = new Date(start.getTime() + SESSION_LIFETIME_MS + 1000);
		expect((await validateSessionToken(t.db, token, later)).user).toBeNull();
		// Gone for good: even "now" going back does not revive it.
		expect((await validateSessionToken(t.db, token, start)).user).toBeNull();
	});

	it('slides the expiry when used in the second half of its life', async () => {
		const u = await makeUser(t.db, 'sliding', 'officer', '210000');
		const token = generateSessionToken();
		const start = new Date('2026-01-01T00:00:00Z');
		const created = await createSession(t.db, token, u.id, start);
		const early = await validateSessionToken(t.db, token, new Date(start.getTime() + DAY));
		expect(early.session?.expiresAt.getTime()).toBe(created.expiresAt.getTime());
		const use = new Date(start.getTime() + 20 * DAY);
		const late = await validateSessionToken(t.db, token, use);
		expect(late.session?.expiresAt.getTime()).toBe(use.getTime() + SESSION_LIFETIME_MS);
	});

	it('refuses a revoked session (sign-out)', async () => {
		const u = await makeUser(t.db, 'revoked', 'officer', '210000');
		const token = generateSessionToken();
		const session = await createSession(t.db, token, u.id);
		await invalidateSession(t.db, session.id);
		expect((await validateSessionToken(t.db, token)).session).toBeNull();
	});

	it('refuses a token that was never issued', async () => {
		expect((await validateSessionToken(t.db, generateSessionToken())).user).toBeNull();
	});

	it('a password change signs out every session of the user, but not of others', async () => {
		const u = await makeUser(t.db, 'changer', 'officer', '210000', 'old-pass-1');
		const other = await makeUser(t.db, 'bystander', 'officer', '210000');
		const phone = generateSessionToken();
		const laptop = generateSessionToken();
		const otherToken = generateSessionToken();
		await createSession(t.db, phone, u.id);
		await createSession(t.db, laptop, u.id);
		await createSession(t.db, otherToken, other.id);
		await changePassword(t.db, u.id, 'old-pass-1', 'new-pass-2');
		expect((await validateSessionToken(t.db, phone)).user).toBeNull();
		expect((await validateSessionToken(t.db, laptop)).user).toBeNull();
		expect((await validateSessionToken(t.db, otherToken)).user?.username).toBe('bystander');
		const addr = { address: '10.0.0.1' };
		expect((await signIn(t.db, { username: 'changer', password: 'new-pass-2', ...addr })).id).toBe(
			u.id
		);
		const err = await refusal(() =>
			signIn(t.db, { username: 'changer', password: 'old-pass-1', ...addr })
		);
		expect(err.code).toBe('signin_invalid');
	});

	it('a password change needs the current password and a strong new one', async () => {
		const u = await makeUser(t.db, 'careful', 'officer', '210000', 'old-pass-1');
		expect((await refusal(() => changePassword(t.db, u.id, 'wrong-1', 'new-pass-2'))).code).toBe(
			'password_current_wrong'
		);
		expect((await refusal(() => changePassword(t.db, u.id, 'old-pass-1', 'short'))).code).toBe(
			'password_too_short'
		);
		expect((await refusal(() => changePassword(t.db, u.id, 'old-pass-1', 'aaaaaaaaaa'))).code).toBe(
			'password_too_weak'
		);
	});
});

describe('sign-in throttling', () => {
	const now = new Date('2026-03-01T08:00:00Z');
	const at = (ms: number) => new Date(now.getTime() + ms);

	it('locks an account after repeated failures, says when to retry, and recovers after the window', async () => {
		await makeUser(t.db, 'target', 'officer', '210000', 'right-pass-1');
		for (let i = 0; i < ACCOUNT_POLICY.maxFailures - 1; i++) {
			const e = await refusal(() =>
				signIn(
					t.db,
					{ username: 'target', password: 'nope-1', address: `10.0.0.${i}` },
					at(i * 1000)
				)
			);
			expect(e.code).toBe('signin_invalid');
		}
		const last = await refusal(() =>
			signIn(t.db, { username: 'target', password: 'nope-1', address: '10.0.1.1' }, at(10_000))
		);
		expect(last.code).toBe('signin_locked');
		expect(last.params.minutes).toBe(15);

		// Even the right password is refused while locked, from any address.
		const locked = await refusal(() =>
			signIn(
				t.db,
				{ username: 'target', password: 'right-pass-1', address: '10.9.9.9' },
				at(5 * 60_000)
			)
		);
		expect(locked.code).toBe('signin_locked');
		expect(Number(locked.params.minutes)).toBeLessThanOrEqual(11);

		const after = await signIn(
			t.db,
			{ username: 'target', password: 'right-pass-1', address: '10.9.9.9' },
			at(ACCOUNT_POLICY.lockMs + 11_000)
		);
		expect(after.username).toBe('target');
	});

	it('forgets old failures once the window has passed', async () => {
		await makeUser(t.db, 'slowpoke', 'officer', '210000', 'right-pass-1');
		for (let i = 0; i < ACCOUNT_POLICY.maxFailures - 1; i++) {
			await refusal(() =>
				signIn(t.db, { username: 'slowpoke', password: 'x-1', address: '1.1.1.1' }, at(i))
			);
		}
		const e = await refusal(() =>
			signIn(
				t.db,
				{ username: 'slowpoke', password: 'x-1', address: '1.1.1.1' },
				at(ACCOUNT_POLICY.windowMs + 1)
			)
		);
		expect(e.code).toBe('signin_invalid');
	});

	it('a successful sign-in clears the account counter', async () => {
		await makeUser(t.db, 'forgetful', 'officer', '210000', 'right-pass-1');
		const addr = '2.2.2.2';
		for (let i = 0; i < ACCOUNT_POLICY.maxFailures - 1; i++) {
			await refusal(() =>
				signIn(t.db, { username: 'forgetful', password: 'x-1', address: addr }, at(i))
			);
		}
		await signIn(t.db, { username: 'forgetful', password: 'right-pass-1', address: addr }, at(100));
		const e = await refusal(() =>
			signIn(t.db, { username: 'forgetful', password: 'x-1', address: addr }, at(200))
		);
		expect(e.code).toBe('signin_invalid');
	});

	it('locks a client address that tries many accounts', async () => {
		await makeUser(t.db, 'victim', 'officer', '210000', 'right-pass-1');
		const address = '203.0.113.7';
		let lockedAt = -1;
		for (let i = 0; i < ADDRESS_POLICY.maxFailures; i++) {
			const e = await refusal(() =>
				signIn(t.db, { username: `guess${i}`, password: 'x-1', address }, at(i))
			);
			if (e.code === 'signin_locked') {
				lockedAt = i;
				break;
			}
		}
		expect(lockedAt).toBe(ADDRESS_POLICY.maxFailures - 1);
		const blocked = await refusal(() =>
			signIn(t.db, { username: 'victim', password: 'right-pass-1', address }, at(60_000))
		);
		expect(blocked.code).toBe('signin_locked');
		// The account itself is fine from another address.
		const ok = await signIn(
			t.db,
			{ username: 'victim', password: 'right-pass-1', address: '198.51.100.1' },
			at(60_000)
		);
		expect(ok.username).toBe('victim');
	});

	it('gives the same answer for an unknown user as for a wrong password', async () => {
		const e = await refusal(() =>
			signIn(t.db, { username: 'nobody', password: 'x-1', address: '3.3.3.3' }, now)
		);
		expect(e.code).toBe('signin_invalid');
	});
});
