// The shape of a question as authored, imported or exported, and its validation. Pure: used by
// the editor, every importer, the CLI and the starter bank loader alike.
import {
	questionTypes,
	topics,
	type AnswerKey,
	type QuestionStatus,
	type QuestionType
} from '../db/schema/bank';

export const MAX_OPTIONS = 8;
export const LETTERS = 'ABCDEFGH';

export interface QuestionInput {
	type: QuestionType;
	stem: string;
	options: string[];
	answer: AnswerKey;
	explanation: string;
	legalBasis: string;
	topic: string;
	subtopic: string;
	difficulty: number;
	tags: string[];
	jurisdiction: string;
	status?: QuestionStatus;
	sourceFacts?: string[];
}

/** A problem with one field; `code` names the message `err_<code>`. */
export interface InputProblem {
	field: keyof QuestionInput;
	code: string;
	params?: Record<string, string | number>;
}

const TF_TRUE = new Set(['对', '正确', '是', 'true', 't', 'yes', 'y', '√', '✓', 'a']);
const TF_FALSE = new Set(['错', '错误', '否', 'false', 'f', 'no', 'n', '×', '✗', 'b']);

/** Reads a true/false answer written as 对/错, true/false, √/×, …; null when unreadable. */
export function parseTrueFalse(raw: unknown): boolean | null {
	if (typeof raw === 'boolean') return raw;
	const text = String(raw ?? '')
		.normalize('NFKC')
		.trim()
		.toLowerCase();
	if (TF_TRUE.has(text)) return true;
	if (TF_FALSE.has(text)) return false;
	return null;
}

function letterIndexes(answer: string): number[] {
	return [
		...answer
			.normalize('NFKC')
			.toUpperCase()
			.replace(/[\s,，、]/g, '')
	].map((c) => LETTERS.indexOf(c));
}

/** Cleans an input (trims, sorts multiple-choice letters) and lists every problem. */
export function validateQuestionInput(raw: QuestionInput): {
	value: QuestionInput;
	problems: InputProblem[];
} {
	const problems: InputProblem[] = [];
	const value: QuestionInput = {
		...raw,
		stem: (raw.stem ?? '').trim(),
		options: (raw.options ?? []).map((o) => String(o).trim()).filter((o) => o !== ''),
		explanation: (raw.explanation ?? '').trim(),
		legalBasis: (raw.legalBasis ?? '').trim(),
		topic: (raw.topic ?? '').trim(),
		subtopic: (raw.subtopic ?? '').trim(),
		tags: [...new Set((raw.tags ?? []).map((t) => t.trim()).filter(Boolean))],
		jurisdiction: (raw.jurisdiction ?? 'national').trim() || 'national',
		sourceFacts: raw.sourceFacts ?? []
	};
	if (!questionTypes.includes(value.type)) problems.push({ field: 'type', code: 'q_type_invalid' });
	if (!value.stem) problems.push({ field: 'stem', code: 'q_stem_required' });
	if (value.stem.length > 2000) problems.push({ field: 'stem', code: 'q_stem_too_long' });
	if (!value.legalBasis) problems.push({ field: 'legalBasis', code: 'q_legal_basis_required' });
	if (!(topics as readonly string[]).includes(value.topic)) {
		problems.push({
			field: 'topic',
			code: 'q_topic_invalid',
			params: { topics: topics.join('、') }
		});
	}
	if (!Number.isInteger(value.difficulty) || value.difficulty < 1 || value.difficulty > 5) {
		problems.push({ field: 'difficulty', code: 'q_difficulty_invalid' });
	}
	if (value.options.length > MAX_OPTIONS)
		problems.push({ field: 'options', code: 'q_too_many_options' });
	if (questionTypes.includes(value.type)) checkAnswer(value, problems);
	return { value, problems };
}

function checkAnswer(value: QuestionInput, problems: InputProblem[]): void {
	const n = value.options.length;
	switch (value.type) {
		case 'single':
		case 'multiple': {
			const min = value.type === 'single' ? 2 : 3;
			if (n < min)
				return void problems.push({ field: 'options', code: 'q_options_too_few', params: { min } });
			const idx = letterIndexes(String(value.answer ?? ''));
			const distinct = new Set(idx);
			const wantOne = value.type === 'single';
			if (idx.length === 0 || idx.some((i) => i < 0 || i >= n) || distinct.size !== idx.length) {
				return void problems.push({
					field: 'answer',
					code: 'q_answer_letters',
					params: { max: LETTERS[n - 1] }
				});
			}
			if (wantOne ? idx.length !== 1 : idx.length < 2) {
				return void problems.push({
					field: 'answer',
					code: wantOne ? 'q_answer_single' : 'q_answer_multiple'
				});
			}
			value.answer = [...idx]
				.sort()
				.map((i) => LETTERS[i])
				.join('');
			return;
		}
		case 'truefalse': {
			const tf = parseTrueFalse(value.answer);
			if (tf === null) return void problems.push({ field: 'answer', code: 'q_answer_truefalse' });
			value.answer = tf;
			value.options = [];
			return;
		}
		case 'fill': {
			const list = Array.isArray(value.answer)
				? value.answer
				: String(value.answer ?? '').split('|');
			const accepted = [...new Set(list.map((a) => String(a).trim()).filter(Boolean))];
			if (accepted.length === 0)
				return void problems.push({ field: 'answer', code: 'q_answer_fill' });
			value.answer = accepted;
			value.options = [];
			return;
		}
		case 'ordering': {
			if (n < 3)
				return void problems.push({
					field: 'options',
					code: 'q_options_too_few',
					params: { min: 3 }
				});
			const idx = letterIndexes(String(value.answer ?? ''));
			const complete =
				idx.length === n && new Set(idx).size === n && idx.every((i) => i >= 0 && i < n);
			if (!complete)
				return void problems.push({ field: 'answer', code: 'q_answer_ordering', params: { n } });
			value.answer = idx.map((i) => LETTERS[i]).join('');
		}
	}
}
