import { describe, expect, it } from 'vitest';
import { readJsonItems } from './json';

const file = (questions: unknown) =>
	JSON.stringify({ format: 'lianbing-bank', version: 1, questions });

describe('readJsonItems', () => {
	it('refuses files that are not a Lianbing bank of version 1', () => {
		expect(() => readJsonItems('{')).toThrow(
			expect.objectContaining({ code: 'bankio_json_invalid' })
		);
		expect(() => readJsonItems('{"questions": []}')).toThrow(
			expect.objectContaining({ code: 'bankio_json_format' })
		);
		expect(() =>
			readJsonItems(JSON.stringify({ format: 'lianbing-bank', version: 2, questions: [] }))
		).toThrow(expect.objectContaining({ code: 'bankio_json_version', params: { version: '2' } }));
		expect(() => readJsonItems(file([]))).toThrow(
			expect.objectContaining({ code: 'bankio_no_questions' })
		);
	});

	it('names fields of the wrong JSON type, an unknown status and a question that is not an object', () => {
		const items = readJsonItems(
			file([{ type: 'single', stem: 3, options: 'A', answer: 1, status: 'live' }, 'x'])
		);
		expect(items[0].problems.map((p) => [p.field, p.code])).toEqual([
			['answer', 'bankio_json_field_type'],
			['stem', 'bankio_json_field_type'],
			['options', 'bankio_json_field_type'],
			['status', 'bankio_status_invalid']
		]);
		expect(items[1]).toMatchObject({ position: 2, problems: [{ code: 'bankio_json_not_object' }] });
		expect(items[1].input).toBeUndefined();
	});

	it('reads status, owner unit and earlier versions with their dates', () => {
		const [item] = readJsonItems(
			file([
				{
					type: 'truefalse',
					stem: 's',
					answer: true,
					status: 'retired',
					unit: '210000',
					history: [
						{ type: 'truefalse', stem: 'old', answer: false, createdAt: '2024-01-02T00:00:00.000Z' }
					]
				}
			])
		);
		expect(item.input).toMatchObject({
			type: 'truefalse',
			answer: true,
			status: 'retired',
			jurisdiction: 'national',
			options: []
		});
		expect(item.unitCode).toBe('210000');
		expect(item.history).toEqual([
			{
				input: expect.objectContaining({ stem: 'old', answer: false }),
				createdAt: new Date('2024-01-02T00:00:00.000Z'),
				publishedAt: undefined
			}
		]);
	});
});
