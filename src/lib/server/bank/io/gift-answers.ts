// The answer block of one GIFT question, already classified, turned into the bank's type,
// options and answer key. Partial credit has no place in the bank: what is dropped is noted.
import type { AnswerKey, QuestionType } from '../../db/schema/bank';
import { LETTERS } from '../question-input';
import type { ItemProblem } from './types';

export interface BlockResult {
	type: QuestionType;
	options: string[];
	answer: AnswerKey;
	explanation: string;
	problems: ItemProblem[];
	notes: ItemProblem[];
}

interface Answer {
	mark: '=' | '~';
	/** Percent of the mark: "=" alone is 100, "~" alone is 0. */
	weight: number;
	text: string;
	feedback: string;
}

type Clean = (text: string) => string;

/** Splits `~a#fb =%50%b …####general` into answers and the general feedback. */
function splitAnswers(
	block: string,
	clean: Clean
): { answers: Answer[]; general: string; stray: boolean } {
	const [body, ...rest] = block.split('####');
	const general = clean(rest.join(' '));
	const stray = clean(body.slice(0, body.search(/[=~]|$/))) !== '';
	const answers = [...body.matchAll(/([=~])([^=~]*)/g)].map(([, mark, raw]) => {
		const w = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(raw);
		const rest = w ? raw.slice(w[0].length) : raw;
		const hash = rest.indexOf('#');
		return {
			mark: mark as Answer['mark'],
			weight: w ? Number(w[1]) : mark === '=' ? 100 : 0,
			text: clean(hash < 0 ? rest : rest.slice(0, hash)),
			feedback: clean(hash < 0 ? '' : rest.slice(hash + 1))
		};
	});
	return { answers, general, stray };
}

function explanationOf(general: string, feedback: string[]): string {
	return [...new Set([general, ...feedback].filter(Boolean))].join('\n');
}

const result = (r: Partial<BlockResult> & Pick<BlockResult, 'type'>): BlockResult => ({
	options: [],
	answer: '',
	explanation: '',
	problems: [],
	notes: [],
	...r
});

export function readChoice(block: string, clean: Clean): BlockResult {
	const { answers, general, stray } = splitAnswers(block, clean);
	const options = answers.map((a) => a.text);
	const letters = (list: Answer[], glue = '') =>
		list.map((a) => LETTERS[answers.indexOf(a)] ?? '?').join(glue);
	const feedback = answers.filter((a) => a.feedback).map((a) => `${letters([a])}. ${a.feedback}`);
	const base = { options, explanation: explanationOf(general, feedback) };
	if (stray)
		return result({
			type: 'single',
			...base,
			problems: [{ field: 'answer', code: 'bankio_gift_unreadable' }]
		});
	const full = answers.filter((a) => a.weight >= 100);
	const partial = answers.filter((a) => a.weight > 0 && a.weight < 100);
	// Moodle's rule: a block with "=" has one right answer; without, every positive weight counts.
	if (answers.some((a) => a.mark === '=')) {
		if (full.length !== 1) {
			return result({
				type: 'single',
				...base,
				problems: [{ field: 'answer', code: 'bankio_gift_several_right' }]
			});
		}
		const notes = partial.length
			? [
					{
						field: 'answer' as const,
						code: 'bankio_gift_partial_dropped',
						params: { answers: letters(partial, '、') }
					}
				]
			: [];
		return result({ type: 'single', ...base, answer: letters(full), notes });
	}
	const positive = answers.filter((a) => a.weight > 0);
	if (positive.length === 0) {
		return result({
			type: 'single',
			...base,
			problems: [{ field: 'answer', code: 'bankio_gift_no_right_answer' }]
		});
	}
	return result({
		type: positive.length > 1 ? 'multiple' : 'single',
		...base,
		answer: letters(positive)
	});
}

export function readShortAnswer(block: string, clean: Clean): BlockResult {
	const { answers, general, stray } = splitAnswers(block, clean);
	const accepted = answers.filter((a) => a.weight >= 100);
	const dropped = answers.filter((a) => a.weight < 100);
	const explanation = explanationOf(
		general,
		accepted.map((a) => a.feedback)
	);
	const problems: ItemProblem[] = [];
	if (stray) problems.push({ field: 'answer', code: 'bankio_gift_unreadable' });
	if (accepted.length === 0)
		problems.push({ field: 'answer', code: 'bankio_gift_no_right_answer' });
	const notes = dropped.length
		? [
				{
					field: 'answer' as const,
					code: 'bankio_gift_partial_dropped',
					params: { answers: dropped.map((a) => a.text).join('、') }
				}
			]
		: [];
	return result({
		type: 'fill',
		answer: accepted.map((a) => a.text),
		explanation,
		problems,
		notes
	});
}

export function readTrueFalse(block: string, clean: Clean): BlockResult {
	const [word, ...feedback] = block.split('#');
	const key = clean(word).toUpperCase();
	const answer =
		key === 'T' || key === 'TRUE' ? true : key === 'F' || key === 'FALSE' ? false : null;
	const explanation = explanationOf(
		'',
		feedback.map(clean).filter((f) => f !== '')
	);
	if (answer === null) {
		return result({
			type: 'truefalse',
			explanation,
			problems: [{ field: 'answer', code: 'bankio_gift_unreadable' }]
		});
	}
	return result({ type: 'truefalse', answer, explanation });
}
