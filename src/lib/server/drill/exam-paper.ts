// The pure rules of a mock exam paper: the deadline with its grace, per-officer option order,
// mapping the letters an officer saw back to the authored ones, marking and the topic table.
import { topics, type QuestionType } from '../db/schema/bank';
import { isWellFormedResponse, type Response } from '../bank/check-answer';
import { LETTERS, parseTrueFalse } from '../bank/question-input';

/**
 * A save or submission that reaches the server up to 5 s after the deadline still counts: it
 * covers the round trip of an answer the officer gave in the last second, and the automatic
 * submission the page sends when its countdown reaches zero.
 */
export const DEADLINE_GRACE_MS = 5_000;

export function isPastDeadline(deadlineAt: Date, now: Date): boolean {
	return now.getTime() > deadlineAt.getTime() + DEADLINE_GRACE_MS;
}

export function secondsLeft(deadlineAt: Date, now: Date): number {
	return Math.max(0, Math.ceil((deadlineAt.getTime() - now.getTime()) / 1000));
}

export const PAPER_TYPE_ORDER: readonly QuestionType[] = [
	'single',
	'multiple',
	'truefalse',
	'fill',
	'ordering'
];

// "以上都对", "A和B" …: options that point at other options must keep their place.
const REFERS_TO_OTHERS =
	/^(以上|上述|全部|都|均)|(以上|上述)(都|均|皆|全)|^[A-H]\s*[和与、,，及]\s*[A-H]/;

export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** `order[i]` is the index of the authored option shown at position i. */
export function optionOrderFor(
	type: QuestionType,
	options: readonly string[],
	random: () => number = Math.random
): number[] {
	const identity = options.map((_, i) => i);
	if (type === 'truefalse' || type === 'fill') return identity;
	if (options.some((o) => REFERS_TO_OTHERS.test(o.trim()))) return identity;
	return shuffled(identity, random);
}

function usableOrder(order: readonly number[], optionCount: number): readonly number[] {
	return order.length === optionCount ? order : Array.from({ length: optionCount }, (_, i) => i);
}

export function displayedOptions(options: readonly string[], order: readonly number[]): string[] {
	return usableOrder(order, options.length).map((i) => options[i]);
}

function lettersOf(text: string): string[] {
	return [
		...text
			.normalize('NFKC')
			.toUpperCase()
			.replace(/[^A-H]/g, '')
	];
}

function isLetterType(type: QuestionType): boolean {
	return type === 'single' || type === 'multiple' || type === 'ordering';
}

/** Displayed letters → authored letters (multiple-choice letters sorted, as keys are). */
export function toAuthored(
	type: QuestionType,
	order: readonly number[],
	optionCount: number,
	response: Response
): Response {
	if (!isLetterType(type) || typeof response !== 'string') return response;
	const o = usableOrder(order, optionCount);
	const mapped = lettersOf(response).map((l) => LETTERS[o[LETTERS.indexOf(l)]] ?? '');
	return type === 'multiple' ? [...new Set(mapped)].sort().join('') : mapped.join('');
}

/** Authored letters (a response or a key) → the letters this officer saw. */
export function toDisplayed<T extends Response | string[]>(
	type: QuestionType,
	order: readonly number[],
	optionCount: number,
	value: T
): T {
	if (!isLetterType(type) || typeof value !== 'string') return value;
	const o = usableOrder(order, optionCount);
	const mapped = lettersOf(value).map((l) => LETTERS[o.indexOf(LETTERS.indexOf(l))] ?? '');
	return (type === 'multiple' ? mapped.sort().join('') : mapped.join('')) as T;
}

/** Whether a response, in displayed letters, may be saved for a question of this shape. */
export function isSavableResponse(type: QuestionType, optionCount: number, response: unknown) {
	if (!isWellFormedResponse(type, optionCount, response)) return false;
	if (typeof response !== 'string' || !isLetterType(type)) return true;
	const letters = lettersOf(response);
	if (type === 'single') return letters.length === 1;
	if (type === 'ordering') return new Set(letters).size === letters.length;
	return true;
}

/** A form's values for one question → a response, or null when the officer left it blank. */
export function responseFromForm(type: QuestionType, values: string[]): Response | null {
	const given = values.map((v) => v.trim()).filter((v) => v !== '');
	if (given.length === 0) return null;
	if (type === 'truefalse') return parseTrueFalse(given[0]) ?? given[0];
	if (type === 'multiple') return given.join('');
	return given[0];
}

export interface PaperScore {
	correct: number;
	total: number;
	score: number;
	passed: boolean;
}

/** Every question weighs the same; the pass mark is compared exactly, never after rounding. */
export function scorePaper(correct: number, total: number, passPercent: number): PaperScore {
	const score = total === 0 ? 0 : Math.floor((correct * 100) / total);
	return { correct, total, score, passed: total > 0 && correct * 100 >= passPercent * total };
}

export interface TopicRow {
	topic: string;
	total: number;
	correct: number;
	percent: number;
}

/** Per-topic table, in the order of the five drill areas, other topics after them. */
export function topicBreakdown(items: { topic: string; correct: boolean | null }[]): TopicRow[] {
	const rows = new Map<string, TopicRow>();
	for (const item of items) {
		const row = rows.get(item.topic) ?? { topic: item.topic, total: 0, correct: 0, percent: 0 };
		row.total += 1;
		if (item.correct) row.correct += 1;
		rows.set(item.topic, row);
	}
	const rank = (t: string) => {
		const i = (topics as readonly string[]).indexOf(t);
		return i < 0 ? topics.length : i;
	};
	return [...rows.values()]
		.map((r) => ({ ...r, percent: Math.floor((r.correct * 100) / r.total) }))
		.sort((a, b) => rank(a.topic) - rank(b.topic) || a.topic.localeCompare(b.topic, 'zh-CN'));
}
