import { describe, expect, it } from 'vitest';
import type { QuestionInput } from '../question-input';
import { readGiftItems } from './gift';
import { writeGift } from './gift-write';

const base: QuestionInput = {
	type: 'single',
	stem: '',
	options: [],
	answer: '',
	explanation: '',
	legalBasis: '《中华人民共和国环境保护法》第五十九条',
	topic: '执法质量提升',
	subtopic: '按日连续处罚',
	difficulty: 3,
	tags: ['按日计罚'],
	jurisdiction: 'national'
};

describe('writeGift', () => {
	const questions: QuestionInput[] = [
		{
			...base,
			stem: '3#排口{超标}: 怎么办?',
			options: ['责令改正', '罚款=100万', '约谈~通报'],
			answer: 'A',
			explanation: '第一行\n第二行'
		},
		{
			...base,
			type: 'multiple',
			stem: '哪些正确？',
			options: ['甲', '乙', '丙', '丁'],
			answer: 'ABD'
		},
		{
			...base,
			type: 'fill',
			stem: '罚款数额按原处罚数额按日连续处罚，计罚周期从责令改正之日的____日起算。',
			answer: ['次', '第二']
		},
		{
			...base,
			type: 'truefalse',
			stem: '按日连续处罚适用于所有违法行为。',
			answer: false,
			subtopic: ''
		},
		{ ...base, type: 'ordering', stem: '排序', options: ['a', 'b', 'c'], answer: 'CAB' }
	];

	it('writes weights Moodle accepts, the missing word in place and metadata as comments', () => {
		const { text, written, skipped } = writeGift(questions);
		expect({ written, skipped }).toEqual({ written: 4, skipped: 1 });
		expect(text).toContain('$CATEGORY: 执法质量提升/按日连续处罚');
		expect(text).toContain(
			'// 法律依据：《中华人民共和国环境保护法》第五十九条\n// 难度：3\n// 标签：按日计罚'
		);
		expect(text).toContain('3\\#排口\\{超标\\}\\: 怎么办?{');
		expect(text).toContain('~%33.33333%甲');
		expect(text).toContain('~%-100%丙');
		expect(text).toContain('之日的{\n\t=次\n\t=第二\n}日起算。');
		expect(text).toContain('####第一行\\n第二行');
	});

	it('reads back to the same questions, ordering aside', () => {
		const back = readGiftItems(writeGift(questions).text);
		expect(back.map((i) => i.problems)).toEqual([[], [], [], []]);
		expect(back.map((i) => i.input)).toEqual(questions.slice(0, 4));
	});
});
