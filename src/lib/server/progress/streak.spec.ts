import { describe, expect, it } from 'vitest';
import { addDays } from './china-time';
import { foldStreak, isQualifyingDay, STREAK_MIN_ANSWERS } from './streak';

/** `n` consecutive day keys starting at `from`. */
function run(from: string, n: number): string[] {
	return Array.from({ length: n }, (_, i) => addDays(from, i));
}

describe('streak fold', () => {
	it('counts consecutive practice days and keeps the streak open until today ends', () => {
		const s = foldStreak({ practiceDays: run('2025-03-01', 3), dutyDays: [], today: '2025-03-04' });
		expect(s).toMatchObject({ current: 3, longest: 3, practisedToday: false, freezes: 0 });
		expect(s.marks.has('2025-03-04')).toBe(false);
	});

	it('breaks on a missed day when no freeze is banked', () => {
		const days = ['2025-03-01', '2025-03-02', '2025-03-04'];
		const s = foldStreak({ practiceDays: days, dutyDays: [], today: '2025-03-04' });
		expect(s.current).toBe(1);
		expect(s.longest).toBe(2);
		expect(s.marks.get('2025-03-03')).toBe('missed');
	});

	it('earns a freeze after 7 practice days and spends it on the next missed day', () => {
		const days = [...run('2025-03-01', 7), '2025-03-09'];
		const s = foldStreak({ practiceDays: days, dutyDays: [], today: '2025-03-09' });
		expect(s.marks.get('2025-03-08')).toBe('frozen');
		expect(s.current).toBe(8);
		expect(s.freezes).toBe(0);
	});

	it('banks at most two freezes', () => {
		const s = foldStreak({
			practiceDays: run('2025-01-01', 28),
			dutyDays: [],
			today: '2025-01-28'
		});
		expect(s.freezes).toBe(2);
		expect(s.nextFreezeIn).toBe(0);
		// Three missed days in a row: two are frozen, the third breaks the streak.
		const later = foldStreak({
			practiceDays: [...run('2025-01-01', 28), '2025-02-01'],
			dutyDays: [],
			today: '2025-02-01'
		});
		expect(later.marks.get('2025-01-29')).toBe('frozen');
		expect(later.marks.get('2025-01-30')).toBe('frozen');
		expect(later.marks.get('2025-01-31')).toBe('missed');
		expect(later.current).toBe(1);
		expect(later.longest).toBe(28);
	});

	it('keeps the streak through duty days without spending freezes or lengthening it', () => {
		const s = foldStreak({
			practiceDays: ['2025-03-01', '2025-03-02', '2025-03-06'],
			dutyDays: ['2025-03-03', '2025-03-04', '2025-03-05'],
			today: '2025-03-06'
		});
		expect(s.current).toBe(3);
		expect(s.marks.get('2025-03-04')).toBe('duty');
	});

	it('prefers practice over duty on the same day', () => {
		const s = foldStreak({
			practiceDays: ['2025-03-01'],
			dutyDays: ['2025-03-01'],
			today: '2025-03-01'
		});
		expect(s.marks.get('2025-03-01')).toBe('practice');
		expect(s).toMatchObject({ current: 1, practisedToday: true });
	});

	it('breaks once the banked freeze is used up, and a new streak starts from one', () => {
		const s = foldStreak({
			practiceDays: [...run('2025-03-01', 7), '2025-03-12'],
			dutyDays: [],
			today: '2025-03-12'
		});
		expect(s.marks.get('2025-03-08')).toBe('frozen');
		expect(s.marks.get('2025-03-09')).toBe('missed');
		expect(s.marks.get('2025-03-10')).toBe('missed');
		expect(s.current).toBe(1);
	});

	it('ignores practice days after today and starts empty', () => {
		expect(
			foldStreak({ practiceDays: [], dutyDays: ['2025-03-01'], today: '2025-03-02' })
		).toMatchObject({ current: 0, longest: 0, freezes: 0, nextFreezeIn: 7 });
		expect(
			foldStreak({ practiceDays: ['2025-04-01'], dutyDays: [], today: '2025-03-02' }).current
		).toBe(0);
	});

	it('qualifies a day by the daily set or enough answers', () => {
		expect(isQualifyingDay(STREAK_MIN_ANSWERS, false)).toBe(true);
		expect(isQualifyingDay(STREAK_MIN_ANSWERS - 1, false)).toBe(false);
		expect(isQualifyingDay(1, true)).toBe(true);
	});
});
