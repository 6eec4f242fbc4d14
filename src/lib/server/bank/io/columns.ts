// The spreadsheet layout shared by the XLSX template, CSV and both exports: Chinese headers in
// a fixed order, the type words people write, and the conversion of one row to a question.
import type { QuestionType } from '../../db/schema/bank';
import { LETTERS, MAX_OPTIONS, type QuestionInput } from '../question-input';
import type { ItemProblem } from './types';

export const OPTION_HEADERS = [...LETTERS.slice(0, MAX_OPTIONS)].map((l) => `选项${l}`);

/** The template's columns, in this order. */
export const TEMPLATE_HEADERS = [
	'题型',
	'题干',
	...OPTION_HEADERS,
	'答案',
	'解析',
	'法律依据',
	'专题',
	'难度',
	'标签'
];

/** Optional columns after the template's, written by the exports so round trips keep them. */
export const EXTRA_HEADERS = ['子专题', '适用范围'];

type Column =
	| 'type'
	| 'stem'
	| 'answer'
	| 'explanation'
	| 'legalBasis'
	| 'topic'
	| 'difficulty'
	| 'tags'
	| 'subtopic'
	| 'jurisdiction';

const ALIASES: Record<Column, string[]> = {
	type: ['题型', '题目类型', 'type'],
	stem: ['题干', '题目', '试题', 'stem', 'question'],
	answer: ['答案', '正确答案', '参考答案', 'answer'],
	explanation: ['解析', '答案解析', 'explanation'],
	legalBasis: ['法律依据', '依据', 'legalbasis'],
	topic: ['专题', '所属专题', 'topic'],
	difficulty: ['难度', 'difficulty'],
	tags: ['标签', 'tags'],
	subtopic: ['子专题', '领域', 'subtopic'],
	jurisdiction: ['适用范围', 'jurisdiction']
};

const REQUIRED: Column[] = ['type', 'stem', 'answer', 'legalBasis', 'topic', 'difficulty'];

export const TYPE_WORDS: Record<QuestionType, string> = {
	single: '单选',
	multiple: '多选',
	truefalse: '判断',
	fill: '填空',
	ordering: '排序'
};

const TYPE_ALIASES: Record<string, QuestionType> = {
	单选: 'single',
	单选题: 'single',
	单项选择题: 'single',
	多选: 'multiple',
	多选题: 'multiple',
	多项选择题: 'multiple',
	判断: 'truefalse',
	判断题: 'truefalse',
	填空: 'fill',
	填空题: 'fill',
	排序: 'ordering',
	排序题: 'ordering',
	single: 'single',
	multiple: 'multiple',
	truefalse: 'truefalse',
	fill: 'fill',
	ordering: 'ordering'
};

export function parseTypeWord(word: string): QuestionType | undefined {
	return TYPE_ALIASES[word.normalize('NFKC').trim().toLowerCase()];
}

function normaliseHeader(cell: string): string {
	return cell
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\s*_-]/g, '');
}

export interface ColumnMap {
	fields: Partial<Record<Column, number>>;
	/** Index of 选项A…选项H, -1 where the file has no such column. */
	options: number[];
}

/** Finds each column by its header; `missing` lists required headers the file lacks. */
export function mapColumns(header: string[]): { map: ColumnMap; missing: string[] } {
	const names = header.map(normaliseHeader);
	const fields: ColumnMap['fields'] = {};
	const missing: string[] = [];
	for (const column of Object.keys(ALIASES) as Column[]) {
		const index = names.findIndex((n) => ALIASES[column].includes(n));
		if (index >= 0) fields[column] = index;
		else if (REQUIRED.includes(column)) missing.push(ALIASES[column][0]);
	}
	const options = [...LETTERS.slice(0, MAX_OPTIONS)].map((l) =>
		names.findIndex((n) => n === `选项${l.toLowerCase()}` || n === `option${l.toLowerCase()}`)
	);
	return { map: { fields, options }, missing };
}

export function splitTags(text: string): string[] {
	return text
		.split(/[、,，;；|\n]/)
		.map((t) => t.trim())
		.filter(Boolean);
}

/** Reads one data row; the answer stays as written and is checked with the rest later. */
export function rowToInput(
	cells: string[],
	map: ColumnMap
): { input: QuestionInput; problems: ItemProblem[] } {
	const cell = (c: Column) => {
		const i = map.fields[c];
		return i === undefined ? '' : (cells[i] ?? '').trim();
	};
	const problems: ItemProblem[] = [];
	const optionCells = map.options.map((i) => (i < 0 ? '' : (cells[i] ?? '').trim()));
	const last = optionCells.findLastIndex((o) => o !== '');
	const options = optionCells.slice(0, last + 1);
	const gap = options.findIndex((o) => o === '');
	// Skipping an empty option would shift every later letter and silently change the answer.
	if (gap >= 0)
		problems.push({
			field: 'options',
			code: 'bankio_option_gap',
			params: { letter: LETTERS[gap] }
		});
	const typeWord = cell('type');
	const type = parseTypeWord(typeWord) ?? (typeWord as QuestionType);
	const difficultyText = cell('difficulty').normalize('NFKC');
	return {
		input: {
			type,
			stem: cell('stem'),
			options,
			answer: cell('answer'),
			explanation: cell('explanation'),
			legalBasis: cell('legalBasis'),
			topic: cell('topic'),
			subtopic: cell('subtopic'),
			difficulty: difficultyText === '' ? NaN : Number(difficultyText),
			tags: splitTags(cell('tags')),
			jurisdiction: cell('jurisdiction') || 'national'
		},
		problems
	};
}

/** The answer as the template writes it: letters, 对/错, or accepted answers joined by |. */
export function formatAnswer(input: Pick<QuestionInput, 'type' | 'answer'>): string {
	if (typeof input.answer === 'boolean') return input.answer ? '对' : '错';
	if (Array.isArray(input.answer)) return input.answer.join('|');
	return input.answer;
}

/** One row in template order, plus the extra columns when `extra` is set. */
export function inputToRow(input: QuestionInput, extra = false): (string | number)[] {
	const options = OPTION_HEADERS.map((_, i) => input.options[i] ?? '');
	const row: (string | number)[] = [
		TYPE_WORDS[input.type],
		input.stem,
		...options,
		formatAnswer(input),
		input.explanation,
		input.legalBasis,
		input.topic,
		input.difficulty,
		input.tags.join('、')
	];
	return extra ? [...row, input.subtopic, input.jurisdiction] : row;
}
