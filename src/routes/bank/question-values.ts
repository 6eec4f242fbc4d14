// The editor's form values, shared by the server (parsing, re-filling) and the browser (live
// preview). Client-safe: imports nothing from $lib/server.
import { LETTERS, type AnswerKey, type QuestionType } from '$lib/components/question-labels';

/** Every field as the form holds it: text, so a refused submission re-fills exactly. */
export interface QuestionFormValues {
	type: string;
	stem: string;
	options: string[];
	answer: string;
	explanation: string;
	legalBasis: string;
	topic: string;
	subtopic: string;
	difficulty: string;
	tags: string;
	jurisdiction: string;
}

export interface Province {
	code: string;
	nameZh: string;
	nameEn: string;
}

export const CHOICE_TYPES: readonly string[] = ['single', 'multiple', 'ordering'];

export function emptyValues(): QuestionFormValues {
	return {
		type: 'single',
		stem: '',
		options: ['', '', '', ''],
		answer: '',
		explanation: '',
		legalBasis: '',
		topic: '',
		subtopic: '',
		difficulty: '3',
		tags: '',
		jurisdiction: 'national'
	};
}

function letters(text: string): string {
	return text
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[^A-H]/g, '');
}

const TRUE_WORDS = ['对', '正确', 'true'];
const FALSE_WORDS = ['错', '错误', 'false'];

/** The key as the preview should reveal it, or undefined while the answer is still unreadable. */
export function previewKey(
	type: string,
	answer: string,
	optionCount: number
): AnswerKey | undefined {
	const text = answer.trim();
	if (type === 'truefalse') {
		if (TRUE_WORDS.includes(text)) return true;
		if (FALSE_WORDS.includes(text)) return false;
		return undefined;
	}
	if (type === 'fill') {
		const accepted = text
			.split('|')
			.map((a) => a.trim())
			.filter(Boolean);
		return accepted.length > 0 ? accepted : undefined;
	}
	const allowed = LETTERS.slice(0, optionCount);
	const chosen = [...letters(text)].filter((c) => allowed.includes(c));
	if (chosen.length === 0) return undefined;
	if (type === 'multiple') return [...new Set(chosen)].sort().join('');
	return chosen.join('');
}

/** The options a contestant would see: blanks dropped, none for true/false and fill. */
export function shownOptions(type: string, options: string[]): string[] {
	return CHOICE_TYPES.includes(type) ? options.map((o) => o.trim()).filter(Boolean) : [];
}

export function isQuestionType(type: string): type is QuestionType {
	return ['single', 'multiple', 'truefalse', 'fill', 'ordering'].includes(type);
}
