import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import * as table from '../../src/lib/server/db/schema';
import { generateUserId, getUserByUsername } from '../../src/lib/server/accounts/users';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { createUnit, getUnitByCode, type Unit } from '../../src/lib/server/org/units';
import * as list from '../../src/routes/manage/+page.server';
import * as create from '../../src/routes/manage/users/new/+page.server';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
	useDatabase(t);
});
afterAll(async () => {
	await t?.close();
});

let liaoning: Unit;
let shenyang: Unit;
let xinjiang: Unit;
let trainer: SessionUser; // Liaoning provincial trainer
beforeEach(async () => {
	await t.reset();
	liaoning = (await getUnitByCode(t.db, '210000'))!;
	xinjiang = (await getUnitByCode(t.db, '650000'))!;
	shenyang = await createUnit(t.db, {
		code: '210100',
		parentId: liaoning.id,
		level: 'city',
		nameZh: '沈阳市',
		nameEn: 'Shenyang'
	});
	trainer = await makeUser(t.db, 'ln.trainer', 'trainer', '210000');
});

/** Accounts straight into the table: the list tests need many, and hashing is slow. */
async function addAccounts(unitId: number, names: string[], role: table.Role = 'officer') {
	await t.db.insert(table.user).values(
		names.map((username) => ({
			id: generateUserId(),
			username,
			displayName: `名-${username}`,
			passwordHash: 'not-a-hash',
			role,
			unitId
		}))
	);
}

interface ListData {
	users: { username: string }[];
	units: { code: string }[];
	filters: { q: string; role: string; unit: string };
	page: number;
	pages: number;
	total: number;
}
async function listAs(user: SessionUser, query = ''): Promise<ListData> {
	return (await list.load(fakeEvent({ user, url: `/manage${query}` }))) as ListData;
}
const usernames = (data: ListData) => data.users.map((u) => u.username);

describe('/manage list', () => {
	it('is 403 for officers and sends visitors to sign in', async () => {
		const officer = await makeUser(t.db, 'ln.officer', 'officer', '210000');
		expect(
			await outcome(() => list.load(fakeEvent({ user: officer, url: '/manage' })))
		).toMatchObject({ kind: 'error', status: 403 });
		expect(await outcome(() => list.load(fakeEvent({ url: '/manage?page=2' })))).toMatchObject({
			kind: 'redirect',
			location: '/login?next=%2Fmanage%3Fpage%3D2'
		});
	});

	it("shows a province's trainer their province and below, never another province", async () => {
		await addAccounts(shenyang.id, ['sy.one']);
		await addAccounts(xinjiang.id, ['xj.one']);
		expect(usernames(await listAs(trainer))).toEqual(['ln.trainer', 'sy.one']);
		const national = await makeUser(t.db, 'mee.admin', 'admin', '000000');
		expect(usernames(await listAs(national))).toEqual(
			expect.arrayContaining(['ln.trainer', 'sy.one', 'xj.one'])
		);
	});

	it('offers only units within scope as filters and refuses an out-of-scope unit', async () => {
		const data = await listAs(trainer);
		expect(data.units.map((u) => u.code)).toEqual(['210000', '210100']);
		const out = await outcome(() =>
			list.load(fakeEvent({ user: trainer, url: `/manage?unit=${xinjiang.id}` }))
		);
		expect(out).toMatchObject({ kind: 'error', status: 403 });
	});

	it('filters by search text, role and unit', async () => {
		await addAccounts(shenyang.id, ['sy.one', 'sy.two']);
		await addAccounts(liaoning.id, ['ln.coach'], 'trainer');
		expect(usernames(await listAs(trainer, '?q=two'))).toEqual(['sy.two']);
		expect(usernames(await listAs(trainer, `?q=${encodeURIComponent('名-sy.o')}`))).toEqual([
			'sy.one'
		]);
		expect(usernames(await listAs(trainer, '?role=trainer'))).toEqual(['ln.coach', 'ln.trainer']);
		const inCity = await listAs(trainer, `?unit=${shenyang.id}`);
		expect(usernames(inCity)).toEqual(['sy.one', 'sy.two']);
		expect(inCity.filters).toEqual({ q: '', role: '', unit: String(shenyang.id) });
	});

	it('pages through long lists with the page query parameter', async () => {
		await addAccounts(
			shenyang.id,
			Array.from({ length: 24 }, (_, i) => `p${String(i).padStart(2, '0')}`)
		);
		const first = await listAs(trainer);
		expect(first).toMatchObject({ page: 1, pages: 2, total: 25 });
		expect(first.users).toHaveLength(20);
		const second = await listAs(trainer, '?page=2');
		expect(second.users).toHaveLength(5);
		expect(new Set([...usernames(first), ...usernames(second)]).size).toBe(25);
		expect((await listAs(trainer, '?page=nonsense')).page).toBe(1);
	});
});

function newAccount(overrides: Record<string, string> = {}) {
	return {
		username: 'new.officer',
		displayName: '新队员',
		role: 'officer',
		unitId: String(shenyang.id),
		password: 'Init-pass1',
		...overrides
	};
}

async function submit(user: SessionUser, form: Record<string, string>) {
	return outcome(() => create.actions.default(fakeEvent({ user, url: '/manage/users/new', form })));
}

describe('/manage/users/new', () => {
	it('offers a trainer only the officer role and the units within scope', async () => {
		const data = (await create.load(fakeEvent({ user: trainer, url: '/manage/users/new' }))) as {
			roles: string[];
			units: { code: string }[];
		};
		expect(data.roles).toEqual(['officer']);
		expect(data.units.map((u) => u.code)).toEqual(['210000', '210100']);
	});

	it('creates an officer in a unit within scope and returns to the list', async () => {
		const result = await submit(trainer, newAccount());
		expect(result).toMatchObject({ kind: 'redirect', location: '/manage?created=new.officer' });
		expect(await getUserByUsername(t.db, 'new.officer')).toMatchObject({
			role: 'officer',
			unitId: shenyang.id
		});
	});

	it('refuses an out-of-scope unit posted directly, and a trainer creating a trainer', async () => {
		const outside = await submit(trainer, newAccount({ unitId: String(xinjiang.id) }));
		expect(outside).toMatchObject({
			kind: 'ok',
			value: { status: 403, data: { code: 'unit_out_of_scope' } }
		});
		const coach = await submit(trainer, newAccount({ role: 'trainer' }));
		expect(coach).toMatchObject({
			kind: 'ok',
			value: { status: 403, data: { code: 'role_not_allowed' } }
		});
		expect(await getUserByUsername(t.db, 'new.officer')).toBeUndefined();
	});

	it('lets an admin create a trainer', async () => {
		const admin = await makeUser(t.db, 'ln.admin', 'admin', '210000');
		expect(await submit(admin, newAccount({ role: 'trainer' }))).toMatchObject({
			kind: 'redirect'
		});
		expect((await getUserByUsername(t.db, 'new.officer'))?.role).toBe('trainer');
	});

	it('explains a weak password and keeps the other fields, without the password', async () => {
		const result = await submit(trainer, newAccount({ password: 'Zq9!x' }));
		expect(result).toMatchObject({
			kind: 'ok',
			value: {
				status: 400,
				data: {
					code: 'password_too_short',
					message: '密码至少需要 8 位。',
					values: { username: 'new.officer', displayName: '新队员', role: 'officer' }
				}
			}
		});
		expect(JSON.stringify(result)).not.toContain('Zq9!x');
	});

	it('is 403 for officers', async () => {
		const officer = await makeUser(t.db, 'ln.officer', 'officer', '210000');
		expect(await submit(officer, newAccount())).toMatchObject({ kind: 'error', status: 403 });
		expect(await getUserByUsername(t.db, 'new.officer')).toBeUndefined();
	});
});
