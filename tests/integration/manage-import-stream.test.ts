import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import { getUserByUsername } from '../../src/lib/server/accounts/users';
import type { SessionUser } from '../../src/lib/server/auth/session';
import * as commit from '../../src/routes/manage/import/commit/+server';
import { readNdjson, type ImportLine } from '../../src/routes/manage/import/progress';
import {
	countUsers,
	csvFile,
	HEADER,
	liaoningTrainer,
	officersCsv
} from './manage-import-fixtures';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
	useDatabase(t);
});
afterAll(async () => {
	await t?.close();
});

let trainer: SessionUser;
beforeEach(async () => {
	await t.reset();
	trainer = await liaoningTrainer(t.db);
});

const URL = '/manage/import/commit';

async function digestOf(file: File): Promise<string> {
	return createHash('sha256')
		.update(new Uint8Array(await file.arrayBuffer()))
		.digest('hex');
}

/** Posts the file as the page does (with the digest of the checked file) and reads every line. */
async function importStreamed(user: SessionUser, file: File, digest?: string) {
	const form = { file, digest: digest ?? (await digestOf(file)) };
	const response = await commit.POST(fakeEvent({ user, url: URL, form }));
	const lines: ImportLine[] = [];
	await readNdjson(response.body!, (line) => lines.push(line));
	return { response, lines };
}

const PHASES = ['checking', 'hashing', 'saving'];

describe('streamed import', () => {
	it('streams increasing progress through every phase and ends with the imported count', async () => {
		const { response, lines } = await importStreamed(trainer, csvFile(officersCsv(30)));
		expect(response.status).toBe(200);
		expect(response.headers.get('Content-Type')).toContain('application/x-ndjson');
		expect(lines.at(-1)).toEqual({ done: true, imported: 30 });
		const progress = lines.slice(0, -1) as { phase: string; done: number; total: number }[];
		const order = progress.map((l) => [PHASES.indexOf(l.phase), l.done] as const);
		for (let i = 1; i < order.length; i++) {
			const [phase, done] = order[i];
			const [prevPhase, prevDone] = order[i - 1];
			expect(phase > prevPhase || (phase === prevPhase && done > prevDone)).toBe(true);
		}
		expect(progress.filter((l) => l.phase === 'hashing').map((l) => l.done)).toEqual(
			Array.from({ length: 31 }, (_, i) => i)
		);
		expect(progress.at(-1)).toEqual({ phase: 'saving', done: 30, total: 30 });
		expect(await getUserByUsername(t.db, 'p.30')).toMatchObject({ role: 'officer' });
	});

	it('streams the problems of a bad file and imports nothing', async () => {
		const before = await countUsers(t.db);
		const text = `${officersCsv(2)}\nbad.one,丙,执法队员,999999,Init-pass1`;
		const { response, lines } = await importStreamed(trainer, csvFile(text));
		expect(response.status).toBe(200);
		expect(lines.at(-1)).toEqual({
			error: {
				code: 'import_has_errors',
				message: '文件中有 1 处问题，未导入任何账号。',
				problems: [{ id: 0, row: 4, column: '单位代码', reason: '单位代码 999999 不存在。' }]
			}
		});
		expect(lines.some((l) => 'phase' in l && l.phase === 'hashing')).toBe(false);
		expect(await countUsers(t.db)).toBe(before);
	});

	it.each([
		['a Word file', csvFile('x', 'list.docx'), undefined, 'import_file_type'],
		['missing columns', csvFile('用户名,姓名\na,b'), undefined, 'import_missing_columns'],
		['a file other than the one checked', csvFile(officersCsv(1)), 'stale', 'import_file_changed']
	])('streams a refusal for %s', async (_label, file, digest, code) => {
		const before = await countUsers(t.db);
		const { lines } = await importStreamed(trainer, file, digest);
		expect(lines).toEqual([{ error: { code, message: expect.any(String) } }]);
		expect(await countUsers(t.db)).toBe(before);
	});

	it('stops and keeps nothing when the browser goes away mid-import', async () => {
		const before = await countUsers(t.db);
		const file = csvFile(officersCsv(40));
		const form = { file, digest: await digestOf(file) };
		const response = await commit.POST(fakeEvent({ user: trainer, url: URL, form }));
		const reader = response.body!.getReader();
		let seen = '';
		while (!seen.includes('"phase":"hashing","done":1,')) {
			const { value, done } = await reader.read();
			if (done) throw new Error('stream ended before hashing');
			seen += new TextDecoder().decode(value);
		}
		await reader.cancel();
		// Left alone, 40 accounts are hashed and saved well within this wait.
		await new Promise((resolve) => setTimeout(resolve, 2500));
		expect(await countUsers(t.db)).toBe(before);
		expect(await getUserByUsername(t.db, 'p.1')).toBeUndefined();
	});
});

describe('streamed import guards', () => {
	it('is 403 for officers and sends visitors to sign in', async () => {
		const officer = await makeUser(t.db, 'ln.officer', 'officer', '210000');
		const file = csvFile(`${HEADER}\nsneak,甲,执法队员,210000,Init-pass1\n`);
		const form = { file, digest: await digestOf(file) };
		const asOfficer = await outcome(() =>
			commit.POST(fakeEvent({ user: officer, url: URL, form }))
		);
		expect(asOfficer).toMatchObject({ kind: 'error', status: 403 });
		const asVisitor = await outcome(() => commit.POST(fakeEvent({ url: URL, form })));
		expect(asVisitor).toMatchObject({ kind: 'redirect', status: 303 });
		expect(await getUserByUsername(t.db, 'sneak')).toBeUndefined();
	});

	it("refuses a Liaoning trainer's rows for Xinjiang and for trainer accounts", async () => {
		const before = await countUsers(t.db);
		const text = [
			officersCsv(1),
			'xj.one,乙,执法队员,650000,Init-pass1',
			'tr.one,丙,教练员,210000,Init-pass1'
		].join('\n');
		const { lines } = await importStreamed(trainer, csvFile(text));
		const last = lines.at(-1) as { error: { problems: { row: number; reason: string }[] } };
		expect(last.error.problems.map((p) => [p.row, p.reason])).toEqual([
			[3, '单位 650000 不在你的管理范围内。'],
			[4, '你不能创建角色为“教练员”的账号。']
		]);
		expect(await countUsers(t.db)).toBe(before);
	});

	it.each([
		['no body', undefined, undefined],
		['a JSON body', 'application/json', '{"file":"accounts.csv"}'],
		['a broken multipart body', 'multipart/form-data; boundary=x', 'not a form']
	])('answers %s with a 400 JSON error', async (_label, type, body) => {
		const event = fakeEvent({ user: trainer, url: URL, method: 'POST' });
		const headers = type ? { 'content-type': type } : undefined;
		event.request = new Request(`http://localhost${URL}`, { method: 'POST', headers, body });
		const response = await commit.POST(event);
		expect(response.status).toBe(400);
		expect(response.headers.get('Content-Type')).toContain('application/json');
		expect(await response.json()).toEqual({
			error: {
				code: 'import_not_multipart',
				message: '请求格式不正确：请以 multipart/form-data 表单上传账号文件。'
			}
		});
	});
});
