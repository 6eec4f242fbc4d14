import { describe, expect, it } from 'vitest';
import { field, safeNextPath } from './forms';

describe('safeNextPath', () => {
	it.each([
		['/account', '/account'],
		['/manage?page=2', '/manage?page=2'],
		['//evil.example/x', '/'],
		['/\\evil.example', '/'],
		['https://evil.example', '/'],
		['javascript:alert(1)', '/'],
		['', '/'],
		[null, '/']
	])('%s → %s', (input, expected) => {
		expect(safeNextPath(input)).toBe(expected);
	});
});

describe('field', () => {
	it('reads text and treats files and missing fields as empty', () => {
		const data = new FormData();
		data.set('name', '张三');
		data.set('upload', new Blob(['x']), 'x.txt');
		expect(field(data, 'name')).toBe('张三');
		expect(field(data, 'upload')).toBe('');
		expect(field(data, 'missing')).toBe('');
	});
});
