import { describe, expect, it } from 'vitest';
import { isCorrect, isWellFormedResponse, normaliseText } from './check-answer';

describe('normaliseText (fill-in answers)', () => {
	it.each([
		['full-width digits', '３０日', '30日'],
		['full-width letters and case', 'ＰＭ２．５', 'pm2.5'],
		['upper case', 'COD', 'cod'],
		['spaces, tabs, ideographic spaces inside and around', ' 按日　连续\t处罚 ', '按日连续处罚'],
		['a trailing full stop', '查封、扣押。', '查封、扣押'],
		['a trailing full-width comma and exclamation', '十日，！', '十日'],
		['quotes around the answer', '“三同时”', '三同时'],
		['book-title marks around a law name', '《大气污染防治法》', '大气污染防治法'],
		['ASCII punctuation at both ends', '...yes?', 'yes']
	])('ignores %s', (_, raw, expected) => {
		expect(normaliseText(raw)).toBe(expected);
	});

	it('keeps punctuation inside an answer, where it carries meaning', () => {
		expect(normaliseText('查封、扣押')).toBe('查封、扣押');
		expect(normaliseText('查封、扣押')).not.toBe(normaliseText('查封扣押'));
		expect(normaliseText('2.5')).not.toBe(normaliseText('25'));
	});

	it('turns an answer of only punctuation or spaces into the empty string', () => {
		expect(normaliseText('  。 ')).toBe('');
	});
});

describe('isCorrect: single choice', () => {
	it.each(['B', 'b', 'Ｂ', ' b ', 'B.', '（B）'])('accepts %j for key B', (response) => {
		expect(isCorrect('single', 'B', response)).toBe(true);
	});

	it.each(['A', 'AB', '', 'Z', 'ｃ'])('refuses %j for key B', (response) => {
		expect(isCorrect('single', 'B', response)).toBe(false);
	});

	it('refuses a boolean response', () => {
		expect(isCorrect('single', 'B', true)).toBe(false);
	});
});

describe('isCorrect: multiple choice', () => {
	it.each(['ACD', 'dca', 'A,C,D', 'a、c、d', 'ＡＣＤ', 'A C D', 'acdd'])(
		'accepts %j for key ACD (any order, separators, width, repeats)',
		(response) => {
			expect(isCorrect('multiple', 'ACD', response)).toBe(true);
		}
	);

	it.each(['AC', 'ACDE', 'ABCD', 'B', ''])(
		'refuses %j for key ACD (all or nothing)',
		(response) => {
			expect(isCorrect('multiple', 'ACD', response)).toBe(false);
		}
	);

	it('refuses a boolean response', () => {
		expect(isCorrect('multiple', 'ACD', false)).toBe(false);
	});
});

describe('isCorrect: true/false', () => {
	it.each([true, '对', '正确', '是', 'true', 'TRUE', 'T', 'yes', 'Y', '√', '✓', ' 对 ', 'Ａ', 'a'])(
		'reads %j as true',
		(response) => {
			expect(isCorrect('truefalse', true, response)).toBe(true);
			expect(isCorrect('truefalse', false, response)).toBe(false);
		}
	);

	it.each([false, '错', '错误', '否', 'false', 'F', 'no', 'N', '×', '✗', 'Ｂ', 'b'])(
		'reads %j as false',
		(response) => {
			expect(isCorrect('truefalse', false, response)).toBe(true);
			expect(isCorrect('truefalse', true, response)).toBe(false);
		}
	);

	it.each(['', '不知道', 'maybe', '对错'])('marks the unreadable %j wrong for either key', (r) => {
		expect(isCorrect('truefalse', true, r)).toBe(false);
		expect(isCorrect('truefalse', false, r)).toBe(false);
	});
});

describe('isCorrect: fill in the blank', () => {
	const key = ['30日', '三十日', '30天'];

	it.each(['30日', '３０日', '30 日', '三十日。', '30天', ' 30天！'])('accepts %j', (response) => {
		expect(isCorrect('fill', key, response)).toBe(true);
	});

	it.each(['3日', '30', '三十天', '', '   ', '。'])('refuses %j', (response) => {
		expect(isCorrect('fill', key, response)).toBe(false);
	});

	it('compares letters without case and width', () => {
		expect(isCorrect('fill', ['PM2.5'], 'ｐｍ２．５')).toBe(true);
		expect(isCorrect('fill', ['VOCs'], 'vocs')).toBe(true);
	});

	it('normalises the key too, so an accepted answer stored with punctuation still matches', () => {
		expect(isCorrect('fill', ['《环境保护法》'], '环境保护法')).toBe(true);
		expect(isCorrect('fill', ['“双随机、一公开”'], '双随机、一公开')).toBe(true);
		expect(isCorrect('fill', ['“双随机、一公开”'], '双随机一公开')).toBe(false);
	});

	it('refuses a non-string response and a key that is not a list', () => {
		expect(isCorrect('fill', key, true)).toBe(false);
		expect(isCorrect('fill', '30日', '30日')).toBe(false);
	});
});

describe('isCorrect: ordering', () => {
	it.each(['CADB', 'cadb', 'C A D B', 'C,A,D,B', 'Ｃ→Ａ→Ｄ→Ｂ'])('accepts %j', (response) => {
		expect(isCorrect('ordering', 'CADB', response)).toBe(true);
	});

	it.each(['ABCD', 'CABD', 'CAD', 'CADBB', ''])('refuses %j (order matters)', (response) => {
		expect(isCorrect('ordering', 'CADB', response)).toBe(false);
	});
});

describe('isWellFormedResponse', () => {
	it('wants a boolean for true/false', () => {
		expect(isWellFormedResponse('truefalse', 0, true)).toBe(true);
		expect(isWellFormedResponse('truefalse', 0, '对')).toBe(false);
	});

	it('accepts any string of reasonable length for fill', () => {
		expect(isWellFormedResponse('fill', 0, '三十日')).toBe(true);
		expect(isWellFormedResponse('fill', 0, 'x'.repeat(501))).toBe(false);
		expect(isWellFormedResponse('fill', 0, 30)).toBe(false);
	});

	it('accepts only letters of existing options for choice and ordering types', () => {
		expect(isWellFormedResponse('single', 4, 'd')).toBe(true);
		expect(isWellFormedResponse('single', 4, 'E')).toBe(false);
		expect(isWellFormedResponse('multiple', 5, 'A,E')).toBe(true);
		expect(isWellFormedResponse('ordering', 3, 'CAB')).toBe(true);
		expect(isWellFormedResponse('multiple', 4, '')).toBe(false);
		expect(isWellFormedResponse('single', 4, true)).toBe(false);
	});
});
