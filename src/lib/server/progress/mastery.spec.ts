import { describe, expect, it } from 'vitest';
import { masteryScore } from './mastery';

describe('mastery score', () => {
	it('blends recall across the whole area with accuracy', () => {
		// Half the area remembered perfectly, 80 % accuracy: 0.7 × 0.5 + 0.3 × 0.8 = 0.59.
		expect(masteryScore({ questions: 20, memory: 10, answers: 50, correct: 40 }, true)).toBe(59);
		expect(masteryScore({ questions: 20, memory: 20, answers: 10, correct: 10 }, true)).toBe(100);
	});

	it('counts unseen questions as forgotten, so a few right answers are not mastery', () => {
		expect(masteryScore({ questions: 100, memory: 3, answers: 3, correct: 3 }, true)).toBe(32);
	});

	it('falls back to accuracy weighted by coverage without review cards', () => {
		expect(masteryScore({ questions: 40, memory: 0, answers: 20, correct: 18 }, false)).toBe(45);
		expect(masteryScore({ questions: 40, memory: 0, answers: 80, correct: 72 }, false)).toBe(90);
	});

	it('is 0 for an area without questions or answers', () => {
		expect(masteryScore({ questions: 0, memory: 0, answers: 5, correct: 5 }, true)).toBe(0);
		expect(masteryScore({ questions: 10, memory: 0, answers: 0, correct: 0 }, true)).toBe(0);
	});
});
