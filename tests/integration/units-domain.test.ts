import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import {
	createUnit,
	ensureDemoLocalUnits,
	getUnitByCode,
	listUnitsWithin,
	moveUnit,
	renameUnit
} from '../../src/lib/server/org/units';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
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

describe('moveUnit', () => {
	it('moves a city with its counties under another province and rewrites every path', async () => {
		const [shenyang, dalian, xinjiang] = await Promise.all([
			unit('210100'),
			unit('210200'),
			unit('650000')
		]);
		await moveUnit(t.db, shenyang.id, xinjiang.id);

		const moved = await unit('210100');
		expect(moved.parentId).toBe(xinjiang.id);
		expect(moved.path).toBe(`${xinjiang.path}${shenyang.id}/`);
		for (const code of ['210102', '210112']) {
			const county = await unit(code);
			expect(county.path.startsWith(moved.path)).toBe(true);
			expect(county.path).toBe(`${moved.path}${county.id}/`);
			// Region follows the new province.
			expect(county.region).toBe('west');
		}
		expect(moved.region).toBe('west');
		expect((await unit('210200')).path).toBe(dalian.path);
		const inLiaoning = (await listUnitsWithin(t.db, (await unit('210000')).path)).map(
			(u) => u.code
		);
		expect(inLiaoning).toEqual(expect.not.arrayContaining(['210100', '210102', '210112']));
		const inXinjiang = (await listUnitsWithin(t.db, xinjiang.path)).map((u) => u.code);
		expect(inXinjiang).toEqual(expect.arrayContaining(['210100', '210102', '210112']));
	});

	it('refuses to move a unit under itself or under one of its own sub-units', async () => {
		const [liaoning, shenyang, heping] = await Promise.all([
			unit('210000'),
			unit('210100'),
			unit('210102')
		]);
		await expect(moveUnit(t.db, shenyang.id, shenyang.id)).rejects.toMatchObject({
			code: 'unit_move_into_self'
		});
		await expect(moveUnit(t.db, liaoning.id, heping.id)).rejects.toMatchObject({
			code: 'unit_move_into_self'
		});
		expect((await unit('210100')).path).toBe(shenyang.path);
		expect((await unit('210102')).path).toBe(heping.path);
	});

	it('refuses to put a unit under a unit of the same or a lower level', async () => {
		const [shenyang, dalian, ganjingzi, xinjiang, liaoning] = await Promise.all([
			unit('210100'),
			unit('210200'),
			unit('210211'),
			unit('650000'),
			unit('210000')
		]);
		await expect(moveUnit(t.db, shenyang.id, dalian.id)).rejects.toMatchObject({
			code: 'unit_level_order'
		});
		await expect(moveUnit(t.db, shenyang.id, ganjingzi.id)).rejects.toMatchObject({
			code: 'unit_level_order'
		});
		await expect(moveUnit(t.db, liaoning.id, xinjiang.id)).rejects.toMatchObject({
			code: 'unit_level_order'
		});
		expect((await unit('210100')).path).toBe(shenyang.path);
		expect((await unit('210000')).path).toBe(liaoning.path);
	});

	it('refuses to move the national unit and unknown units', async () => {
		const [national, xinjiang] = await Promise.all([unit('000000'), unit('650000')]);
		await expect(moveUnit(t.db, national.id, xinjiang.id)).rejects.toMatchObject({
			code: 'unit_move_root'
		});
		await expect(moveUnit(t.db, 999_999, xinjiang.id)).rejects.toMatchObject({
			code: 'unit_not_found'
		});
	});
});

describe('createUnit', () => {
	it('adds a county under a city with the right path and the province’s region', async () => {
		const dalian = await unit('210200');
		const created = await createUnit(t.db, {
			code: '210202',
			parentId: dalian.id,
			level: 'county',
			nameZh: ' 中山区 ',
			nameEn: 'Zhongshan District',
			region: 'west'
		});
		expect(created.path).toBe(`${dalian.path}${created.id}/`);
		expect(created.nameZh).toBe('中山区');
		expect(created.region).toBe('east');
		expect((await unit('210202')).path).toBe(created.path);
	});

	it('refuses a code that exists already', async () => {
		const dalian = await unit('210200');
		const input = { parentId: dalian.id, level: 'county' as const, nameZh: '甲', nameEn: 'A' };
		await expect(createUnit(t.db, { ...input, code: '210102' })).rejects.toMatchObject({
			code: 'unit_code_taken',
			params: { code: '210102' }
		});
		await expect(createUnit(t.db, { ...input, code: '650000' })).rejects.toMatchObject({
			code: 'unit_code_taken'
		});
	});

	it('refuses a level that is not below the parent’s level', async () => {
		const [liaoning, shenyang, heping] = await Promise.all([
			unit('210000'),
			unit('210100'),
			unit('210102')
		]);
		const names = { nameZh: '测试单位', nameEn: 'Test unit' };
		await expect(
			createUnit(t.db, { ...names, code: 'T-1', parentId: liaoning.id, level: 'province' })
		).rejects.toMatchObject({ code: 'unit_level_order' });
		await expect(
			createUnit(t.db, { ...names, code: 'T-2', parentId: shenyang.id, level: 'city' })
		).rejects.toMatchObject({ code: 'unit_level_order' });
		await expect(
			createUnit(t.db, { ...names, code: 'T-3', parentId: heping.id, level: 'county' })
		).rejects.toMatchObject({ code: 'unit_level_order' });
		await expect(
			createUnit(t.db, { ...names, code: 'T-4', parentId: null, level: 'city' })
		).rejects.toMatchObject({ code: 'unit_needs_parent' });
		expect(await getUnitByCode(t.db, 'T-1')).toBeUndefined();
		expect(await getUnitByCode(t.db, 'T-2')).toBeUndefined();
	});

	it('refuses malformed codes and empty names', async () => {
		const dalian = await unit('210200');
		const base = { parentId: dalian.id, level: 'county' as const, nameZh: '甲', nameEn: 'A' };
		await expect(createUnit(t.db, { ...base, code: 'x' })).rejects.toMatchObject({
			code: 'unit_code_invalid'
		});
		await expect(createUnit(t.db, { ...base, code: '21 02' })).rejects.toMatchObject({
			code: 'unit_code_invalid'
		});
		await expect(createUnit(t.db, { ...base, code: '210299', nameEn: '  ' })).rejects.toMatchObject(
			{ code: 'unit_name_invalid', params: { field: 'nameEn' } }
		);
	});
});

describe('renameUnit', () => {
	it('renames a unit and refuses an empty name', async () => {
		const dalian = await unit('210200');
		await renameUnit(t.db, dalian.id, '大连市（新）', 'Dalian City');
		expect(await unit('210200')).toMatchObject({ nameZh: '大连市（新）', nameEn: 'Dalian City' });
		await expect(renameUnit(t.db, dalian.id, '', 'Dalian')).rejects.toMatchObject({
			code: 'unit_name_invalid'
		});
		await expect(renameUnit(t.db, 999_999, '甲', 'A')).rejects.toMatchObject({
			code: 'unit_not_found'
		});
	});
});
