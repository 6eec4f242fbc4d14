import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import { SESSION_COOKIE, validateSessionToken } from '../../src/lib/server/auth/session';
import * as login from '../../src/routes/login/+page.server';
import * as home from '../../src/routes/+page.server';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
	useDatabase(t);
});
afterAll(async () => {
	await t?.close();
});
beforeEach(async () => {
	await t.reset();
});

describe('sign-in form', () => {
	it('signs in with the right password and sets a session cookie that validates', async () => {
		await makeUser(t.db, 'alice', 'officer', '210000', 'right-pass-1');
		const event = fakeEvent({ form: { username: 'Alice', password: 'right-pass-1' } });
		const result = await outcome(() => login.actions.default(event));
		expect(result).toMatchObject({ kind: 'redirect', status: 303, location: '/' });
		const token = event.jar.get(SESSION_COOKIE);
		expect(token).toBeTruthy();
		const { user } = await validateSessionToken(t.db, token);
		expect(user?.username).toBe('alice');
	});

	it('refuses a wrong password with a message and keeps the username', async () => {
		await makeUser(t.db, 'bob', 'officer', '210000', 'right-pass-1');
		const event = fakeEvent({ form: { username: 'bob', password: 'wrong-pass-1' } });
		const result = await outcome(() => login.actions.default(event));
		expect(result.kind).toBe('ok');
		const value = (
			result as {
				value: { status: number; data: { message: string; values: { username: string } } };
			}
		).value;
		expect(value.status).toBe(400);
		expect(value.data.message).toBe('用户名或密码不正确。');
		expect(value.data.values.username).toBe('bob');
		expect(event.jar.has(SESSION_COOKIE)).toBe(false);
	});

	it('returns to a same-site page after sign-in but never to another site', async () => {
		await makeUser(t.db, 'carol', 'officer', '210000', 'right-pass-1');
		const local = await outcome(() =>
			login.actions.default(
				fakeEvent({ form: { username: 'carol', password: 'right-pass-1', next: '/account' } })
			)
		);
		expect(local).toMatchObject({ kind: 'redirect', location: '/account' });
		const evil = await outcome(() =>
			login.actions.default(
				fakeEvent({ form: { username: 'carol', password: 'right-pass-1', next: '//evil.example' } })
			)
		);
		expect(evil).toMatchObject({ kind: 'redirect', location: '/' });
	});
});

describe('home page', () => {
	it('sends a visitor without a session to the sign-in page', async () => {
		const result = await outcome(() => home.load(fakeEvent({ url: '/' })));
		expect(result).toMatchObject({ kind: 'redirect', location: '/login?next=%2F' });
	});
});
