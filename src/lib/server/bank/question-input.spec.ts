import { describe, expect, it } from 'vitest';
import { parseTrueFalse, validateQuestionInput, type QuestionInput } from './question-input';

function input(over: Partial<QuestionInput> = {}): QuestionInput {
	return {
		type: 'single',
		stem: '排污单位应当依法申请取得什么？',
		options: ['排污许可证', '营业执照', '卫生许可证', '安全生产许可证'],
		answer: 'A',
		explanation: '依法实行排污许可管理。',
		legalBasis: '《中华人民共和国环境保护法》第四十五条',
		topic: '执法质量提升',
		subtopic: '排污许可',
		difficulty: 2,
		tags: ['排污许可'],
		jurisdiction: 'national',
		...over
	};
}

function codes(raw: QuestionInput) {
	return validateQuestionInput(raw).problems.map((p) => `${p.field}:${p.code}`);
}

describe('parseTrueFalse', () => {
	it.each([
		['对', true],
		['正确', true],
		['是', true],
		['√', true],
		['TRUE', true],
		['ｙｅｓ', true],
		[true, true],
		['错', false],
		['错误', false],
		['否', false],
		['×', false],
		['False', false],
		['Ｎ', false],
		[false, false]
	])('reads %j as %s', (raw, expected) => {
		expect(parseTrueFalse(raw)).toBe(expected);
	});

	it.each(['', '对的', '不对', 'unknown', null, undefined, 1])('cannot read %j', (raw) => {
		expect(parseTrueFalse(raw)).toBeNull();
	});
});

describe('validateQuestionInput: cleaning', () => {
	it('accepts a complete single-choice question without problems', () => {
		expect(codes(input())).toEqual([]);
	});

	it('trims text, drops empty options, removes duplicate tags and defaults the jurisdiction', () => {
		const { value, problems } = validateQuestionInput(
			input({
				stem: '  题干  ',
				options: [' 甲 ', '', '乙', '  ', '丙'],
				answer: 'c',
				tags: [' 大气 ', '大气', '', '执法'],
				jurisdiction: '  '
			})
		);
		expect(problems).toEqual([]);
		expect(value.stem).toBe('题干');
		expect(value.options).toEqual(['甲', '乙', '丙']);
		expect(value.answer).toBe('C');
		expect(value.tags).toEqual(['大气', '执法']);
		expect(value.jurisdiction).toBe('national');
	});

	it('reports every problem at once, each on its field', () => {
		const result = codes(
			input({ stem: ' ', legalBasis: '', topic: '其他', difficulty: 6, answer: 'E' })
		);
		expect(result).toEqual([
			'stem:q_stem_required',
			'legalBasis:q_legal_basis_required',
			'topic:q_topic_invalid',
			'difficulty:q_difficulty_invalid',
			'answer:q_answer_letters'
		]);
	});

	it.each([0, 6, 2.5, Number.NaN])('refuses difficulty %s', (difficulty) => {
		expect(codes(input({ difficulty }))).toEqual(['difficulty:q_difficulty_invalid']);
	});

	it('takes a stem of 2000 characters but not 2001', () => {
		expect(codes(input({ stem: '字'.repeat(2000) }))).toEqual([]);
		expect(codes(input({ stem: '字'.repeat(2001) }))).toEqual(['stem:q_stem_too_long']);
	});

	it('refuses an unknown type and more than eight options', () => {
		expect(codes(input({ type: 'essay' as QuestionInput['type'] }))).toEqual([
			'type:q_type_invalid'
		]);
		const nine = Array.from({ length: 9 }, (_, i) => `选项${i}`);
		expect(codes(input({ options: nine }))).toContain('options:q_too_many_options');
	});
});

describe('validateQuestionInput: single choice', () => {
	it('needs two options', () => {
		expect(codes(input({ options: ['唯一'] }))).toEqual(['options:q_options_too_few']);
	});

	it.each(['ｂ', ' b ', 'B'])('normalises the answer %j to B', (answer) => {
		expect(validateQuestionInput(input({ answer })).value.answer).toBe('B');
	});

	it('refuses two letters, a letter beyond the options and an empty answer', () => {
		expect(codes(input({ answer: 'AB' }))).toEqual(['answer:q_answer_single']);
		const beyond = validateQuestionInput(input({ answer: 'E' })).problems[0];
		expect(beyond).toEqual({ field: 'answer', code: 'q_answer_letters', params: { max: 'D' } });
		expect(codes(input({ answer: '' }))).toEqual(['answer:q_answer_letters']);
	});
});

describe('validateQuestionInput: multiple choice', () => {
	const multiple = (answer: string, options = ['甲', '乙', '丙', '丁']) =>
		input({ type: 'multiple', answer, options });

	it.each(['DCA', 'a,c,d', 'A、C、D', 'ＡＣＤ', 'a c d'])('stores %j as ACD', (answer) => {
		const { value, problems } = validateQuestionInput(multiple(answer));
		expect(problems).toEqual([]);
		expect(value.answer).toBe('ACD');
	});

	it('needs three options and at least two distinct letters', () => {
		expect(codes(multiple('AB', ['甲', '乙']))).toEqual(['options:q_options_too_few']);
		expect(codes(multiple('A'))).toEqual(['answer:q_answer_multiple']);
		expect(codes(multiple('AAC'))).toEqual(['answer:q_answer_letters']);
		expect(codes(multiple('AZ'))).toEqual(['answer:q_answer_letters']);
	});
});

describe('validateQuestionInput: true/false', () => {
	const tf = (answer: QuestionInput['answer']) =>
		input({ type: 'truefalse', answer, options: ['对', '错'] });

	it.each([
		['对', true],
		['错', false],
		['正确', true],
		['错误', false],
		[true, true],
		[false, false],
		['√', true],
		['×', false]
	])('stores %j as %s and drops the options', (answer, expected) => {
		const { value, problems } = validateQuestionInput(tf(answer));
		expect(problems).toEqual([]);
		expect(value.answer).toBe(expected);
		expect(value.options).toEqual([]);
	});

	it('refuses an answer it cannot read', () => {
		expect(codes(tf('也许'))).toEqual(['answer:q_answer_truefalse']);
	});
});

describe('validateQuestionInput: fill in the blank', () => {
	const fill = (answer: QuestionInput['answer']) =>
		input({ type: 'fill', stem: '限期____日内改正。', answer, options: ['x'] });

	it('splits accepted answers on | and drops blanks and repeats', () => {
		const { value, problems } = validateQuestionInput(fill(' 30日 | 三十日 || 30日 '));
		expect(problems).toEqual([]);
		expect(value.answer).toEqual(['30日', '三十日']);
		expect(value.options).toEqual([]);
	});

	it('takes a list of accepted answers as is, trimmed', () => {
		expect(validateQuestionInput(fill([' 30日', '30天'])).value.answer).toEqual(['30日', '30天']);
	});

	it('keeps punctuation inside accepted answers', () => {
		expect(validateQuestionInput(fill('查封、扣押')).value.answer).toEqual(['查封、扣押']);
	});

	it('needs at least one accepted answer', () => {
		expect(codes(fill(' | '))).toEqual(['answer:q_answer_fill']);
		expect(codes(fill([]))).toEqual(['answer:q_answer_fill']);
	});
});

describe('validateQuestionInput: ordering', () => {
	const ordering = (answer: string, options = ['立案', '调查取证', '告知', '决定']) =>
		input({ type: 'ordering', answer, options });

	it.each(['adcb', 'A,D,C,B', 'Ａ Ｄ Ｃ Ｂ'])('keeps the order of %j', (answer) => {
		const { value, problems } = validateQuestionInput(ordering(answer));
		expect(problems).toEqual([]);
		expect(value.answer).toBe('ADCB');
	});

	it('needs three steps and every letter exactly once', () => {
		expect(codes(ordering('AB', ['甲', '乙']))).toEqual(['options:q_options_too_few']);
		expect(codes(ordering('ABC'))).toEqual(['answer:q_answer_ordering']);
		expect(codes(ordering('ABCC'))).toEqual(['answer:q_answer_ordering']);
		expect(codes(ordering('ABCE'))).toEqual(['answer:q_answer_ordering']);
	});
});
