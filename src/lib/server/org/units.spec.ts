import { describe, expect, it } from 'vitest';
import { canEditUnitAt, isRootPath, isWithin, levelsAbove, levelsBelow } from './units';
import { keepMatchesInContext, orderAsTree, pathDepth, unitMatches } from './unit-tree';

describe('scope of an admin over units', () => {
	it.each([
		['/1/', '/1/', true],
		['/1/', '/1/7/30/', true],
		['/1/7/', '/1/7/30/', true],
		['/1/7/', '/1/8/', false],
		['/1/7/', '/1/', false],
		// Prefixes are whole ids: unit 7 does not contain unit 70.
		['/1/7/', '/1/70/', false]
	])('isWithin(%s, %s) is %s', (ancestor, path, expected) => {
		expect(isWithin(ancestor, path)).toBe(expected);
	});

	it('lets an admin edit the units below their own unit but not their own unit', () => {
		expect(canEditUnitAt('/1/7/', '/1/7/30/')).toBe(true);
		expect(canEditUnitAt('/1/7/', '/1/7/')).toBe(false);
		expect(canEditUnitAt('/1/7/', '/1/8/')).toBe(false);
		expect(canEditUnitAt('/1/7/', '/1/')).toBe(false);
	});

	it('lets the national admin edit the national unit, which has nobody above it', () => {
		expect(isRootPath('/1/')).toBe(true);
		expect(isRootPath('/1/7/')).toBe(false);
		expect(canEditUnitAt('/1/', '/1/')).toBe(true);
	});
});

describe('unit levels', () => {
	it('lists the levels below and above a level in order', () => {
		expect(levelsBelow('province')).toEqual(['city', 'county']);
		expect(levelsBelow('county')).toEqual([]);
		expect(levelsAbove('city')).toEqual(['national', 'province']);
		expect(levelsAbove('national')).toEqual([]);
	});
});

describe('tree helpers', () => {
	const row = (id: number, parentId: number | null, code: string, path: string) => ({
		id,
		parentId,
		code,
		path,
		nameZh: `单位${code}`,
		nameEn: `Unit ${code}`,
		match: false
	});

	it('orders rows depth-first with siblings by code, whatever order they came in', () => {
		const rows = [
			row(12, 10, '210200', '/1/5/10/12/'),
			row(11, 10, '210100', '/1/5/10/11/'),
			row(13, 11, '210102', '/1/5/10/11/13/'),
			row(10, 5, '210000', '/1/5/10/')
		];
		expect(orderAsTree(rows).map((r) => r.code)).toEqual(['210000', '210100', '210102', '210200']);
	});

	it('keeps the matching rows with their ancestors and the units below them', () => {
		const rows = [
			row(11, 10, '210100', '/1/10/11/'),
			{ ...row(13, 11, '210102', '/1/10/11/13/'), match: true },
			row(14, 11, '210112', '/1/10/11/14/'),
			{ ...row(12, 10, '210200', '/1/10/12/'), match: true },
			row(15, 12, '210211', '/1/10/12/15/'),
			row(16, 10, '210300', '/1/10/16/')
		];
		expect(keepMatchesInContext(rows).map((r) => r.id)).toEqual([11, 13, 12, 15]);
	});

	it('matches a code or either name, case-insensitively', () => {
		const u = { code: '210100', nameZh: '沈阳市', nameEn: 'Shenyang' };
		expect(unitMatches(u, '2101')).toBe(true);
		expect(unitMatches(u, '沈阳')).toBe(true);
		expect(unitMatches(u, 'shenYANG')).toBe(true);
		expect(unitMatches(u, '大连')).toBe(false);
	});

	it('counts the depth of a path', () => {
		expect(pathDepth('/1/')).toBe(1);
		expect(pathDepth('/1/5/10/')).toBe(3);
	});
});
