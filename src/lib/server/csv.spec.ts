import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, formatCsv, parseCsv } from './csv';

const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));

describe('parseCsv', () => {
	it('splits plain records with CRLF and LF line ends', () => {
		expect(parseCsv('a,b\r\nc,d\ne,f')).toEqual([
			['a', 'b'],
			['c', 'd'],
			['e', 'f']
		]);
	});

	it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
		const text = '"王,五","say ""hi""","line1\r\nline2"\r\nx,y,z\r\n';
		expect(parseCsv(text)).toEqual([
			['王,五', 'say "hi"', 'line1\r\nline2'],
			['x', 'y', 'z']
		]);
	});

	it('keeps empty fields and a trailing empty field', () => {
		expect(parseCsv('a,,c\nd,\n')).toEqual([
			['a', '', 'c'],
			['d', '']
		]);
	});

	it('keeps a quote inside an unquoted field as text', () => {
		expect(parseCsv('5"3,b')).toEqual([['5"3', 'b']]);
	});

	it('reads tab-separated text when the first line has tabs and no commas', () => {
		expect(parseCsv('a\tb\nc,1\td')).toEqual([
			['a', 'b'],
			['c,1', 'd']
		]);
	});

	it('refuses an unclosed quote and names the row where it starts', () => {
		expect(() => parseCsv('a,b\n"open,c\nd')).toThrow(
			expect.objectContaining({ code: 'import_csv_unclosed_quote', params: { row: 2 } })
		);
	});
});

describe('decodeCsvBytes', () => {
	it('strips a UTF-8 byte order mark', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('用户名,姓名')]);
		expect(decodeCsvBytes(bytes)).toBe('用户名,姓名');
	});

	it('reads UTF-8 without a byte order mark', () => {
		expect(decodeCsvBytes(utf8('张三,执法队员'))).toBe('张三,执法队员');
	});

	it('falls back to GB18030 when the bytes are not valid UTF-8 (Excel on Chinese Windows)', () => {
		// "用户名,姓名,角色,单位代码,初始密码\r\nzhangsan,张三,执法队员,210000,Pass-1234\r\n" in GB18030
		const bytes = hex(
			'd3c3bba7c3fb2cd0d5c3fb2cbdc7c9ab2cb5a5cebbb4fac2eb2cb3f5cabcc3dcc2eb0d0a' +
				'7a68616e6773616e2cd5c5c8fd2cd6b4b7a8b6d3d4b12c3231303030302c506173732d313233340d0a'
		);
		expect(decodeCsvBytes(bytes)).toBe(
			'用户名,姓名,角色,单位代码,初始密码\r\nzhangsan,张三,执法队员,210000,Pass-1234\r\n'
		);
	});

	it('reads UTF-16 with a byte order mark', () => {
		const units = [0xfeff, ...'张三'.split('').map((c) => c.charCodeAt(0))];
		const bytes = new Uint8Array(new Uint16Array(units).buffer);
		expect(decodeCsvBytes(bytes)).toBe('张三');
	});
});

describe('formatCsv', () => {
	it('quotes only the fields that need it and reads back to the same records', () => {
		const records = [
			['题干', '选项A'],
			['含,逗号', '含"引号"'],
			['多\n行', '']
		];
		const text = formatCsv(records);
		expect(text.startsWith('\uFEFF题干,选项A\r\n')).toBe(true);
		expect(text).toContain('"含,逗号","含""引号"""');
		expect(parseCsv(decodeCsvBytes(new TextEncoder().encode(text)))).toEqual(records);
	});
});
