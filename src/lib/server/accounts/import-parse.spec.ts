import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS, mapHeader, parseAccountFile, rowsFromRecords } from './import-parse';
import { buildTemplateCsv, buildTemplateXlsx, templateExample } from './import-template';

const utf8 = (s: string) => new TextEncoder().encode(s);
const HEADER = '用户名,姓名,角色,单位代码,初始密码';

async function xlsxOf(rows: unknown[][]): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('账号');
	for (const r of rows) sheet.addRow(r);
	return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('mapHeader', () => {
	it('finds the Chinese columns in any order', () => {
		expect(mapHeader(['姓名', '用户名', '初始密码', '单位代码', '角色'])).toEqual({
			displayName: 0,
			username: 1,
			password: 2,
			unitCode: 3,
			role: 4
		});
	});

	it('accepts English aliases, case and spacing aside, and a required-field star', () => {
		const found = mapHeader(['Username', 'Display Name', 'ROLE', 'unit_code', 'Password*']);
		expect(found).toEqual({ username: 0, displayName: 1, role: 2, unitCode: 3, password: 4 });
	});

	it('names every missing column', () => {
		expect(() => mapHeader(['用户名', '姓名', '角色'])).toThrow(
			expect.objectContaining({
				code: 'import_missing_columns',
				params: { columns: '单位代码、初始密码' }
			})
		);
	});
});

describe('rowsFromRecords', () => {
	const header = { row: 1, cells: HEADER.split(',') };

	it('skips blank lines but keeps spreadsheet row numbers and trims cells', () => {
		const rows = rowsFromRecords([
			header,
			{ row: 2, cells: [' a1 ', '甲', '执法队员', '210000', 'Pass-1234'] },
			{ row: 3, cells: ['', ' ', ''] },
			{ row: 4, cells: ['a2', '乙'] }
		]);
		expect(rows).toEqual([
			{
				row: 2,
				username: 'a1',
				displayName: '甲',
				role: '执法队员',
				unitCode: '210000',
				password: 'Pass-1234'
			},
			{ row: 4, username: 'a2', displayName: '乙', role: '', unitCode: '', password: '' }
		]);
	});

	it('refuses a file with a header only, and one with too many rows', () => {
		expect(() => rowsFromRecords([header])).toThrow(
			expect.objectContaining({ code: 'import_no_rows' })
		);
		const many = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => ({
			row: i + 2,
			cells: [`u${i}`, 'x', '执法队员', '210000', 'Pass-1234']
		}));
		expect(() => rowsFromRecords([header, ...many])).toThrow(
			expect.objectContaining({ code: 'import_too_many_rows', params: { max: 5000, count: 5001 } })
		);
	});
});

describe('parseAccountFile', () => {
	it('counts a quoted multi-line cell as one spreadsheet row', async () => {
		const text = `${HEADER}\n"a1","张\n三",执法队员,210000,Pass-1234\na2,李四,执法队员,210000,Pass-1234\n`;
		const { rows } = await parseAccountFile(utf8(text), 'list.csv');
		expect(rows.map((r) => [r.row, r.username, r.displayName])).toEqual([
			[2, 'a1', '张\n三'],
			[3, 'a2', '李四']
		]);
	});

	it('reads the first worksheet of an XLSX file, numbers included', async () => {
		const bytes = await xlsxOf([HEADER.split(','), ['a1', '张三', '执法队员', 210000, 12345678]]);
		const { rows } = await parseAccountFile(bytes, 'LIST.XLSX');
		expect(rows).toEqual([
			{
				row: 2,
				username: 'a1',
				displayName: '张三',
				role: '执法队员',
				unitCode: '210000',
				password: '12345678'
			}
		]);
	});

	it.each([
		['empty.csv', new Uint8Array(0), 'import_file_empty'],
		['blank.csv', utf8('\r\n\r\n'), 'import_file_empty'],
		['list.xls', utf8('x'), 'import_file_old_excel'],
		['list.pdf', utf8('x'), 'import_file_type'],
		['fake.xlsx', utf8(HEADER), 'import_file_unreadable'],
		['big.csv', new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61), 'import_file_too_large'],
		['cols.csv', utf8('用户名,姓名\na,b'), 'import_missing_columns']
	])('refuses %s with %s', async (name, bytes, code) => {
		await expect(parseAccountFile(bytes, name)).rejects.toMatchObject({ code });
	});

	it('parses both templates back to their example row', async () => {
		const expected = { row: 2, ...templateExample('210000') };
		const csv = await parseAccountFile(utf8(buildTemplateCsv('210000')), 't.csv');
		const xlsx = await parseAccountFile(await buildTemplateXlsx('210000'), 't.xlsx');
		expect(csv.rows).toEqual([expected]);
		expect(xlsx.rows).toEqual([expected]);
	});
});
