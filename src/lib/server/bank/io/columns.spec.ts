import { describe, expect, it } from 'vitest';
import {
	formatAnswer,
	inputToRow,
	mapColumns,
	parseTypeWord,
	rowToInput,
	TEMPLATE_HEADERS
} from './columns';

describe('mapColumns', () => {
	it('finds the template columns, English aliases and the optional ones in any order', () => {
		const { map, missing } = mapColumns([
			'Stem',
			'题型',
			'答案',
			'法律依据',
			'专题',
			'难度*',
			'选项B',
			'选项A',
			'子专题'
		]);
		expect(missing).toEqual([]);
		expect(map.fields).toMatchObject({
			stem: 0,
			type: 1,
			answer: 2,
			legalBasis: 3,
			topic: 4,
			difficulty: 5,
			subtopic: 8
		});
		expect(map.options.slice(0, 3)).toEqual([7, 6, -1]);
	});

	it('names the required columns a file lacks', () => {
		expect(mapColumns(['题型', '题干']).missing).toEqual(['答案', '法律依据', '专题', '难度']);
	});
});

describe('rowToInput', () => {
	const { map } = mapColumns(TEMPLATE_HEADERS);
	const row = (over: Record<string, string>) => TEMPLATE_HEADERS.map((h) => over[h] ?? '');

	it('reads the type word, options up to the last filled one, difficulty and tags', () => {
		const { input, problems } = rowToInput(
			row({
				题型: '多选题',
				题干: ' 题 ',
				选项A: '甲',
				选项B: '乙',
				选项C: '丙',
				答案: 'AC',
				难度: '３',
				标签: '甲、乙，丙'
			}),
			map
		);
		expect(problems).toEqual([]);
		expect(input).toMatchObject({
			type: 'multiple',
			stem: '题',
			options: ['甲', '乙', '丙'],
			answer: 'AC',
			difficulty: 3,
			tags: ['甲', '乙', '丙'],
			jurisdiction: 'national'
		});
	});

	it('refuses a gap between options instead of shifting the letters', () => {
		const { problems } = rowToInput(row({ 题型: '单选', 选项A: '甲', 选项C: '丙' }), map);
		expect(problems).toEqual([
			{ field: 'options', code: 'bankio_option_gap', params: { letter: 'B' } }
		]);
	});

	it('leaves an unknown type and an empty difficulty for the validator to name', () => {
		const { input } = rowToInput(row({ 题型: '问答' }), map);
		expect(input.type).toBe('问答');
		expect(input.difficulty).toBeNaN();
	});
});

describe('writing rows', () => {
	it('uses 对/错 and | in answers, and the type words of the template', () => {
		expect(parseTypeWord('判断题')).toBe('truefalse');
		expect(formatAnswer({ type: 'truefalse', answer: false })).toBe('错');
		expect(formatAnswer({ type: 'fill', answer: ['30日', '三十日'] })).toBe('30日|三十日');
		const r = inputToRow(
			{
				type: 'ordering',
				stem: 's',
				options: ['a', 'b', 'c'],
				answer: 'CAB',
				explanation: '',
				legalBasis: 'l',
				topic: 't',
				subtopic: 'st',
				difficulty: 2,
				tags: ['x', 'y'],
				jurisdiction: '210000'
			},
			true
		);
		expect(r).toEqual([
			'排序',
			's',
			'a',
			'b',
			'c',
			'',
			'',
			'',
			'',
			'',
			'CAB',
			'',
			'l',
			't',
			2,
			'x、y',
			'st',
			'210000'
		]);
	});
});
