// The import check: every item validated with the editor's own rules, GIFT defaults applied,
// duplicates flagged. Pure, so the preview, the commit, the CLI and the tests agree.
import { topics, type QuestionStatus } from '../../db/schema/bank';
import { DomainError } from '../../errors';
import { normaliseText } from '../check-answer';
import { validateQuestionInput, type InputProblem, type QuestionInput } from '../question-input';
import { cleanQuestionInput, isQuestionInputError } from '../questions';
import {
	NEEDS_LEGAL_BASIS_TAG,
	type BankFormat,
	type HistoryVersion,
	type ImportItem,
	type ItemProblem,
	type ParsedFile,
	type StatusChoice
} from './types';

export interface ImportOptions {
	status: StatusChoice;
	/** File-wide defaults for GIFT questions, which carry no topic or difficulty. */
	topic?: string;
	difficulty?: number;
	/** Leave out the questions of kinds the bank cannot hold instead of refusing the file. */
	skipUnsupported?: boolean;
	/** Import questions whose stem is already in the bank or earlier in the file. */
	importDuplicates?: boolean;
}

/** error: blocks the import; unsupported: blocks unless skipped; duplicate: left out unless
 * asked for; note: imported, but something was dropped. */
export type Severity = 'error' | 'unsupported' | 'duplicate' | 'note';

export interface CheckedProblem extends ItemProblem {
	/** 0 for problems of the whole file. */
	position: number;
	line?: number;
	title?: string;
	severity: Severity;
}

export interface PreparedQuestion {
	position: number;
	input: QuestionInput;
	status: QuestionStatus;
	history: HistoryVersion[];
	unitCode?: string;
}

export interface ImportCheck {
	format: BankFormat;
	total: number;
	ready: PreparedQuestion[];
	problems: CheckedProblem[];
	invalid: number;
	unsupported: number;
	duplicates: number;
	needsLegalBasis: number;
	blocked: boolean;
}

/** Same type and the same stem up to spacing, width and end punctuation. */
export function duplicateKey(type: string, stem: string): string {
	return `${type}:${normaliseText(stem)}`;
}

/** The cleaned question (even when it has problems) and the editor's complaints about it. */
function validate(input: QuestionInput): { value: QuestionInput; problems: InputProblem[] } {
	const { value } = validateQuestionInput(input);
	try {
		cleanQuestionInput(input);
		return { value, problems: [] };
	} catch (e) {
		if (isQuestionInputError(e)) return { value, problems: e.problems };
		throw e;
	}
}

function withDefaults(item: ImportItem, options: ImportOptions): QuestionInput {
	const input = { ...item.input! };
	if (item.needsTopic && options.topic) input.topic = options.topic;
	if (item.needsDifficulty && options.difficulty) input.difficulty = options.difficulty;
	return input;
}

/** Problems a file-wide default will answer are reported once for the file, not per question. */
function relevant(item: ImportItem, p: InputProblem, value: QuestionInput | undefined): boolean {
	if (p.code === 'q_legal_basis_required') return !item.legalBasisOptional;
	if (p.field === 'topic' && item.needsTopic && !value?.topic) return false;
	if (p.field === 'difficulty' && item.needsDifficulty && Number.isNaN(value?.difficulty))
		return false;
	return true;
}

export function checkItems(
	parsed: ParsedFile,
	options: ImportOptions,
	existing: Set<string>
): ImportCheck {
	if (options.topic && !(topics as readonly string[]).includes(options.topic)) {
		throw new DomainError('q_topic_invalid', { topics: topics.join('、') });
	}
	const problems: CheckedProblem[] = [];
	const ready: PreparedQuestion[] = [];
	const firstSeen = new Map<string, number>();
	const counts = { invalid: 0, unsupported: 0, duplicates: 0, needsLegalBasis: 0 };
	const missing = { topic: 0, difficulty: 0 };
	const inFileCode = parsed.format === 'xlsx' || parsed.format === 'csv' ? 'row' : 'question';
	for (const item of parsed.items) {
		const at = { position: item.position, line: item.line, title: item.title };
		const add = (severity: Severity, p: ItemProblem) => problems.push({ ...at, ...p, severity });
		if (item.unsupported) {
			counts.unsupported++;
			add('unsupported', item.unsupported);
			continue;
		}
		const input = item.input ? withDefaults(item, options) : undefined;
		const checked = input ? validate(input) : undefined;
		const history = (item.history ?? []).map((h) => ({ ...h, checked: validate(h.input) }));
		if (item.needsTopic && !input?.topic) missing.topic++;
		if (item.needsDifficulty && Number.isNaN(input?.difficulty)) missing.difficulty++;
		// A field the reader already refused (e.g. a gap between options) is reported once.
		const refused = new Set(item.problems.map((p) => p.field));
		const errors: ItemProblem[] = [
			...item.problems,
			...(checked?.problems ?? []).filter((p) => !refused.has(p.field) && relevant(item, p, input)),
			...history.flatMap((h) =>
				h.checked.problems.map((p) => ({ ...p, field: 'history' as const }))
			)
		];
		if (errors.length > 0 || !checked) {
			if (errors.length > 0) counts.invalid++;
			errors.forEach((p) => add('error', p));
			continue;
		}
		item.notes.forEach((p) => add('note', p));
		const value = checked.value;
		const key = duplicateKey(value.type, value.stem);
		const first = firstSeen.get(key);
		const duplicate = existing.has(key) || first !== undefined;
		if (existing.has(key)) add('duplicate', { field: 'stem', code: 'bankio_duplicate_existing' });
		else if (first !== undefined) {
			add('duplicate', {
				field: 'stem',
				code: `bankio_duplicate_${inFileCode}`,
				params: { first }
			});
		} else firstSeen.set(key, item.position);
		if (duplicate) counts.duplicates++;
		if (duplicate && !options.importDuplicates) continue;
		const needsLegalBasis = !!item.legalBasisOptional && value.legalBasis === '';
		if (needsLegalBasis) {
			counts.needsLegalBasis++;
			value.tags = [...value.tags, NEEDS_LEGAL_BASIS_TAG];
		}
		const status = options.status === 'file' ? (value.status ?? 'draft') : options.status;
		ready.push({
			position: item.position,
			input: value,
			// A question without a legal basis cannot be reviewed, let alone published.
			status: needsLegalBasis ? 'draft' : status,
			history: history.map(({ input, createdAt, publishedAt, checked }) => ({
				input: checked.value,
				createdAt,
				publishedAt
			})),
			unitCode: item.unitCode
		});
	}
	if (missing.topic > 0) {
		problems.push({
			position: 0,
			severity: 'error',
			field: 'topic',
			code: 'bankio_gift_topic_required',
			params: { count: missing.topic }
		});
	}
	if (missing.difficulty > 0) {
		problems.push({
			position: 0,
			severity: 'error',
			field: 'difficulty',
			code: 'bankio_gift_difficulty_required',
			params: { count: missing.difficulty }
		});
	}
	problems.sort((a, b) => a.position - b.position);
	const blocked =
		problems.some((p) => p.severity === 'error') ||
		(counts.unsupported > 0 && !options.skipUnsupported);
	return { format: parsed.format, total: parsed.items.length, ready, problems, ...counts, blocked };
}
