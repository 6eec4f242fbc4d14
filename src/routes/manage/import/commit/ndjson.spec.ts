import { describe, expect, it } from 'vitest';
import { progressGate } from './ndjson';

function passed(total: number, phases = ['hashing']): [string, number][] {
	const gate = progressGate();
	const out: [string, number][] = [];
	for (const phase of phases) {
		for (let done = 0; done <= total; done++) if (gate(done, total, phase)) out.push([phase, done]);
	}
	return out;
}

describe('progressGate', () => {
	it('lets about a hundred of 5000 steps through, including the first and the last', () => {
		const done = passed(5000).map(([, d]) => d);
		expect(done).toHaveLength(101);
		expect(done[0]).toBe(0);
		expect(done.at(-1)).toBe(5000);
		expect(done.every((d, i) => i === 0 || d - done[i - 1] === 50)).toBe(true);
	});

	it('lets every step of a small file through', () => {
		expect(passed(3).map(([, d]) => d)).toEqual([0, 1, 2, 3]);
	});

	it('always lets the first step of a new phase and the last of a phase through', () => {
		const gate = progressGate();
		expect(gate(0, 1000, 'hashing')).toBe(true);
		expect(gate(3, 1000, 'hashing')).toBe(false);
		expect(gate(1000, 1000, 'hashing')).toBe(true);
		expect(gate(0, 1000, 'saving')).toBe(true);
		expect(gate(1000, 1000, 'saving')).toBe(true);
	});
});
