// Marks a response against an answer key. Pure; the same code marks drills, exams and contests.
import type { AnswerKey, QuestionType } from '../db/schema/bank';
import { LETTERS, parseTrueFalse } from './question-input';

// Stripped at both ends only: inside an answer, punctuation can change its meaning.
const EDGE_PUNCTUATION =
	/^[。．.，,、;；:：!！?？"“”'‘’《》〈〉「」『』]+|[。．.，,、;；:：!！?？"“”'‘’《》〈〉「」『』]+$/g;

/**
 * For fill-in answers: full-width → half-width (NFKC), case, all white space and the
 * punctuation people add or omit at the ends (full stops, quotes, book-title marks) do not
 * matter.
 */
export function normaliseText(text: string): string {
	return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(EDGE_PUNCTUATION, '');
}

function normaliseLetters(text: string): string {
	return text
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[^A-H]/g, '');
}

/** A response: letters for choice and ordering types, a boolean for true/false, text for fill. */
export type Response = string | boolean;

export function isCorrect(type: QuestionType, key: AnswerKey, response: Response): boolean {
	switch (type) {
		case 'single':
			return typeof response === 'string' && normaliseLetters(response) === key;
		case 'multiple': {
			if (typeof response !== 'string') return false;
			const given = [...new Set(normaliseLetters(response))].sort().join('');
			return given === key;
		}
		case 'ordering':
			return typeof response === 'string' && normaliseLetters(response) === key;
		case 'truefalse':
			return parseTrueFalse(response) === key;
		case 'fill': {
			if (typeof response !== 'string' || !Array.isArray(key)) return false;
			const given = normaliseText(response);
			return given !== '' && key.some((accepted) => normaliseText(accepted) === given);
		}
	}
}

/** The letters a choice-type response may use, for validating payloads before marking. */
export function isWellFormedResponse(
	type: QuestionType,
	optionCount: number,
	response: unknown
): boolean {
	if (type === 'truefalse') return typeof response === 'boolean';
	if (typeof response !== 'string' || response.length > 500) return false;
	if (type === 'fill') return true;
	const allowed = LETTERS.slice(0, optionCount);
	const letters = normaliseLetters(response);
	return letters.length > 0 && [...letters].every((c) => allowed.includes(c));
}
