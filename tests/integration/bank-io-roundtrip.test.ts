import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { bankJson, carried, QUESTIONS } from './bank-io-fixtures';
import { EXTRA_HEADERS, TEMPLATE_HEADERS } from '../../src/lib/server/bank/io/columns';
import { exportBank, loadExportQuestions } from '../../src/lib/server/bank/io/export';
import { commitImport, type ImportOwner } from '../../src/lib/server/bank/io/import';
import { parseQuestionFile } from '../../src/lib/server/bank/io/parse';
import type { BankFormat } from '../../src/lib/server/bank/io/types';
import { getUnitByCode } from '../../src/lib/server/org/units';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

const STATUSES = ['published', 'in_review', 'draft', 'retired', 'published'];
const HISTORY_AT = '2024-05-01T08:00:00.000Z';

async function owner(): Promise<ImportOwner> {
	const national = (await getUnitByCode(t.db, '000000'))!;
	const liaoning = (await getUnitByCode(t.db, '210000'))!;
	return {
		unitId: national.id,
		authorId: null,
		unitIdsByCode: new Map([
			['000000', national.id],
			['210000', liaoning.id]
		])
	};
}

/** The fixture bank: every type and status, one question with an earlier version, one provincial. */
async function seedBank(): Promise<void> {
	const questions = QUESTIONS.map((q, i) => ({
		...q,
		status: STATUSES[i],
		unit: q.jurisdiction === 'national' ? '000000' : '210000',
		history:
			i === 0
				? [{ ...q, explanation: '旧版解析', createdAt: HISTORY_AT, publishedAt: HISTORY_AT }]
				: []
	}));
	const parsed = await parseQuestionFile(new TextEncoder().encode(bankJson(questions)), 'b.json');
	const result = await commitImport(t.db, parsed, { status: 'file' }, await owner(), null);
	expect(result.imported).toBe(QUESTIONS.length);
}

beforeEach(async () => {
	await t.reset();
	await seedBank();
});

function bytes(body: string | Uint8Array): Uint8Array {
	return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}

/** Exports, empties the bank, imports the export again; returns what was exported first. */
async function roundTrip(format: BankFormat, status: 'file' | 'draft') {
	const before = await loadExportQuestions(t.db, { scope: null, status: 'all' }, true);
	const file = await exportBank(t.db, format, { scope: null, status: 'all' });
	await t.reset();
	const parsed = await parseQuestionFile(bytes(file.body), `bank.${file.extension}`);
	const { imported } = await commitImport(t.db, parsed, { status }, await owner(), null);
	const after = await loadExportQuestions(t.db, { scope: null, status: 'all' }, true);
	return { before, after, file, imported };
}

describe('round trips', () => {
	it('JSON keeps every field: status, owner, tags, source facts, jurisdiction and earlier versions', async () => {
		const { file, imported } = await roundTrip('json', 'file');
		expect(imported).toBe(QUESTIONS.length);
		const again = await exportBank(t.db, 'json', { scope: null, status: 'all' });
		// Only the moment of export and of the new current versions differ.
		const stable = (text: string | Uint8Array) => {
			const data = JSON.parse(String(text));
			delete data.exportedAt;
			for (const q of data.questions) {
				delete q.createdAt;
				delete q.publishedAt;
			}
			return data;
		};
		expect(stable(again.body)).toEqual(stable(file.body));
		const first = stable(file.body).questions;
		expect(first.map((q: { status: string }) => q.status).sort()).toEqual([...STATUSES].sort());
		const withHistory = first.find((q: { history: unknown[] }) => q.history.length > 0);
		expect(withHistory).toMatchObject({
			version: 2,
			sourceFacts: ['F01'],
			history: [
				{ version: 1, explanation: '旧版解析', createdAt: HISTORY_AT, publishedAt: HISTORY_AT }
			]
		});
		expect(first.find((q: { jurisdiction: string }) => q.jurisdiction === '210000').unit).toBe(
			'210000'
		);
	});

	it.each(['xlsx', 'csv'] as const)('%s keeps every column of every type', async (format) => {
		const { before, after, imported } = await roundTrip(format, 'draft');
		expect(imported).toBe(QUESTIONS.length);
		expect(after.map((q) => carried(q.input))).toEqual(before.map((q) => carried(q.input)));
		expect(after.every((q) => q.status === 'draft')).toBe(true);
	});

	it('XLSX export uses the template columns in order, then the optional ones', async () => {
		const file = await exportBank(t.db, 'xlsx', { scope: null, status: 'all' });
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((file.body as Uint8Array<ArrayBuffer>).buffer);
		const header = (workbook.worksheets[0].getRow(1).values as unknown[]).slice(1);
		expect(header).toEqual([...TEMPLATE_HEADERS, ...EXTRA_HEADERS]);
	});

	it('GIFT keeps what GIFT can hold, metadata included, and leaves out ordering questions', async () => {
		const { before, after, file, imported } = await roundTrip('gift', 'draft');
		expect(file).toMatchObject({ count: QUESTIONS.length - 1, skipped: 1 });
		expect(imported).toBe(QUESTIONS.length - 1);
		const kept = before.filter((q) => q.input.type !== 'ordering');
		expect(after.map((q) => carried(q.input))).toEqual(kept.map((q) => carried(q.input)));
		expect(String(file.body)).toContain('1\\#排放口');
	});
});
