import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { useDatabase } from '../../src/lib/server/db';
import { ensureDemoLocalUnits, getUnitByCode } from '../../src/lib/server/org/units';
import { actions } from '../../src/routes/admin/units/[id]/+page.server';

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

type Action = keyof typeof actions;
/** Runs an action on the page of the unit with `code`, as `user`. */
async function act(user: SessionUser, action: Action, code: string, form: Record<string, string>) {
	const params = { id: String((await unit(code)).id) };
	return outcome(() => actions[action](fakeEvent({ user, params, form })));
}

interface Refusal {
	status: number;
	data: { code: string; values: Record<string, string> };
}
const refusal = (result: Awaited<ReturnType<typeof act>>) =>
	(result as { kind: 'ok'; value: Refusal }).value;

const NEW_COUNTY = { code: '659999', nameZh: '测试县', nameEn: 'Test County', level: 'county' };

describe('a provincial admin (辽宁 210000)', () => {
	let admin: SessionUser;
	beforeEach(async () => {
		admin = await makeUser(t.db, 'ln.admin', 'admin', '210000');
	});

	it('cannot rename, move or add units in 新疆, nor touch the national unit', async () => {
		const rename = { nameZh: '改名', nameEn: 'Renamed' };
		expect(await act(admin, 'rename', '650100', rename)).toMatchObject({
			kind: 'error',
			status: 403
		});
		expect(await act(admin, 'rename', '000000', rename)).toMatchObject({
			kind: 'error',
			status: 403
		});
		const liaoning = String((await unit('210000')).id);
		expect(await act(admin, 'move', '650100', { parentId: liaoning })).toMatchObject({
			kind: 'error',
			status: 403
		});
		expect(await act(admin, 'create', '650000', NEW_COUNTY)).toMatchObject({
			kind: 'error',
			status: 403
		});
		expect(
			await act(admin, 'create', '000000', { ...NEW_COUNTY, level: 'province' })
		).toMatchObject({
			kind: 'error',
			status: 403
		});
		expect(await unit('650100')).toMatchObject({
			nameZh: '乌鲁木齐市',
			parentId: (await unit('650000')).id
		});
		expect(await getUnitByCode(t.db, '659999')).toBeUndefined();
	});

	it('cannot move one of its own units into another province', async () => {
		const shenyang = await unit('210100');
		const xinjiang = String((await unit('650000')).id);
		const result = refusal(await act(admin, 'move', '210100', { parentId: xinjiang }));
		expect(result.status).toBe(403);
		expect(result.data).toMatchObject({ code: 'unit_out_of_scope', values: { field: 'parentId' } });
		expect((await unit('210100')).path).toBe(shenyang.path);
	});

	it('cannot rename or move its own province', async () => {
		const result = refusal(await act(admin, 'rename', '210000', { nameZh: '辽宁', nameEn: 'LN' }));
		expect(result.status).toBe(403);
		expect(result.data.code).toBe('unit_own_readonly');
		expect((await unit('210000')).nameZh).toBe('辽宁省');
		const liaoning = await unit('210000');
		const dalian = String((await unit('210200')).id);
		const move = refusal(await act(admin, 'move', '210000', { parentId: dalian }));
		expect(move.status).toBe(403);
		expect(move.data.code).toBe('unit_own_readonly');
		expect((await unit('210000')).path).toBe(liaoning.path);
	});

	it('manages the units inside its province', async () => {
		expect(
			await act(admin, 'rename', '210200', { nameZh: '大连市局', nameEn: 'Dalian Bureau' })
		).toMatchObject({
			kind: 'ok',
			value: { intent: 'rename', done: true }
		});
		const dalian = await unit('210200');
		expect(dalian.nameZh).toBe('大连市局');
		await act(admin, 'move', '210102', { parentId: String(dalian.id) });
		expect((await unit('210102')).path).toBe(`${dalian.path}${(await unit('210102')).id}/`);
		const created = await act(admin, 'create', '210000', {
			...NEW_COUNTY,
			code: '210300',
			level: 'city'
		});
		expect(created).toMatchObject({ kind: 'ok', value: { intent: 'create', done: true } });
		expect(await unit('210300')).toMatchObject({ level: 'city', region: 'east' });
	});
});

describe('the national admin', () => {
	let admin: SessionUser;
	beforeEach(async () => {
		admin = await makeUser(t.db, 'admin', 'admin', '000000');
	});

	it('renames, moves and adds units in any province', async () => {
		await act(admin, 'rename', '650100', { nameZh: '乌鲁木齐市局', nameEn: 'Urumqi Bureau' });
		expect((await unit('650100')).nameZh).toBe('乌鲁木齐市局');
		const xinjiang = await unit('650000');
		await act(admin, 'move', '210200', { parentId: String(xinjiang.id) });
		expect((await unit('210200')).path.startsWith(xinjiang.path)).toBe(true);
		expect((await unit('210211')).path.startsWith(xinjiang.path)).toBe(true);
		await act(admin, 'create', '650000', NEW_COUNTY);
		expect(await unit('659999')).toMatchObject({ parentId: xinjiang.id, region: 'west' });
	});

	it('answers bad input next to the field that caused it and keeps what was typed', async () => {
		const taken = refusal(await act(admin, 'create', '650100', { ...NEW_COUNTY, code: '210102' }));
		expect(taken.status).toBe(400);
		expect(taken.data).toMatchObject({
			code: 'unit_code_taken',
			values: { intent: 'create', field: 'code', code: '210102', nameZh: '测试县' }
		});
		const level = refusal(
			await act(admin, 'create', '650100', { ...NEW_COUNTY, level: 'province' })
		);
		expect(level.data).toMatchObject({ code: 'unit_level_order', values: { field: 'level' } });
		const bogus = refusal(await act(admin, 'create', '650100', { ...NEW_COUNTY, level: 'galaxy' }));
		expect(bogus.data).toMatchObject({ code: 'unit_level_invalid', values: { field: 'level' } });
		const name = refusal(await act(admin, 'rename', '650100', { nameZh: '', nameEn: 'Urumqi' }));
		expect(name.data).toMatchObject({ code: 'unit_name_invalid', values: { field: 'nameZh' } });
		const kashgar = String((await unit('653100')).id);
		const into = refusal(await act(admin, 'move', '650000', { parentId: kashgar }));
		expect(into.data).toMatchObject({ code: 'unit_move_into_self', values: { field: 'parentId' } });
		const root = refusal(await act(admin, 'move', '000000', { parentId: kashgar }));
		expect(root.data.code).toBe('unit_move_root');
		expect(await getUnitByCode(t.db, '659999')).toBeUndefined();
	});
});
