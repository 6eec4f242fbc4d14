import { describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	chinaDayKey,
	chinaDayStart,
	chinaMonthKey,
	chinaWeekKey,
	chinaWeekStart,
	daysBetween,
	daysOfMonth,
	isDayKey,
	isoWeekday
} from './china-time';

describe('China day keys', () => {
	it.each([
		['2025-03-09T15:59:59.999Z', '2025-03-09'],
		['2025-03-09T16:00:00.000Z', '2025-03-10'],
		['2024-12-31T16:00:00.000Z', '2025-01-01'],
		['2024-02-28T16:30:00.000Z', '2024-02-29']
	])('%s is %s in Shanghai', (iso, day) => {
		expect(chinaDayKey(new Date(iso))).toBe(day);
	});

	it('starts a day at 16:00 UTC the evening before', () => {
		expect(chinaDayStart('2025-03-10').toISOString()).toBe('2025-03-09T16:00:00.000Z');
		expect(chinaDayKey(chinaDayStart('2025-03-10'))).toBe('2025-03-10');
	});

	it('adds days across month and leap-year ends', () => {
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
		expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
		expect(daysBetween('2024-02-27', '2024-03-02')).toBe(4);
		expect(daysBetween('2024-03-02', '2024-02-27')).toBe(-4);
	});

	it('accepts only real calendar days', () => {
		expect(isDayKey('2024-02-29')).toBe(true);
		expect(isDayKey('2025-02-29')).toBe(false);
		expect(isDayKey('2025-1-01')).toBe(false);
		expect(isDayKey('')).toBe(false);
	});
});

describe('China weeks', () => {
	it('numbers weekdays from Monday', () => {
		expect(isoWeekday('2025-03-10')).toBe(1);
		expect(isoWeekday('2025-03-16')).toBe(7);
	});

	it('starts the week at Monday 00:00 Shanghai, i.e. Sunday 16:00 UTC', () => {
		// Sunday 15:59 UTC is still Sunday evening in China: the week began the Monday before.
		expect(chinaWeekKey(new Date('2025-03-16T15:59:59Z'))).toBe('2025-03-10');
		expect(chinaWeekKey(new Date('2025-03-16T16:00:00Z'))).toBe('2025-03-17');
		expect(chinaWeekStart(new Date('2025-03-19T08:00:00Z')).toISOString()).toBe(
			'2025-03-16T16:00:00.000Z'
		);
	});

	it('keeps a Monday before 08:00 UTC in the same week (already Monday in China)', () => {
		expect(chinaWeekKey(new Date('2025-03-17T00:30:00Z'))).toBe('2025-03-17');
	});
});

describe('China months', () => {
	it('follows the China date at the month boundary', () => {
		expect(chinaMonthKey(new Date('2025-03-31T16:00:00Z'))).toBe('2025-04');
	});

	it('steps months across years', () => {
		expect(addMonths('2025-12', 1)).toBe('2026-01');
		expect(addMonths('2025-01', -1)).toBe('2024-12');
	});

	it('lists the days of a month', () => {
		expect(daysOfMonth('2024-02')).toHaveLength(29);
		expect(daysOfMonth('2025-02').at(-1)).toBe('2025-02-28');
	});
});
