import { readFileSync } from 'node:fs';
import { count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { bankJson, NEEDS_LEGAL_BASIS_TAG, QUESTIONS, xlsxOf } from './bank-io-fixtures';
import * as table from '../../src/lib/server/db/schema';
import { inputToRow, TEMPLATE_HEADERS } from '../../src/lib/server/bank/io/columns';
import {
	checkImport,
	commitImport,
	ImportBlockedError,
	type ImportOwner
} from '../../src/lib/server/bank/io/import';
import { parseQuestionFile } from '../../src/lib/server/bank/io/parse';
import { getUnitByCode } from '../../src/lib/server/org/units';

const CONFORMANCE = '/work/shared/fixtures/gift/moodle-examples.gift.txt';

let t: TestDatabase;
let national: ImportOwner;
let liaoning: ImportOwner;
beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t?.close();
});
beforeEach(async () => {
	await t.reset();
	national = { unitId: (await getUnitByCode(t.db, '000000'))!.id, authorId: null };
	liaoning = { unitId: (await getUnitByCode(t.db, '210000'))!.id, authorId: null };
});

const utf8 = (s: string) => new TextEncoder().encode(s);

async function questionCount(): Promise<number> {
	const [{ n }] = await t.db.select({ n: count() }).from(table.question);
	return n;
}

function csvOf(rows: (string | number)[][]): Uint8Array {
	const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
	return utf8([TEMPLATE_HEADERS, ...rows].map((r) => r.map(quote).join(',')).join('\r\n'));
}

describe('a file with one bad row', () => {
	const good = QUESTIONS.map((q) => inputToRow(q));
	const bad = inputToRow({ ...QUESTIONS[0], stem: '另一道题', answer: 'E' });

	it.each([
		['CSV', 'bank.csv', async () => csvOf([...good.slice(0, 2), bad, ...good.slice(2)])],
		[
			'XLSX',
			'bank.xlsx',
			async () => xlsxOf([TEMPLATE_HEADERS, ...good.slice(0, 2), bad, ...good.slice(2)])
		]
	])('%s: imports nothing and names row 4 with the reason', async (_, name, make) => {
		const parsed = await parseQuestionFile(await make(), name);
		const error = await commitImport(t.db, parsed, { status: 'draft' }, national, null).catch(
			(e) => e
		);
		expect(error).toBeInstanceOf(ImportBlockedError);
		expect((error as ImportBlockedError).check.problems).toEqual([
			expect.objectContaining({
				position: 4,
				field: 'answer',
				code: 'q_answer_letters',
				severity: 'error'
			})
		]);
		expect(await questionCount()).toBe(0);
	});

	it('rolls everything back when writing fails in a later batch', async () => {
		const many = Array.from({ length: 250 }, (_, i) => ({
			...QUESTIONS[0],
			stem: `题干 ${i}`,
			unit: i === 249 ? 'GHOST' : undefined
		}));
		const parsed = await parseQuestionFile(utf8(bankJson(many)), 'many.json');
		// The last question's unit does not exist: the insert of the second batch fails.
		const owner = { ...national, unitIdsByCode: new Map([['GHOST', 999_999]]) };
		await expect(commitImport(t.db, parsed, { status: 'draft' }, owner, null)).rejects.toThrow();
		expect(await questionCount()).toBe(0);
	});
});

describe('GIFT conformance file (Moodle examples)', () => {
	const source = () => readFileSync(CONFORMANCE);
	const refused = {
		bankio_gift_numerical: [5, 16, 17, 18, 19, 20, 38, 43],
		bankio_gift_matching: [14, 15, 39]
	};
	const defaults = { topic: '执法质量提升', difficulty: 2 };

	it('reads 43 questions: 32 the bank can hold, 11 refused each with its position and reason', async () => {
		const parsed = await parseQuestionFile(source(), 'moodle-examples.gift.txt');
		const check = await checkImport(t.db, parsed, { status: 'draft', ...defaults }, null);
		expect(check).toMatchObject({
			total: 43,
			invalid: 0,
			unsupported: 11,
			duplicates: 14,
			needsLegalBasis: 18
		});
		const unsupported = check.problems.filter((p) => p.severity === 'unsupported');
		for (const [code, positions] of Object.entries(refused)) {
			expect(unsupported.filter((p) => p.code === code).map((p) => p.position)).toEqual(positions);
		}
		expect(unsupported.every((p) => p.line! > 0)).toBe(true);
		expect(check.blocked).toBe(true);
	});

	it('imports nothing unless told to leave out the unsupported kinds; then 18 drafts', async () => {
		const parsed = await parseQuestionFile(source(), 'moodle-examples.gift.txt');
		await expect(
			commitImport(t.db, parsed, { status: 'in_review', ...defaults }, national, null)
		).rejects.toBeInstanceOf(ImportBlockedError);
		expect(await questionCount()).toBe(0);
		const options = { status: 'in_review' as const, ...defaults, skipUnsupported: true };
		const { imported } = await commitImport(t.db, parsed, options, national, null);
		expect(imported).toBe(18);
		const rows = await t.db.select().from(table.question);
		expect(rows).toHaveLength(18);
		// No legal basis in GIFT: drafts flagged for completion, whatever status was asked for.
		expect(rows.every((q) => q.status === 'draft' && q.tags.includes(NEEDS_LEGAL_BASIS_TAG))).toBe(
			true
		);
		expect(rows.every((q) => q.topic === '执法质量提升' && q.difficulty === 2)).toBe(true);
		const types = rows.reduce<Record<string, number>>(
			(acc, q) => ({ ...acc, [q.type]: (acc[q.type] ?? 0) + 1 }),
			{}
		);
		expect(types).toEqual({ single: 10, multiple: 1, truefalse: 2, fill: 5 });
		const all = await commitImport(
			t.db,
			parsed,
			{ ...options, importDuplicates: true },
			national,
			null
		);
		expect(all.imported).toBe(32);
	});

	it('requires a topic and a difficulty for the file when questions name none', async () => {
		const parsed = await parseQuestionFile(source(), 'moodle-examples.gift.txt');
		const check = await checkImport(t.db, parsed, { status: 'draft', skipUnsupported: true }, null);
		expect(check.blocked).toBe(true);
		expect(check.problems.filter((p) => p.position === 0).map((p) => [p.code, p.params])).toEqual([
			['bankio_gift_topic_required', { count: 32 }],
			['bankio_gift_difficulty_required', { count: 32 }]
		]);
	});

	it('takes topic, difficulty and legal basis from $CATEGORY and comments when given', async () => {
		const gift = [
			'$CATEGORY: $course$/top/重点专项行动/固体废物与危险废物',
			'',
			'// 法律依据：《中华人民共和国固体废物污染环境防治法》第一百一十二条',
			'// 难度：4',
			'// 标签：危险废物',
			'::hw1::未经许可从事危险废物经营活动的，可以由生态环境主管部门责令改正。{T}'
		].join('\n');
		const parsed = await parseQuestionFile(utf8(gift), 'hw.gift');
		const { imported } = await commitImport(t.db, parsed, { status: 'in_review' }, liaoning, null);
		expect(imported).toBe(1);
		const [q] = await t.db.select().from(table.question);
		expect(q).toMatchObject({
			status: 'in_review',
			topic: '重点专项行动',
			subtopic: '固体废物与危险废物',
			difficulty: 4,
			tags: ['危险废物'],
			unitId: liaoning.unitId
		});
		const [v] = await t.db
			.select()
			.from(table.questionVersion)
			.where(eq(table.questionVersion.questionId, q.id));
		expect(v.legalBasis).toBe('《中华人民共和国固体废物污染环境防治法》第一百一十二条');
	});
});

describe('duplicates', () => {
	const file = () => utf8(bankJson(QUESTIONS.slice(0, 2)));

	it('are flagged and left out, against the bank and within the file', async () => {
		await commitImport(
			t.db,
			await parseQuestionFile(file(), 'a.json'),
			{ status: 'draft' },
			national,
			null
		);
		const twice = utf8(
			bankJson([QUESTIONS[2], QUESTIONS[0], { ...QUESTIONS[2], stem: ` ${QUESTIONS[2].stem}。` }])
		);
		const parsed = await parseQuestionFile(twice, 'b.json');
		const check = await checkImport(t.db, parsed, { status: 'draft' }, null);
		expect(check.problems.map((p) => [p.position, p.code, p.params])).toEqual([
			[2, 'bankio_duplicate_existing', undefined],
			[3, 'bankio_duplicate_question', { first: 1 }]
		]);
		expect(check.ready.map((q) => q.position)).toEqual([1]);
		expect(check.blocked).toBe(false);
	});

	it('are looked for in what the importing unit can see: its subtree and the national bank', async () => {
		const xinjiang = (await getUnitByCode(t.db, '650000'))!;
		await commitImport(
			t.db,
			await parseQuestionFile(file(), 'a.json'),
			{ status: 'draft' },
			{ unitId: xinjiang.id, authorId: null },
			null
		);
		const parsed = await parseQuestionFile(file(), 'a.json');
		const liaoningPath = (await getUnitByCode(t.db, '210000'))!.path;
		expect((await checkImport(t.db, parsed, { status: 'draft' }, liaoningPath)).duplicates).toBe(0);
		await commitImport(t.db, parsed, { status: 'draft' }, national, liaoningPath);
		expect((await checkImport(t.db, parsed, { status: 'draft' }, liaoningPath)).duplicates).toBe(2);
	});
});

describe('limits', () => {
	it('refuses more than 10000 questions and files over 10 MB before checking any question', async () => {
		const rows = Array.from({ length: 10_001 }, (_, i) =>
			inputToRow({ ...QUESTIONS[2], stem: `题 ${i}` })
		);
		await expect(parseQuestionFile(csvOf(rows), 'big.csv')).rejects.toMatchObject({
			code: 'bankio_too_many',
			params: { max: 10_000, count: 10_001 }
		});
		await expect(
			parseQuestionFile(new Uint8Array(10 * 1024 * 1024 + 1), 'huge.json')
		).rejects.toMatchObject({
			code: 'import_file_too_large'
		});
	});

	it('imports 2000 questions in one go', async () => {
		const many = Array.from({ length: 2000 }, (_, i) => ({
			...QUESTIONS[i % 5],
			stem: `${QUESTIONS[i % 5].stem}（${i}）`
		}));
		const parsed = await parseQuestionFile(utf8(bankJson(many)), 'many.json');
		const { imported } = await commitImport(t.db, parsed, { status: 'draft' }, national, null);
		expect(imported).toBe(2000);
		const [{ n }] = await t.db
			.select({ n: count() })
			.from(table.question)
			.where(isNotNull(table.question.currentVersionId));
		expect(n).toBe(2000);
	});
});
