import { describe, expect, it } from 'vitest';
import type { QuestionInput } from '../question-input';
import { checkItems, duplicateKey } from './check';
import { NEEDS_LEGAL_BASIS_TAG, type ImportItem, type ParsedFile } from './types';

const question = (over: Partial<QuestionInput> = {}): QuestionInput => ({
	type: 'truefalse',
	stem: '违法排放污染物造成严重污染的，可以查封造成污染物排放的设施。',
	options: [],
	answer: '对',
	explanation: '',
	legalBasis: '《中华人民共和国环境保护法》第二十五条',
	topic: '执法质量提升',
	subtopic: '',
	difficulty: 2,
	tags: [],
	jurisdiction: 'national',
	...over
});
const item = (position: number, over: Partial<ImportItem> = {}): ImportItem => ({
	position,
	input: question(),
	problems: [],
	notes: [],
	...over
});
const file = (format: ParsedFile['format'], items: ImportItem[]): ParsedFile => ({ format, items });

describe('checkItems', () => {
	it('cleans valid questions and gives them the chosen status, or the file’s', () => {
		const check = checkItems(
			file('json', [item(1, { input: question({ status: 'published' }) })]),
			{ status: 'in_review' },
			new Set()
		);
		expect(check).toMatchObject({
			blocked: false,
			problems: [],
			ready: [{ position: 1, status: 'in_review', input: { answer: true } }]
		});
		expect(
			checkItems(
				file('json', [item(1, { input: question({ status: 'published' }) })]),
				{ status: 'file' },
				new Set()
			).ready[0].status
		).toBe('published');
	});

	it('blocks on any invalid question and lists every problem with its position', () => {
		const check = checkItems(
			file('csv', [item(2), item(3, { input: question({ stem: '', difficulty: 9 }) })]),
			{ status: 'draft' },
			new Set()
		);
		expect(check.blocked).toBe(true);
		expect(check.invalid).toBe(1);
		expect(check.problems.map((p) => [p.position, p.field, p.code])).toEqual([
			[3, 'stem', 'q_stem_required'],
			[3, 'difficulty', 'q_difficulty_invalid']
		]);
	});

	it('blocks on unsupported kinds unless told to skip them', () => {
		const items = [
			item(1),
			item(2, { input: undefined, unsupported: { code: 'bankio_gift_numerical' } })
		];
		expect(checkItems(file('gift', items), { status: 'draft' }, new Set()).blocked).toBe(true);
		const skipped = checkItems(
			file('gift', items),
			{ status: 'draft', skipUnsupported: true },
			new Set()
		);
		expect(skipped).toMatchObject({ blocked: false, unsupported: 1, ready: [{ position: 1 }] });
	});

	it('applies GIFT defaults, asks once for missing ones, and drafts questions without a legal basis', () => {
		const gift = { needsTopic: true, needsDifficulty: true, legalBasisOptional: true };
		const items = [
			item(1, { ...gift, input: question({ topic: '', difficulty: NaN, legalBasis: '' }) })
		];
		const missing = checkItems(file('gift', items), { status: 'in_review' }, new Set());
		expect(missing.problems.map((p) => [p.position, p.code])).toEqual([
			[0, 'bankio_gift_topic_required'],
			[0, 'bankio_gift_difficulty_required']
		]);
		const check = checkItems(
			file('gift', items),
			{ status: 'in_review', topic: '队伍能力建设', difficulty: 1 },
			new Set()
		);
		expect(check).toMatchObject({ blocked: false, needsLegalBasis: 1 });
		expect(check.ready[0]).toMatchObject({
			status: 'draft',
			input: { topic: '队伍能力建设', difficulty: 1, tags: [NEEDS_LEGAL_BASIS_TAG] }
		});
		expect(() =>
			checkItems(file('gift', items), { status: 'draft', topic: '其他' }, new Set())
		).toThrow(expect.objectContaining({ code: 'q_topic_invalid' }));
	});

	it('flags duplicates of the bank and of earlier rows, leaving them out unless asked', () => {
		const existing = new Set([duplicateKey('truefalse', '已有的题。')]);
		const items = [
			item(2, { input: question({ stem: '已有的题' }) }),
			item(3),
			item(4, { input: question({ stem: ` ${question().stem} ` }) })
		];
		const check = checkItems(file('xlsx', items), { status: 'draft' }, existing);
		expect(check.problems.map((p) => [p.position, p.code, p.params])).toEqual([
			[2, 'bankio_duplicate_existing', undefined],
			[4, 'bankio_duplicate_row', { first: 3 }]
		]);
		expect(check.ready.map((q) => q.position)).toEqual([3]);
		expect(
			checkItems(file('xlsx', items), { status: 'draft', importDuplicates: true }, existing).ready
		).toHaveLength(3);
	});

	it('reports a field the reader refused once, not again from the validator', () => {
		const items = [
			item(2, {
				input: question({ type: 'single', options: ['甲', '乙'], answer: 'A' }),
				problems: [{ field: 'options', code: 'bankio_option_gap', params: { letter: 'B' } }]
			})
		];
		expect(
			checkItems(file('csv', items), { status: 'draft' }, new Set()).problems.map((p) => p.code)
		).toEqual(['bankio_option_gap']);
	});
});
