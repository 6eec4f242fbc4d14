// Reading the editor form and answering its refusals. Server side only.
import { error, fail } from '@sveltejs/kit';
import type { QuestionType, QuestionVersion } from '$lib/server/db/schema/bank';
import type { InputProblem, QuestionInput } from '$lib/server/bank/question-input';
import { isQuestionInputError } from '$lib/server/bank/questions';
import { isDomainError } from '$lib/server/errors';
import { currentLocale, field } from '$lib/server/forms';
import { translateError } from '$lib/server/i18n';
import type { QuestionFormValues } from './question-values';

export function readQuestionForm(data: FormData): QuestionFormValues {
	const type = field(data, 'type');
	const answers = data.getAll('answer').filter((a): a is string => typeof a === 'string');
	return {
		type,
		stem: field(data, 'stem'),
		options: data.getAll('option').filter((o): o is string => typeof o === 'string'),
		// Multiple choice arrives as one checkbox value per letter.
		answer: type === 'multiple' ? answers.join('') : (answers[0] ?? ''),
		explanation: field(data, 'explanation'),
		legalBasis: field(data, 'legalBasis'),
		topic: field(data, 'topic'),
		subtopic: field(data, 'subtopic'),
		difficulty: field(data, 'difficulty'),
		tags: field(data, 'tags'),
		jurisdiction: field(data, 'jurisdiction')
	};
}

export function toQuestionInput(v: QuestionFormValues): QuestionInput {
	return {
		type: v.type as QuestionType,
		stem: v.stem,
		options: v.options,
		answer: v.answer,
		explanation: v.explanation,
		legalBasis: v.legalBasis,
		topic: v.topic,
		subtopic: v.subtopic,
		difficulty: Number(v.difficulty),
		tags: v.tags.split(/[,，、;；\n]+/),
		jurisdiction: v.jurisdiction
	};
}

/** A stored version as the editor's text fields. */
export function valuesFromVersion(v: QuestionVersion, jurisdiction: string): QuestionFormValues {
	let answer: string;
	if (typeof v.answer === 'boolean') answer = v.answer ? '对' : '错';
	else if (Array.isArray(v.answer)) answer = v.answer.join(' | ');
	else answer = v.answer;
	return {
		type: v.type,
		stem: v.stem,
		options: [...v.options],
		answer,
		explanation: v.explanation,
		legalBasis: v.legalBasis,
		topic: v.topic,
		subtopic: v.subtopic,
		difficulty: String(v.difficulty),
		tags: v.tags.join('，'),
		jurisdiction
	};
}

/** The first problem of each field, in the user's language. */
export function fieldErrors(problems: InputProblem[]): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const p of problems) {
		errors[p.field] ??= translateError(p.code, p.params ?? {}, currentLocale());
	}
	return errors;
}

/**
 * Answers a refused bank action: 403/404 pages for scope and missing rows, a 400 with the
 * message (and each field's problem) for anything the user can fix.
 */
export function refuse<V extends object>(e: unknown, values: V) {
	if (!isDomainError(e)) throw e;
	if (e.code === 'forbidden') error(403, { message: 'forbidden' });
	if (e.code === 'q_not_found' || e.code === 'q_report_not_found') error(404, { message: e.code });
	return fail(400, {
		code: e.code,
		message: translateError(e.code, e.params, currentLocale()),
		values,
		errors: isQuestionInputError(e) ? fieldErrors(e.problems) : ({} as Record<string, string>)
	});
}

/** Loads answer missing or out-of-scope rows with the same pages as actions. */
export function loadRefusal(e: unknown): never {
	if (isDomainError(e) && e.code === 'forbidden') error(403, { message: 'forbidden' });
	if (isDomainError(e)) error(404, { message: e.code });
	throw e;
}

export function positiveInt(value: string | null | undefined): number | undefined {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : undefined;
}
