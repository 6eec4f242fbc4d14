// Shared by the bank-*.test.ts files: a valid question to vary per test.
import type { QuestionInput } from '../../src/lib/server/bank/question-input';

export function sample(over: Partial<QuestionInput> = {}): QuestionInput {
	return {
		type: 'single',
		stem: '对拒不改正的违法排污行为，可以实施哪种处罚？',
		options: ['按日连续处罚', '警告', '通报批评', '约谈'],
		answer: 'A',
		explanation: '环境保护法第五十九条规定按日连续处罚。',
		legalBasis: '《中华人民共和国环境保护法》第五十九条',
		topic: '执法质量提升',
		subtopic: '按日连续处罚',
		difficulty: 3,
		tags: ['按日计罚'],
		jurisdiction: 'national',
		...over
	};
}
