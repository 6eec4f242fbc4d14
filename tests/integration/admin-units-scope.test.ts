import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import type { listUnitTree } from '../../src/lib/server/org/unit-tree';
import { ensureDemoLocalUnits, getUnitByCode } from '../../src/lib/server/org/units';
import * as list from '../../src/routes/admin/units/+page.server';
import * as detail from '../../src/routes/admin/units/[id]/+page.server';

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
	await ensureDemoLocalUnits(t.db);
});

async function unit(code: string) {
	const found = await getUnitByCode(t.db, code);
	if (!found) throw new Error(`no unit ${code}`);
	return found;
}

type TreeData = Awaited<ReturnType<typeof listUnitTree>>;
const codesIn = (tree: TreeData) => [
	tree.root!.code,
	...tree.branches.flatMap((b) => [b.unit.code, ...b.below.map((u) => u.code)])
];

describe('who may open the unit pages', () => {
	it('sends a visitor to the sign-in page', async () => {
		const result = await outcome(() => list.load(fakeEvent({ url: '/admin/units' })));
		expect(result).toMatchObject({
			kind: 'redirect',
			status: 303,
			location: '/login?next=%2Fadmin%2Funits'
		});
		const xj = await unit('650000');
		const page = await outcome(() =>
			detail.load(fakeEvent({ url: `/admin/units/${xj.id}`, params: { id: String(xj.id) } }))
		);
		expect(page).toMatchObject({
			kind: 'redirect',
			location: `/login?next=%2Fadmin%2Funits%2F${xj.id}`
		});
	});

	it.each(['officer', 'trainer'] as const)(
		'refuses the %s role with 403, pages and actions alike',
		async (role) => {
			const user = await makeUser(t.db, `ln.${role}`, role, '210000');
			const shenyang = await unit('210100');
			const params = { id: String(shenyang.id) };
			expect(await outcome(() => list.load(fakeEvent({ user })))).toMatchObject({
				kind: 'error',
				status: 403
			});
			expect(await outcome(() => detail.load(fakeEvent({ user, params })))).toMatchObject({
				kind: 'error',
				status: 403
			});
			const form = { nameZh: '改名', nameEn: 'Renamed' };
			expect(
				await outcome(() => detail.actions.rename(fakeEvent({ user, params, form })))
			).toMatchObject({
				kind: 'error',
				status: 403
			});
			expect((await unit('210100')).nameZh).toBe('沈阳市');
		}
	);
});

describe('what the tree shows', () => {
	it('shows a national admin every province, a page at a time, with account counts', async () => {
		const admin = await makeUser(t.db, 'admin', 'admin', '000000');
		await makeUser(t.db, 'officer1', 'officer', '210102');
		await makeUser(t.db, 'officer2', 'officer', '210102');
		const tree = (await list.load(fakeEvent({ user: admin, url: '/admin/units' }))) as TreeData;
		expect(tree.root?.code).toBe('000000');
		expect(tree.root?.accounts).toBe(1);
		expect(tree.total).toBe(32);
		expect(tree.branches).toHaveLength(tree.pageSize);
		const all: string[] = [];
		for (let page = 1; page <= tree.pages; page++) {
			const url = `/admin/units?page=${page}`;
			const p = (await list.load(fakeEvent({ user: admin, url }))) as TreeData;
			all.push(...p.branches.map((b) => b.unit.code));
		}
		expect(new Set(all).size).toBe(32);
		const liaoning = (await list.load(
			fakeEvent({ user: admin, url: '/admin/units?q=和平' })
		)) as TreeData;
		expect(liaoning.branches.map((b) => b.unit.code)).toEqual(['210000']);
		const heping = liaoning.branches[0].below.find((u) => u.code === '210102');
		expect(heping).toMatchObject({ accounts: 2, match: true, depth: 3 });
		expect(liaoning.branches[0].below.map((u) => u.code)).toEqual(['210100', '210102']);
		const shenyang = (await list.load(
			fakeEvent({ user: admin, url: '/admin/units?q=shenyang' })
		)) as TreeData;
		expect(shenyang.branches[0].below.map((u) => u.code)).toEqual(['210100', '210102', '210112']);
	});

	it('shows a provincial admin their province and below, and nothing of other provinces', async () => {
		const admin = await makeUser(t.db, 'ln.admin', 'admin', '210000');
		const tree = (await list.load(fakeEvent({ user: admin, url: '/admin/units' }))) as TreeData;
		expect(tree.root?.code).toBe('210000');
		expect(codesIn(tree).sort()).toEqual([
			'210000',
			'210100',
			'210102',
			'210112',
			'210200',
			'210211'
		]);
		const search = (await list.load(
			fakeEvent({ user: admin, url: '/admin/units?q=乌鲁木齐' })
		)) as TreeData;
		expect(search.branches).toEqual([]);
		expect(search.total).toBe(0);
	});

	it('refuses a unit page outside the admin’s province and hides what lies above it', async () => {
		const admin = await makeUser(t.db, 'ln.admin', 'admin', '210000');
		const [urumqi, xinjiang, heping] = await Promise.all([
			unit('650100'),
			unit('650000'),
			unit('210102')
		]);
		for (const id of [urumqi.id, xinjiang.id, (await unit('000000')).id]) {
			const result = await outcome(() =>
				detail.load(fakeEvent({ user: admin, params: { id: String(id) } }))
			);
			expect(result).toMatchObject({ kind: 'error', status: 403 });
		}
		expect(
			await outcome(() => detail.load(fakeEvent({ user: admin, params: { id: '999999' } })))
		).toMatchObject({
			kind: 'error',
			status: 404
		});
		const page = (await detail.load(
			fakeEvent({ user: admin, params: { id: String(heping.id) } })
		)) as { trail: { nameZh: string }[]; moveTargets: { code: string }[] };
		expect(page.trail.map((u) => u.nameZh)).toEqual(['辽宁省', '沈阳市']);
		const targets = page.moveTargets.map((u) => u.code).sort();
		expect(targets).toEqual(['210000', '210100', '210200']);
	});
});
