import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import type { Db } from '../../src/lib/server/db/client';
import { importAccounts } from '../../src/lib/server/accounts/import';
import { parseAccountFile } from '../../src/lib/server/accounts/import-parse';
import { createUser, getUserByUsername } from '../../src/lib/server/accounts/users';
import { verifyPasswordHash } from '../../src/lib/server/auth/password';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { createUnit, getUnitByCode } from '../../src/lib/server/org/units';
import * as importPage from '../../src/routes/manage/import/+page.server';
import * as template from '../../src/routes/manage/import/template/+server';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
	useDatabase(t);
});
afterAll(async () => {
	await t?.close();
});

let trainer: SessionUser; // Liaoning provincial trainer
beforeEach(async () => {
	await t.reset();
	const liaoning = (await getUnitByCode(t.db, '210000'))!;
	await createUnit(t.db, {
		code: '210100',
		parentId: liaoning.id,
		level: 'city',
		nameZh: '沈阳市',
		nameEn: 'Shenyang'
	});
	trainer = await makeUser(t.db, 'ln.trainer', 'trainer', '210000');
});

const HEADER = '用户名,姓名,角色,单位代码,初始密码';

function csvFile(text: string | Uint8Array, name = 'accounts.csv'): File {
	const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
	return new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'text/csv' });
}

async function xlsxFile(rows: unknown[][]): Promise<File> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('账号');
	for (const r of rows) sheet.addRow(r);
	const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
	return new File([bytes], 'accounts.xlsx');
}

interface Preview {
	digest: string;
	total: number;
	valid: number;
	problemCount: number;
	problems: { row: number; column: string; reason: string }[];
}
interface ActionBody {
	preview?: Preview;
	imported?: number;
	changed?: boolean;
	message?: string;
	code?: string;
}

/** Runs an import action; `status` is 200 for a plain return, the failure's status otherwise. */
async function act(
	name: 'preview' | 'commit',
	user: SessionUser,
	form: Record<string, string | Blob>
) {
	const event = fakeEvent({ user, url: `/manage/import?/${name}`, form });
	const r = (await importPage.actions[name](event)) as { status?: number; data?: ActionBody };
	return r.data && r.status
		? { status: r.status, ...r.data }
		: { status: 200, ...(r as ActionBody) };
}

async function checkThenImport(user: SessionUser, file: File) {
	const checked = await act('preview', user, { file });
	expect(checked.preview).toBeDefined();
	return {
		checked,
		committed: await act('commit', user, { file, digest: checked.preview!.digest })
	};
}

async function countUsers(db: Db = t.db): Promise<number> {
	const rows = await db.query.user.findMany({ columns: { id: true } });
	return rows.length;
}

describe('import from CSV', () => {
	it('creates every account of a good file, with a working password', async () => {
		const file = csvFile(
			`${HEADER}\r\nwang.wu,王五,执法队员,210100,Init-pass1\r\nzhao.liu,赵六,officer,210000,Init-pass2\r\n`
		);
		const { checked, committed } = await checkThenImport(trainer, file);
		expect(checked.preview).toMatchObject({ total: 2, valid: 2, problemCount: 0 });
		expect(committed).toMatchObject({ status: 200, imported: 2 });
		const wang = await getUserByUsername(t.db, 'wang.wu');
		expect(wang).toMatchObject({ displayName: '王五', role: 'officer' });
		expect(wang!.unitId).toBe((await getUnitByCode(t.db, '210100'))!.id);
		expect(await verifyPasswordHash(wang!.passwordHash, 'Init-pass1')).toBe(true);
	});

	it('imports nothing when row 4 has an unknown unit code, and names row 4 with the reason', async () => {
		const before = await countUsers();
		const file = csvFile(
			[
				HEADER,
				'a.one,甲,执法队员,210000,Init-pass1',
				'a.two,乙,执法队员,210100,Init-pass1',
				'a.three,丙,执法队员,999999,Init-pass1'
			].join('\n')
		);
		const checked = await act('preview', trainer, { file });
		expect(checked.preview).toMatchObject({ total: 3, valid: 2, problemCount: 1 });
		expect(checked.preview!.problems).toEqual([
			{ id: 0, row: 4, column: '单位代码', reason: '单位代码 999999 不存在。' }
		]);
		const committed = await act('commit', trainer, { file, digest: checked.preview!.digest });
		expect(committed.status).toBe(400);
		expect(committed.message).toBe('文件中有 1 处问题，未导入任何账号。');
		expect(await countUsers()).toBe(before);
		const { rows } = await parseAccountFile(new Uint8Array(await file.arrayBuffer()), file.name);
		await expect(importAccounts(t.db, trainer, rows)).rejects.toMatchObject({
			code: 'import_has_errors'
		});
		expect(await countUsers()).toBe(before);
	});

	it('reads quoted fields with commas and a UTF-8 byte order mark', async () => {
		const file = csvFile(
			`\uFEFF${HEADER}\r\n"q.one","欧阳,娜娜","执法队员","210000","Pa,ss ""1"""\r\n`
		);
		const { committed } = await checkThenImport(trainer, file);
		expect(committed).toMatchObject({ imported: 1 });
		const user = await getUserByUsername(t.db, 'q.one');
		expect(user?.displayName).toBe('欧阳,娜娜');
		expect(await verifyPasswordHash(user!.passwordHash, 'Pa,ss "1"')).toBe(true);
	});

	it('reads a GB18030 file as saved by Excel on Chinese Windows', async () => {
		// "用户名,姓名,角色,单位代码,初始密码\r\nzhangsan,张三,执法队员,210000,Pass-1234\r\n"
		const hex =
			'd3c3bba7c3fb2cd0d5c3fb2cbdc7c9ab2cb5a5cebbb4fac2eb2cb3f5cabcc3dcc2eb0d0a' +
			'7a68616e6773616e2cd5c5c8fd2cd6b4b7a8b6d3d4b12c3231303030302c506173732d313233340d0a';
		const bytes = Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)));
		const { committed } = await checkThenImport(trainer, csvFile(bytes));
		expect(committed).toMatchObject({ imported: 1 });
		expect(await getUserByUsername(t.db, 'zhangsan')).toMatchObject({
			displayName: '张三',
			role: 'officer'
		});
	});

	it('reports usernames repeated within the file (case aside) and already taken', async () => {
		await makeUser(t.db, 'taken', 'officer', '210000');
		const file = csvFile(
			[
				HEADER,
				'dup,甲,执法队员,210000,Init-pass1',
				'Taken,乙,执法队员,210000,Init-pass1',
				'DUP,丙,执法队员,210000,Init-pass1'
			].join('\n')
		);
		const checked = await act('preview', trainer, { file });
		expect(checked.preview!.problems.map((p) => [p.row, p.reason])).toEqual([
			[3, '用户名 taken 已被使用。'],
			[4, '用户名 dup 与第 2 行重复。']
		]);
	});

	it('reports every empty, malformed or weak field of a row', async () => {
		const file = csvFile(`${HEADER}\nBad Name!,,队长,,short\n`);
		const checked = await act('preview', trainer, { file });
		expect(checked.preview!.problems.map((p) => p.reason)).toEqual([
			'“姓名”不能为空。',
			'“单位代码”不能为空。',
			'用户名须为 3–32 位小写字母、数字或 . _ -。',
			'无法识别角色“队长”，应为执法队员、教练员或管理员。',
			'密码至少需要 8 位。'
		]);
	});
});

describe('import from XLSX', () => {
	it('imports a good workbook and refuses one with a bad row 4 as a whole', async () => {
		const header = HEADER.split(',');
		const good = await xlsxFile([header, ['x.one', '甲', '执法队员', 210100, 'Init-pass1']]);
		expect((await checkThenImport(trainer, good)).committed).toMatchObject({ imported: 1 });

		const before = await countUsers();
		const bad = await xlsxFile([
			header,
			['x.two', '乙', '执法队员', '210000', 'Init-pass1'],
			['x.three', '丙', '执法队员', '210100', 'Init-pass1'],
			['x.four', '丁', '执法队员', '999999', 'Init-pass1']
		]);
		const { checked, committed } = await checkThenImport(trainer, bad);
		expect(checked.preview!.problems).toMatchObject([
			{ row: 4, reason: '单位代码 999999 不存在。' }
		]);
		expect(committed.status).toBe(400);
		expect(await countUsers()).toBe(before);
		expect(await getUserByUsername(t.db, 'x.two')).toBeUndefined();
	});
});

describe('scope and permissions', () => {
	it("refuses a Liaoning trainer's rows for Xinjiang and for trainer accounts", async () => {
		const before = await countUsers();
		const file = csvFile(
			[
				HEADER,
				'ok.one,甲,执法队员,210100,Init-pass1',
				'xj.one,乙,执法队员,650000,Init-pass1',
				'tr.one,丙,教练员,210000,Init-pass1'
			].join('\n')
		);
		const { checked, committed } = await checkThenImport(trainer, file);
		expect(checked.preview!.problems.map((p) => [p.row, p.reason])).toEqual([
			[3, '单位 650000 不在你的管理范围内。'],
			[4, '你不能创建角色为“教练员”的账号。']
		]);
		expect(committed.status).toBe(400);
		expect(await countUsers()).toBe(before);
	});

	it('lets an admin import trainers within scope', async () => {
		const admin = await makeUser(t.db, 'ln.admin', 'admin', '210000');
		const file = csvFile(`${HEADER}\ntr.two,丁,教练员,210100,Init-pass1\n`);
		expect((await checkThenImport(admin, file)).committed).toMatchObject({ imported: 1 });
		expect((await getUserByUsername(t.db, 'tr.two'))?.role).toBe('trainer');
	});

	it('is 403 for officers and sends visitors to sign in', async () => {
		const officer = await makeUser(t.db, 'ln.officer', 'officer', '210000');
		const file = csvFile(`${HEADER}\nsneak,甲,执法队员,210000,Init-pass1\n`);
		const forOfficer = [
			() => importPage.load(fakeEvent({ user: officer, url: '/manage/import' })),
			() => importPage.actions.commit(fakeEvent({ user: officer, form: { file } })),
			() => template.GET(fakeEvent({ user: officer, url: '/manage/import/template' }))
		];
		for (const run of forOfficer) {
			expect(await outcome(run)).toMatchObject({ kind: 'error', status: 403 });
		}
		const visitor = await outcome(() => importPage.load(fakeEvent({ url: '/manage/import' })));
		expect(visitor).toMatchObject({ kind: 'redirect', location: '/login?next=%2Fmanage%2Fimport' });
		expect(await getUserByUsername(t.db, 'sneak')).toBeUndefined();
	});
});

describe('commit safeguards', () => {
	it('re-checks instead of importing when the file differs from the one checked', async () => {
		const file = csvFile(`${HEADER}\nd.one,甲,执法队员,210000,Init-pass1\n`);
		const result = await act('commit', trainer, { file, digest: 'not-the-checked-file' });
		expect(result).toMatchObject({ changed: true, preview: { valid: 1 } });
		expect(result.imported).toBeUndefined();
		expect(await getUserByUsername(t.db, 'd.one')).toBeUndefined();
	});

	it('inserts nothing when a username is taken while the passwords are being hashed', async () => {
		const { rows } = await parseAccountFile(
			new TextEncoder().encode(
				`${HEADER}\nr.one,甲,执法队员,210000,Init-pass1\nr.two,乙,执法队员,210000,Init-pass1\n`
			),
			'race.csv'
		);
		const unitId = (await getUnitByCode(t.db, '210000'))!.id;
		// Another request creates r.two just before the import's transaction opens.
		const racing = new Proxy(t.db, {
			get(target, prop, receiver) {
				if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
				return async (...args: Parameters<Db['transaction']>) => {
					await createUser(target, {
						username: 'r.two',
						displayName: '抢先',
						password: 'Init-pass1',
						role: 'officer',
						unitId
					});
					return target.transaction(...args);
				};
			}
		});
		await expect(importAccounts(racing, trainer, rows)).rejects.toMatchObject({
			code: 'import_has_errors'
		});
		expect(await getUserByUsername(t.db, 'r.one')).toBeUndefined();
	});

	it.each([
		['no file', {}, '请选择要上传的文件。'],
		['an empty file', { file: csvFile('') }, '文件是空的。'],
		[
			'a Word file',
			{ file: csvFile('x', 'list.docx') },
			'只支持 CSV（.csv）或 Excel（.xlsx）文件。'
		],
		[
			'missing columns',
			{ file: csvFile('用户名,姓名\na,b') },
			'表头缺少以下列：角色、单位代码、初始密码。请使用导入模板。'
		]
	])('explains %s', async (_label, form, message) => {
		const result = await act('preview', trainer, form);
		expect(result).toMatchObject({ status: 400, message });
	});
});

describe('templates', () => {
	it('serves an XLSX template with the header and an example that passes the check', async () => {
		const response = await template.GET(
			fakeEvent({ user: trainer, url: '/manage/import/template' })
		);
		expect(response.headers.get('Content-Type')).toContain('spreadsheetml');
		const bytes = new Uint8Array(await response.arrayBuffer());
		const { rows } = await parseAccountFile(bytes, 'template.xlsx');
		expect(rows).toMatchObject([{ row: 2, role: '执法队员', unitCode: '210000' }]);
		const file = new File([bytes], 'template.xlsx');
		expect((await act('preview', trainer, { file })).preview).toMatchObject({ problemCount: 0 });
	});

	it('serves a CSV template with a byte order mark and the Chinese header', async () => {
		const url = '/manage/import/template?format=csv';
		const response = await template.GET(fakeEvent({ user: trainer, url }));
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(bytes).split('\r\n')[0]).toBe(HEADER);
	});
});
