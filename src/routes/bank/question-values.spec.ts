import { describe, expect, it } from 'vitest';
import { previewKey, shownOptions } from './question-values';

describe('previewKey (editor preview)', () => {
	it('reads letters for choice types, within the options given', () => {
		expect(previewKey('single', 'ｂ', 4)).toBe('B');
		expect(previewKey('multiple', 'd, a, a', 4)).toBe('AD');
		expect(previewKey('ordering', 'c a b', 3)).toBe('CAB');
		expect(previewKey('single', 'E', 4)).toBeUndefined();
		expect(previewKey('single', '', 4)).toBeUndefined();
	});

	it('reads 对/错 for true/false and nothing else', () => {
		expect(previewKey('truefalse', '对', 0)).toBe(true);
		expect(previewKey('truefalse', '错误', 0)).toBe(false);
		expect(previewKey('truefalse', '', 0)).toBeUndefined();
	});

	it('splits accepted fill answers on |', () => {
		expect(previewKey('fill', ' 30日 | 三十日 |', 0)).toEqual(['30日', '三十日']);
		expect(previewKey('fill', ' | ', 0)).toBeUndefined();
	});
});

describe('shownOptions', () => {
	it('drops blank options and shows none for true/false and fill', () => {
		expect(shownOptions('single', [' 甲 ', '', '乙'])).toEqual(['甲', '乙']);
		expect(shownOptions('fill', ['甲'])).toEqual([]);
		expect(shownOptions('truefalse', ['对', '错'])).toEqual([]);
	});
});
