import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import { SESSION_COOKIE, validateSessionToken } from '../../src/lib/server/auth/session';
import * as login from '../../src/routes/login/+page.server';
import * as home from '../../src/routes/+page.server';
import * as signup from '../../src/routes/signup/+page.server';
import * as setup from '../../src/routes/setup/+page.server';
import * as account from '../../src/routes/account/+page.server';
import * as logout from '../../src/routes/logout/+page.server';
import { createSession, generateSessionToken } from '../../src/lib/server/auth/session';
import { getUserByUsername, countAdmins } from '../../src/lib/server/accounts/users';
import { getUnitByCode } from '../../src/lib/server/org/units';
import { setSetting } from '../../src/lib/server/settings';
import { bootstrap } from '../../src/lib/server/bootstrap';

type Failure = { status: number; data: { code: string; message: string } };
const failure = (r: Awaited<ReturnType<typeof outcome>>) => (r as { value: Failure }).value;

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

describe('sign-up', () => {
	async function signupForm(extra: Record<string, string> = {}) {
		const unitRow = await getUnitByCode(t.db, '650000');
		return {
			username: 'new.officer',
			displayName: '新队员',
			unitId: String(unitRow!.id),
			password: 'good-pass-1',
			passwordConfirm: 'good-pass-1',
			...extra
		};
	}

	it('creates an officer, signs them in, and ignores a posted role', async () => {
		const event = fakeEvent({ form: await signupForm({ role: 'admin' }) });
		const result = await outcome(() => signup.actions.default(event));
		expect(result).toMatchObject({ kind: 'redirect', location: '/' });
		expect((await getUserByUsername(t.db, 'new.officer'))?.role).toBe('officer');
		const { user } = await validateSessionToken(t.db, event.jar.get(SESSION_COOKIE));
		expect(user?.unitNameZh).toBe('新疆维吾尔自治区');
	});

	it('refuses when an admin closed sign-up', async () => {
		await setSetting(t.db, 'signupOpen', false);
		const result = await outcome(async () =>
			signup.actions.default(fakeEvent({ form: await signupForm() }))
		);
		expect(failure(result).data.code).toBe('signup_closed');
		expect(await getUserByUsername(t.db, 'new.officer')).toBeUndefined();
	});

	it('refuses the national unit, mismatched passwords, a weak password and a taken name', async () => {
		const national = await getUnitByCode(t.db, '000000');
		const cases: [Record<string, string>, string][] = [
			[{ unitId: String(national!.id) }, 'signup_unit_level'],
			[{ unitId: '999999' }, 'unit_not_found'],
			[{ passwordConfirm: 'other-pass-1' }, 'password_mismatch'],
			[{ password: 'abc', passwordConfirm: 'abc' }, 'password_too_short'],
			[{ username: 'x' }, 'username_invalid']
		];
		for (const [extra, code] of cases) {
			const result = await outcome(async () =>
				signup.actions.default(fakeEvent({ form: await signupForm(extra) }))
			);
			expect(failure(result).data.code, JSON.stringify(extra)).toBe(code);
		}
		await makeUser(t.db, 'new.officer', 'officer', '210000');
		const taken = await outcome(async () =>
			signup.actions.default(fakeEvent({ form: await signupForm() }))
		);
		expect(failure(taken).data.code).toBe('username_taken');
	});
});

describe('first-run setup', () => {
	it('creates the first national admin with the one-time token, then the token is dead', async () => {
		const info = await bootstrap({ ...t, location: 'test' }, { demo: false });
		expect(info.setupPath).toMatch(/^\/setup\?token=/);
		const token = new URL(info.setupPath!, 'http://x').searchParams.get('token')!;
		const wrong = await outcome(() => setup.load(fakeEvent({ url: '/setup?token=guess' })));
		expect(wrong).toMatchObject({ kind: 'error', status: 403 });
		const form = {
			token,
			username: 'chief',
			displayName: '局长',
			password: 'chief-pass-1',
			passwordConfirm: 'chief-pass-1'
		};
		const created = await outcome(() => setup.actions.default(fakeEvent({ form })));
		expect(created).toMatchObject({ kind: 'redirect', location: '/' });
		const chief = await getUserByUsername(t.db, 'chief');
		expect(chief?.role).toBe('admin');
		expect(await countAdmins(t.db)).toBe(1);
		const again = await outcome(() =>
			setup.actions.default(fakeEvent({ form: { ...form, username: 'chief2' } }))
		);
		expect(failure(again).status).toBe(403);
		expect(await getUserByUsername(t.db, 'chief2')).toBeUndefined();
		expect(
			(await bootstrap({ ...t, location: 'test' }, { demo: false })).setupPath
		).toBeUndefined();
	});
});

describe('account and sign-out', () => {
	it('changing the password keeps this device signed in with a fresh session and ends the others', async () => {
		const u = await makeUser(t.db, 'mover', 'officer', '210000', 'old-pass-1');
		const other = generateSessionToken();
		await createSession(t.db, other, u.id);
		const event = fakeEvent({
			user: u,
			form: {
				currentPassword: 'old-pass-1',
				newPassword: 'new-pass-2',
				newPasswordConfirm: 'new-pass-2'
			}
		});
		const result = await outcome(() => account.actions.changePassword(event));
		expect(result).toMatchObject({ kind: 'ok', value: { changed: true } });
		expect((await validateSessionToken(t.db, other)).user).toBeNull();
		expect((await validateSessionToken(t.db, event.jar.get(SESSION_COOKIE))).user?.id).toBe(u.id);
	});

	it('the account page and its action need a signed-in user', async () => {
		expect(await outcome(() => account.load(fakeEvent({ url: '/account' })))).toMatchObject({
			kind: 'redirect'
		});
		const post = await outcome(() =>
			account.actions.changePassword(
				fakeEvent({ url: '/account', form: { currentPassword: 'a', newPassword: 'b' } })
			)
		);
		expect(post).toMatchObject({ kind: 'redirect', location: '/login?next=%2Faccount' });
	});

	it('sign-out deletes the session in the database', async () => {
		const u = await makeUser(t.db, 'leaver', 'officer', '210000');
		const token = generateSessionToken();
		const session = await createSession(t.db, token, u.id);
		const event = fakeEvent({ user: u, form: {}, cookies: { [SESSION_COOKIE]: token } });
		event.locals.session = session;
		expect(await outcome(() => logout.actions.default(event))).toMatchObject({
			kind: 'redirect',
			location: '/login'
		});
		expect((await validateSessionToken(t.db, token)).user).toBeNull();
		expect(event.jar.has(SESSION_COOKIE)).toBe(false);
	});
});

describe('first-run setup, refused input', () => {
	it('a refused password does not use up the token', async () => {
		const info = await bootstrap({ ...t, location: 'test' }, { demo: false });
		const token = new URL(info.setupPath!, 'http://x').searchParams.get('token')!;
		const weak = {
			token,
			username: 'chief',
			displayName: '局长',
			password: 'weak',
			passwordConfirm: 'weak'
		};
		const refused = await outcome(() => setup.actions.default(fakeEvent({ form: weak })));
		expect(failure(refused).data.code).toBe('password_too_short');
		const good = { ...weak, password: 'chief-pass-1', passwordConfirm: 'chief-pass-1' };
		expect(await outcome(() => setup.actions.default(fakeEvent({ form: good })))).toMatchObject({
			kind: 'redirect'
		});
	});
});
