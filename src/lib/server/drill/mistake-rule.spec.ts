import { describe, expect, it } from 'vitest';
import { chinaDay, nextMistakeState, type MistakeState } from './mistake-rule';

// China days begin at 16:00 UTC the evening before.
const at = (iso: string) => new Date(iso);

function play(answers: [boolean, string][]): MistakeState | undefined {
	let state: MistakeState | undefined;
	for (const [correct, iso] of answers)
		state = nextMistakeState(state, { correct, at: at(iso) }) ?? state;
	return state;
}

describe('china day', () => {
	it('turns at 16:00 UTC', () => {
		expect(chinaDay(at('2025-03-01T15:59:59Z'))).toBe('2025-03-01');
		expect(chinaDay(at('2025-03-01T16:00:00Z'))).toBe('2025-03-02');
	});
});

describe('mistakes notebook rule', () => {
	it('ignores right answers to questions that are not in the notebook', () => {
		expect(
			nextMistakeState(undefined, { correct: true, at: at('2025-03-01T01:00:00Z') })
		).toBeNull();
	});

	it('clears after right answers on three distinct later China days', () => {
		const state = play([
			[false, '2025-03-01T01:00:00Z'],
			[true, '2025-03-01T15:00:00Z'], // same China day as the mistake: does not count
			[true, '2025-03-01T16:30:00Z'], // 03-02 in China
			[true, '2025-03-02T10:00:00Z'], // still 03-02: counted once
			[true, '2025-03-02T16:00:00Z'] // 03-03
		]);
		expect(state).toMatchObject({ rightDays: 2, lastRightDay: '2025-03-03', clearedAt: null });
		const cleared = nextMistakeState(state, { correct: true, at: at('2025-03-05T00:00:00Z') });
		expect(cleared).toMatchObject({ rightDays: 3, clearedAt: at('2025-03-05T00:00:00Z') });
	});

	it('starts the count again after another wrong answer, and reopens a cleared entry', () => {
		const state = play([
			[false, '2025-03-01T01:00:00Z'],
			[true, '2025-03-02T01:00:00Z'],
			[true, '2025-03-03T01:00:00Z'],
			[false, '2025-03-03T02:00:00Z'],
			[true, '2025-03-03T03:00:00Z']
		]);
		expect(state).toMatchObject({ rightDays: 0, wrongCount: 2, lastRightDay: null });
		const cleared: MistakeState = {
			...state!,
			rightDays: 3,
			clearedAt: at('2025-03-09T00:00:00Z')
		};
		expect(nextMistakeState(cleared, { correct: true, at: at('2025-03-10T00:00:00Z') })).toBeNull();
		expect(
			nextMistakeState(cleared, { correct: false, at: at('2025-03-10T00:00:00Z') })
		).toMatchObject({ rightDays: 0, wrongCount: 3, clearedAt: null });
	});
});
