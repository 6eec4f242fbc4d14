import { describe, expect, it } from 'vitest';
import { questionStatuses, questionTypes, topics } from '../server/db/schema/bank';
import { QUESTION_STATUSES, QUESTION_TYPES, TOPICS, describeKey } from './question-labels';

describe('client copies of the bank unions', () => {
	it('match the schema exactly', () => {
		expect(QUESTION_TYPES).toEqual(questionTypes);
		expect(QUESTION_STATUSES).toEqual(questionStatuses);
		expect(TOPICS).toEqual(topics);
	});
});

describe('describeKey', () => {
	it('writes each kind of key as one line', () => {
		expect(describeKey('multiple', 'ACD')).toBe('ACD');
		expect(describeKey('truefalse', false)).toBe('错');
		expect(describeKey('fill', ['30日', '三十日'])).toBe('30日 / 三十日');
		expect(describeKey('truefalse', 'A')).toBe('');
	});
});
