// The lossless JSON format, also used by the starter bank:
// { format: 'lianbing-bank', version: 1, questions: [...] }. Each question carries every field
// of its current version plus status, jurisdiction, the owner's unit code and, in backups,
// its earlier versions (`history`, oldest first).
import { questionStatuses, type QuestionStatus } from '../../db/schema/bank';
import { DomainError } from '../../errors';
import type { QuestionInput } from '../question-input';
import { checkQuestionCount } from './table';
import type { HistoryVersion, ImportItem, ItemProblem } from './types';

export const JSON_FORMAT = 'lianbing-bank';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function readDate(value: unknown): Date | undefined {
	const date = typeof value === 'string' ? new Date(value) : undefined;
	return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** Reads the fields of one question or version; wrong JSON types become problems. */
function readInput(raw: Json, problems: ItemProblem[]): QuestionInput {
	const text = (field: keyof QuestionInput, fallback = '') => {
		const value = raw[field];
		if (value === undefined || value === null) return fallback;
		if (typeof value === 'string') return value;
		problems.push({ field, code: 'bankio_json_field_type', params: { field } });
		return fallback;
	};
	const list = (field: keyof QuestionInput) => {
		const value = raw[field];
		if (value === undefined || value === null) return [];
		if (isStringArray(value)) return value;
		problems.push({ field, code: 'bankio_json_field_type', params: { field } });
		return [];
	};
	const answer = raw.answer;
	const answerOk =
		typeof answer === 'string' || typeof answer === 'boolean' || isStringArray(answer);
	if (!answerOk)
		problems.push({ field: 'answer', code: 'bankio_json_field_type', params: { field: 'answer' } });
	return {
		type: text('type') as QuestionInput['type'],
		stem: text('stem'),
		options: list('options'),
		answer: answerOk ? (answer as QuestionInput['answer']) : '',
		explanation: text('explanation'),
		legalBasis: text('legalBasis'),
		topic: text('topic'),
		subtopic: text('subtopic'),
		difficulty: typeof raw.difficulty === 'number' ? raw.difficulty : NaN,
		tags: list('tags'),
		jurisdiction: text('jurisdiction', 'national'),
		sourceFacts: list('sourceFacts')
	};
}

function readQuestion(raw: unknown, position: number): ImportItem {
	const problems: ItemProblem[] = [];
	if (!isObject(raw)) {
		return { position, problems: [{ code: 'bankio_json_not_object' }], notes: [] };
	}
	const input = readInput(raw, problems);
	if (raw.status !== undefined) {
		if ((questionStatuses as readonly unknown[]).includes(raw.status)) {
			input.status = raw.status as QuestionStatus;
		} else {
			problems.push({
				field: 'status',
				code: 'bankio_status_invalid',
				params: { value: String(raw.status) }
			});
		}
	}
	let history: HistoryVersion[] | undefined;
	if (Array.isArray(raw.history)) {
		history = raw.history.filter(isObject).map((v) => ({
			input: readInput(v, problems),
			createdAt: readDate(v.createdAt),
			publishedAt: readDate(v.publishedAt)
		}));
		if (history.length !== raw.history.length) {
			problems.push({
				field: 'history',
				code: 'bankio_json_field_type',
				params: { field: 'history' }
			});
		}
	}
	const unitCode = typeof raw.unit === 'string' ? raw.unit : undefined;
	return { position, input, problems, notes: [], history, unitCode };
}

export function readJsonItems(text: string): ImportItem[] {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new DomainError('bankio_json_invalid');
	}
	return readBankJson(data);
}

/** Items of an already parsed question file (the starter bank is imported as modules). */
export function readBankJson(data: unknown): ImportItem[] {
	if (!isObject(data) || data.format !== JSON_FORMAT || !Array.isArray(data.questions)) {
		throw new DomainError('bankio_json_format');
	}
	if (data.version !== 1)
		throw new DomainError('bankio_json_version', { version: String(data.version) });
	checkQuestionCount(data.questions.length);
	return data.questions.map((q, i) => readQuestion(q, i + 1));
}

export interface ExportVersion {
	input: QuestionInput;
	version: number;
	createdAt: Date;
	publishedAt: Date | null;
}

export interface ExportQuestion extends ExportVersion {
	status: QuestionStatus;
	unitCode: string;
	history: ExportVersion[];
}

function versionJson(v: ExportVersion) {
	const q = v.input;
	return {
		type: q.type,
		stem: q.stem,
		options: q.options,
		answer: q.answer,
		explanation: q.explanation,
		legalBasis: q.legalBasis,
		topic: q.topic,
		subtopic: q.subtopic,
		difficulty: q.difficulty,
		tags: q.tags,
		jurisdiction: q.jurisdiction,
		sourceFacts: q.sourceFacts ?? [],
		version: v.version,
		createdAt: v.createdAt.toISOString(),
		publishedAt: v.publishedAt?.toISOString() ?? null
	};
}

export function writeJson(questions: ExportQuestion[], exportedAt = new Date()): string {
	const body = {
		format: JSON_FORMAT,
		version: 1,
		exportedAt: exportedAt.toISOString(),
		questions: questions.map((q) => ({
			...versionJson(q),
			status: q.status,
			unit: q.unitCode,
			history: q.history.map(versionJson)
		}))
	};
	return `${JSON.stringify(body, null, '\t')}\n`;
}
