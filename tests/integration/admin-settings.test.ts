import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import { getUnitByCode } from '../../src/lib/server/org/units';
import { getSetting } from '../../src/lib/server/settings';
import * as settings from '../../src/routes/admin/settings/+page.server';
import * as signup from '../../src/routes/signup/+page.server';

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

type SettingsData = Exclude<Awaited<ReturnType<typeof settings.load>>, void>;

describe('platform settings page', () => {
	it('sends a visitor to sign in and refuses officers and trainers', async () => {
		expect(await outcome(() => settings.load(fakeEvent({ url: '/admin/settings' })))).toMatchObject(
			{
				kind: 'redirect',
				location: '/login?next=%2Fadmin%2Fsettings'
			}
		);
		for (const role of ['officer', 'trainer'] as const) {
			const user = await makeUser(t.db, `user.${role}`, role, '000000');
			expect(await outcome(() => settings.load(fakeEvent({ user })))).toMatchObject({
				kind: 'error',
				status: 403
			});
			const post = await outcome(() => settings.actions.default(fakeEvent({ user, form: {} })));
			expect(post).toMatchObject({ kind: 'error', status: 403 });
		}
		expect(await getSetting(t.db, 'signupOpen')).toBe(true);
	});

	it('lets the national admin close sign-up, which the sign-up page then honours', async () => {
		const admin = await makeUser(t.db, 'admin', 'admin', '000000');
		const before = (await settings.load(fakeEvent({ user: admin }))) as SettingsData;
		expect(before).toMatchObject({ signupOpen: true, canChange: true });

		// An unchecked checkbox is simply missing from the form.
		const closed = await outcome(() =>
			settings.actions.default(fakeEvent({ user: admin, form: {} }))
		);
		expect(closed).toMatchObject({ kind: 'ok', value: { saved: true } });
		expect(await getSetting(t.db, 'signupOpen')).toBe(false);
		expect(await signup.load(fakeEvent({ url: '/signup' }))).toMatchObject({ signupOpen: false });
		const unitId = String((await getUnitByCode(t.db, '210000'))!.id);
		const attempt = await outcome(() =>
			signup.actions.default(
				fakeEvent({
					form: {
						username: 'newcomer',
						displayName: '新人',
						unitId,
						password: 'test-pass-1',
						passwordConfirm: 'test-pass-1'
					}
				})
			)
		);
		expect(attempt).toMatchObject({
			kind: 'ok',
			value: { status: 400, data: { code: 'signup_closed' } }
		});

		await settings.actions.default(fakeEvent({ user: admin, form: { signupOpen: 'on' } }));
		expect(await getSetting(t.db, 'signupOpen')).toBe(true);
	});

	it('shows a provincial admin the settings read-only and refuses their change', async () => {
		const admin = await makeUser(t.db, 'ln.admin', 'admin', '210000');
		const page = (await settings.load(fakeEvent({ user: admin }))) as SettingsData;
		expect(page).toMatchObject({ signupOpen: true, canChange: false });
		const result = await outcome(() =>
			settings.actions.default(fakeEvent({ user: admin, form: {} }))
		);
		expect(result).toMatchObject({
			kind: 'ok',
			value: { status: 403, data: { code: 'settings_national_only' } }
		});
		expect(await getSetting(t.db, 'signupOpen')).toBe(true);
	});
});
