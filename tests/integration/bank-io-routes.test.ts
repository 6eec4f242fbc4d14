import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { bankJson, fileOf, NEEDS_LEGAL_BASIS_TAG, QUESTIONS } from './bank-io-fixtures';
import { useDatabase } from '../../src/lib/server/db';
import * as table from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { TEMPLATE_HEADERS } from '../../src/lib/server/bank/io/columns';
import { commitImport } from '../../src/lib/server/bank/io/import';
import { parseQuestionFile } from '../../src/lib/server/bank/io/parse';
import { getUnitByCode } from '../../src/lib/server/org/units';
import * as importPage from '../../src/routes/bank/import/+page.server';
import * as template from '../../src/routes/bank/import/template/+server';
import * as exportPage from '../../src/routes/bank/export/+page.server';
import * as download from '../../src/routes/bank/export/download/+server';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
	useDatabase(t);
});
afterAll(async () => {
	await t?.close();
});

let trainer: SessionUser; // Liaoning provincial trainer
let officer: SessionUser;
beforeEach(async () => {
	await t.reset();
	trainer = await makeUser(t.db, 'ln.trainer', 'trainer', '210000');
	officer = await makeUser(t.db, 'ln.officer', 'officer', '210000');
});

interface Body {
	preview?: {
		digest: string;
		total: number;
		ready: number;
		blocked: boolean;
		missingTopic: boolean;
		problems: { where: string; field: string; reason: string; severity: string }[];
	};
	imported?: number;
	importedAs?: string;
	changed?: boolean;
	message?: string;
}

async function act(
	name: 'preview' | 'commit',
	user: SessionUser | null,
	form: Record<string, string | Blob>
) {
	const event = fakeEvent({ user, url: `/bank/import?/${name}`, form });
	const r = (await importPage.actions[name](event)) as { status?: number; data?: Body };
	return r.data && r.status ? { status: r.status, ...r.data } : { status: 200, ...(r as Body) };
}

const jsonFile = (questions: unknown[]) => fileOf(bankJson(questions), 'bank.json');

describe('who may import and export', () => {
	it('refuses officers (403) and sends anonymous users to sign in', async () => {
		const file = jsonFile(QUESTIONS);
		for (const run of [
			() => importPage.load(fakeEvent({ user: officer, url: '/bank/import' }) as never),
			() => act('preview', officer, { file }),
			() => act('commit', officer, { file, digest: 'x' }),
			() => template.GET(fakeEvent({ user: officer, url: '/bank/import/template' }) as never),
			() => exportPage.load(fakeEvent({ user: officer, url: '/bank/export' }) as never),
			() =>
				download.GET(
					fakeEvent({ user: officer, url: '/bank/export/download?format=json' }) as never
				)
		]) {
			expect(await outcome(run)).toMatchObject({ kind: 'error', status: 403 });
		}
		expect(await outcome(() => act('preview', null, { file }))).toMatchObject({ kind: 'redirect' });
		expect(await t.db.select().from(table.question)).toHaveLength(0);
	});
});

describe('import page', () => {
	it('checks, then imports into the trainer’s unit as the trainer, in review, never published', async () => {
		const file = jsonFile(QUESTIONS.map((q) => ({ ...q, status: 'published' })));
		const form = { file, status: 'in_review' };
		const checked = await act('preview', trainer, form);
		expect(checked.preview).toMatchObject({ total: 5, ready: 5, blocked: false });
		expect(await t.db.select().from(table.question)).toHaveLength(0);
		const committed = await act('commit', trainer, { ...form, digest: checked.preview!.digest });
		expect(committed).toMatchObject({ status: 200, imported: 5, importedAs: 'in_review' });
		const rows = await t.db.select().from(table.question);
		expect(rows).toHaveLength(5);
		expect(
			rows.every(
				(q) => q.status === 'in_review' && q.unitId === trainer.unitId && q.authorId === trainer.id
			)
		).toBe(true);
	});

	it('lists a bad row in the reader’s language and imports nothing', async () => {
		const csv = [
			TEMPLATE_HEADERS.join(','),
			'单选,题干甲,一,二,,,,,,,X,解析,《中华人民共和国环境保护法》第二十五条,执法质量提升,2,'
		].join('\n');
		const file = fileOf(csv, 'bank.csv');
		const checked = await act('preview', trainer, { file });
		expect(checked.preview!.blocked).toBe(true);
		expect(checked.preview!.problems).toEqual([
			{
				id: 0,
				where: '第 2 行',
				field: '答案',
				reason: '答案应为选项字母（A–B），且不能重复。',
				severity: 'error'
			}
		]);
		const committed = await act('commit', trainer, { file, digest: checked.preview!.digest });
		expect(committed.status).toBe(400);
		expect(committed.message).toBe('文件中有 1 处问题，未导入任何试题。');
		expect(await t.db.select().from(table.question)).toHaveLength(0);
	});

	it('checks again instead of importing when the file is not the one previewed', async () => {
		const committed = await act('commit', trainer, { file: jsonFile(QUESTIONS), digest: 'stale' });
		expect(committed).toMatchObject({ status: 200, changed: true, preview: { ready: 5 } });
		expect(await t.db.select().from(table.question)).toHaveLength(0);
	});

	it('asks for the GIFT defaults, then imports the conformance file’s questions as flagged drafts', async () => {
		const gift = readFileSync('/work/shared/fixtures/gift/moodle-examples.gift.txt');
		const file = fileOf(new Uint8Array(gift), 'moodle.gift');
		const first = await act('preview', trainer, { file, status: 'in_review' });
		expect(first.preview).toMatchObject({ total: 43, blocked: true, missingTopic: true });
		const form = {
			file,
			status: 'in_review',
			topic: '执法质量提升',
			difficulty: '2',
			skipUnsupported: 'on'
		};
		const checked = await act('preview', trainer, form);
		expect(checked.preview).toMatchObject({ blocked: false, ready: 18 });
		const refused = checked.preview!.problems.filter((p) => p.severity === 'unsupported');
		expect(refused).toHaveLength(11);
		expect(refused[0]).toMatchObject({
			where: '第 5 题（第 16 行）',
			reason: expect.stringContaining('数值题')
		});
		const committed = await act('commit', trainer, { ...form, digest: checked.preview!.digest });
		expect(committed).toMatchObject({ imported: 18 });
		const rows = await t.db.select().from(table.question);
		expect(rows.every((q) => q.status === 'draft' && q.tags.includes(NEEDS_LEGAL_BASIS_TAG))).toBe(
			true
		);
	});
});

describe('template', () => {
	it('is an XLSX with the Chinese headers in order and an instructions sheet, or a CSV', async () => {
		const response = await template.GET(
			fakeEvent({ user: trainer, url: '/bank/import/template' }) as never
		);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await response.arrayBuffer());
		expect((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(
			TEMPLATE_HEADERS
		);
		expect(workbook.worksheets[1].name).toBe('填写说明');
		const csv = await template.GET(
			fakeEvent({ user: trainer, url: '/bank/import/template?format=csv' }) as never
		);
		const bytes = new Uint8Array(await csv.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(bytes)).toBe(`${TEMPLATE_HEADERS.join(',')}\r\n`);
	});
});

describe('export download', () => {
	it('holds the trainer’s subtree and the national bank, not other provinces', async () => {
		const own = async (code: string, stem: string) => {
			const unitId = (await getUnitByCode(t.db, code))!.id;
			const parsed = await parseQuestionFile(
				new TextEncoder().encode(bankJson([{ ...QUESTIONS[2], stem }])),
				'x.json'
			);
			await commitImport(t.db, parsed, { status: 'draft' }, { unitId, authorId: null }, null);
		};
		await own('000000', '全国题');
		await own('210000', '辽宁题');
		await own('650000', '新疆题');
		const response = await download.GET(
			fakeEvent({ user: trainer, url: '/bank/export/download?format=json&status=all' }) as never
		);
		expect(response.headers.get('content-disposition')).toMatch(
			/attachment; filename="lianbing-bank-.*\.json"/
		);
		const stems = JSON.parse(await response.text()).questions.map((q: { stem: string }) => q.stem);
		expect(stems.sort()).toEqual(['全国题', '辽宁题'].sort());
		const bad = await outcome(() =>
			download.GET(fakeEvent({ user: trainer, url: '/bank/export/download?format=pdf' }) as never)
		);
		expect(bad).toMatchObject({ kind: 'error', status: 400 });
	});

	it('leaves out retired questions unless all are asked for', async () => {
		const parsed = await parseQuestionFile(
			new TextEncoder().encode(bankJson([{ ...QUESTIONS[2], status: 'retired' }])),
			'x.json'
		);
		await commitImport(
			t.db,
			parsed,
			{ status: 'file' },
			{ unitId: trainer.unitId, authorId: null },
			null
		);
		const get = (status: string) =>
			download.GET(
				fakeEvent({
					user: trainer,
					url: `/bank/export/download?format=csv&status=${status}`
				}) as never
			);
		expect((await get('active')).headers.get('x-question-count')).toBe('0');
		expect((await get('all')).headers.get('x-question-count')).toBe('1');
		const [q] = await t.db
			.select()
			.from(table.question)
			.where(eq(table.question.status, 'retired'));
		expect(q).toBeDefined();
	});
});
