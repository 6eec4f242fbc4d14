// Exporting the bank: the questions a scope may see, current versions for XLSX/CSV/GIFT and
// every version for the lossless JSON backup.
import { and, asc, eq, inArray, isNull, like, ne, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import * as table from '../../db/schema';
import type { QuestionStatus } from '../../db/schema/bank';
import type { QuestionInput } from '../question-input';
import { escapeLike } from '../scope';
import { writeCsv } from './csv';
import { writeGift } from './gift-write';
import { writeJson, type ExportQuestion, type ExportVersion } from './json';
import type { BankFormat } from './types';
import { writeXlsx } from './xlsx';

export interface ExportFilter {
	/** A unit path: its subtree plus the national unit's questions; null exports everything. */
	scope: string | null;
	/** One status, or every status but retired ('active'), or all ('all'). */
	status: QuestionStatus | 'active' | 'all';
}

function where(filter: ExportFilter): SQL | undefined {
	const conditions: SQL[] = [];
	if (filter.scope !== null) {
		conditions.push(
			or(like(table.unit.path, `${escapeLike(filter.scope)}%`), isNull(table.unit.parentId))!
		);
	}
	if (filter.status === 'active') conditions.push(ne(table.question.status, 'retired'));
	else if (filter.status !== 'all') conditions.push(eq(table.question.status, filter.status));
	return and(...conditions);
}

function toInput(v: table.QuestionVersion, q: table.Question): QuestionInput {
	return {
		type: v.type,
		stem: v.stem,
		options: v.options,
		answer: v.answer,
		explanation: v.explanation,
		legalBasis: v.legalBasis,
		topic: v.topic,
		subtopic: v.subtopic,
		difficulty: v.difficulty,
		tags: v.tags,
		jurisdiction: q.jurisdiction,
		status: q.status,
		sourceFacts: v.sourceFacts
	};
}

const CHUNK = 1000;

/** Every version of the questions, oldest first, for the JSON backup. */
async function loadVersions(db: Db, ids: number[]): Promise<Map<number, table.QuestionVersion[]>> {
	const byQuestion = new Map<number, table.QuestionVersion[]>();
	for (let i = 0; i < ids.length; i += CHUNK) {
		const rows = await db
			.select()
			.from(table.questionVersion)
			.where(inArray(table.questionVersion.questionId, ids.slice(i, i + CHUNK)))
			.orderBy(asc(table.questionVersion.questionId), asc(table.questionVersion.version));
		for (const r of rows)
			byQuestion.set(r.questionId, [...(byQuestion.get(r.questionId) ?? []), r]);
	}
	return byQuestion;
}

export async function loadExportQuestions(
	db: Db,
	filter: ExportFilter,
	withHistory: boolean
): Promise<ExportQuestion[]> {
	const rows = await db
		.select({ question: table.question, version: table.questionVersion, unitCode: table.unit.code })
		.from(table.question)
		.innerJoin(table.unit, eq(table.unit.id, table.question.unitId))
		.innerJoin(table.questionVersion, eq(table.questionVersion.id, table.question.currentVersionId))
		.where(where(filter))
		.orderBy(asc(table.question.topic), asc(table.question.subtopic), asc(table.question.id));
	const versions = withHistory
		? await loadVersions(
				db,
				rows.map((r) => r.question.id)
			)
		: new Map();
	return rows.map(({ question: q, version: v, unitCode }) => {
		const asExport = (x: table.QuestionVersion): ExportVersion => ({
			input: toInput(x, q),
			version: x.version,
			createdAt: x.createdAt,
			publishedAt: x.publishedAt
		});
		const older = (versions.get(q.id) ?? []).filter(
			(x: table.QuestionVersion) => x.version < v.version
		);
		return { ...asExport(v), status: q.status, unitCode, history: older.map(asExport) };
	});
}

export interface ExportFile {
	body: string | Uint8Array<ArrayBuffer>;
	count: number;
	/** Questions the format cannot hold (ordering questions in GIFT). */
	skipped: number;
	extension: string;
	contentType: string;
}

export async function exportBank(
	db: Db,
	format: BankFormat,
	filter: ExportFilter
): Promise<ExportFile> {
	const questions = await loadExportQuestions(db, filter, format === 'json');
	const inputs = questions.map((q) => q.input);
	switch (format) {
		case 'json':
			return {
				body: writeJson(questions),
				count: questions.length,
				skipped: 0,
				extension: 'json',
				contentType: 'application/json; charset=utf-8'
			};
		case 'xlsx':
			return {
				body: await writeXlsx(inputs),
				count: inputs.length,
				skipped: 0,
				extension: 'xlsx',
				contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
			};
		case 'csv':
			return {
				body: writeCsv(inputs),
				count: inputs.length,
				skipped: 0,
				extension: 'csv',
				contentType: 'text/csv; charset=utf-8'
			};
		case 'gift': {
			const { text, written, skipped } = writeGift(inputs);
			return {
				body: text,
				count: written,
				skipped,
				extension: 'gift.txt',
				contentType: 'text/plain; charset=utf-8'
			};
		}
	}
}
