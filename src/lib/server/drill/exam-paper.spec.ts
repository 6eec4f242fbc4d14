import { describe, expect, it } from 'vitest';
import { isCorrect } from '../bank/check-answer';
import {
	DEADLINE_GRACE_MS,
	displayedOptions,
	isPastDeadline,
	isSavableResponse,
	optionOrderFor,
	responseFromForm,
	scorePaper,
	secondsLeft,
	toAuthored,
	toDisplayed,
	topicBreakdown
} from './exam-paper';

const deadline = new Date('2025-03-01T02:00:00Z');
const at = (ms: number) => new Date(deadline.getTime() + ms);

describe('deadline', () => {
	it('accepts up to the grace after the deadline and refuses after it', () => {
		expect(isPastDeadline(deadline, at(-1000))).toBe(false);
		expect(isPastDeadline(deadline, at(DEADLINE_GRACE_MS))).toBe(false);
		expect(isPastDeadline(deadline, at(DEADLINE_GRACE_MS + 1))).toBe(true);
	});

	it('counts whole seconds left and never below zero', () => {
		expect(secondsLeft(deadline, at(-61_500))).toBe(62);
		expect(secondsLeft(deadline, at(3000))).toBe(0);
	});
});

describe('option order', () => {
	// A fixed "random" that always swaps with the first slot, so the order is known.
	const first = () => 0;

	it('shuffles choice options and leaves true/false and fill alone', () => {
		expect(optionOrderFor('single', ['a', 'b', 'c', 'd'], first)).toEqual([1, 2, 3, 0]);
		expect(optionOrderFor('truefalse', [], first)).toEqual([]);
		expect(optionOrderFor('fill', [], first)).toEqual([]);
	});

	it('keeps the authored order when an option points at the others', () => {
		expect(optionOrderFor('single', ['甲', '乙', '以上都对'], first)).toEqual([0, 1, 2]);
		expect(optionOrderFor('multiple', ['甲', '乙', 'A和B'], first)).toEqual([0, 1, 2]);
		expect(optionOrderFor('single', ['二万元以上二十万元以下', '十万元'], first)).toEqual([1, 0]);
	});

	it('shows options in the stored order', () => {
		expect(displayedOptions(['a', 'b', 'c'], [2, 0, 1])).toEqual(['c', 'a', 'b']);
		expect(displayedOptions(['a', 'b'], [])).toEqual(['a', 'b']);
	});
});

describe('mapping letters', () => {
	const order = [2, 0, 3, 1]; // shown A=authored C, B=A, C=D, D=B

	it.each([
		['single', 'A', 'C'],
		['multiple', 'DB', 'AB'],
		['ordering', 'BDAC', 'ABCD']
	] as const)('%s: displayed %s is authored %s, and back', (type, shown, authored) => {
		expect(toAuthored(type, order, 4, shown)).toBe(authored);
		const back = toDisplayed(type, order, 4, authored);
		expect(type === 'multiple' ? [...back].sort().join('') : back).toBe(
			type === 'multiple' ? [...shown].sort().join('') : shown
		);
	});

	it('marks a shuffled answer against the authored key', () => {
		expect(isCorrect('multiple', 'AB', toAuthored('multiple', order, 4, 'BD'))).toBe(true);
		expect(isCorrect('single', 'C', toAuthored('single', order, 4, 'C'))).toBe(false);
	});

	it('leaves true/false and fill responses and fill keys unchanged', () => {
		expect(toAuthored('truefalse', [], 0, true)).toBe(true);
		expect(toDisplayed('fill', [], 0, ['三十日'])).toEqual(['三十日']);
	});
});

describe('responses', () => {
	it.each([
		['single', 4, 'B', true],
		['single', 4, 'AB', false],
		['single', 4, 'E', false],
		['multiple', 4, 'ACD', true],
		['ordering', 4, 'DCBA', true],
		['ordering', 4, 'DDBA', false],
		['truefalse', 0, false, true],
		['truefalse', 0, 'false', false],
		['fill', 0, '三十日', true]
	] as const)('%s with %s options: %s savable is %s', (type, n, response, ok) => {
		expect(isSavableResponse(type, n, response)).toBe(ok);
	});

	it('reads form values', () => {
		expect(responseFromForm('multiple', ['A', 'C'])).toBe('AC');
		expect(responseFromForm('truefalse', ['false'])).toBe(false);
		expect(responseFromForm('single', [''])).toBeNull();
		expect(responseFromForm('fill', [' 三十日 '])).toBe('三十日');
	});
});

describe('score', () => {
	it('passes at the mark exactly and not a hair below', () => {
		expect(scorePaper(30, 50, 60)).toEqual({ correct: 30, total: 50, score: 60, passed: true });
		expect(scorePaper(29, 50, 60)).toMatchObject({ score: 58, passed: false });
		expect(scorePaper(2, 3, 67)).toMatchObject({ score: 66, passed: false });
		expect(scorePaper(0, 0, 60)).toMatchObject({ score: 0, passed: false });
	});

	it('breaks results down by topic in the drill areas order', () => {
		expect(
			topicBreakdown([
				{ topic: '队伍能力建设', correct: true },
				{ topic: '大气监督帮扶', correct: false },
				{ topic: '大气监督帮扶', correct: true },
				{ topic: '大气监督帮扶', correct: null }
			])
		).toEqual([
			{ topic: '大气监督帮扶', total: 3, correct: 1, percent: 33 },
			{ topic: '队伍能力建设', total: 1, correct: 1, percent: 100 }
		]);
	});
});
