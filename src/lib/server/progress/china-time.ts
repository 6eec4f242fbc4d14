// Every day, week and streak is counted in China time. China has kept UTC+8 all year since
// 1991, so a fixed offset is exact and needs no time-zone database.
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of the day in Asia/Shanghai that contains this instant. */
export function chinaDayKey(at: Date): string {
	return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China day begins (00:00 in Shanghai = 16:00 UTC the evening before). */
export function chinaDayStart(dayKey: string): Date {
	return new Date(Date.parse(`${dayKey}T00:00:00Z`) - OFFSET_MS);
}

export function isDayKey(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const parsed = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export function addDays(dayKey: string, days: number): string {
	return new Date(Date.parse(`${dayKey}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** 1 = Monday … 7 = Sunday, as weeks in China start on Monday. */
export function isoWeekday(dayKey: string): number {
	const d = new Date(`${dayKey}T00:00:00Z`).getUTCDay();
	return d === 0 ? 7 : d;
}

/** Day key of the Monday that starts the China week containing this instant. */
export function chinaWeekKey(at: Date): string {
	const day = chinaDayKey(at);
	return addDays(day, 1 - isoWeekday(day));
}

/** The instant the China week containing `at` began: Monday 00:00 Shanghai = Sunday 16:00 UTC. */
export function chinaWeekStart(at: Date): Date {
	return chinaDayStart(chinaWeekKey(at));
}

/** 'YYYY-MM' of the China month containing this instant. */
export function chinaMonthKey(at: Date): string {
	return chinaDayKey(at).slice(0, 7);
}

export function isMonthKey(value: string): boolean {
	return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function addMonths(monthKey: string, months: number): string {
	const [y, m] = monthKey.split('-').map(Number);
	const total = y * 12 + (m - 1) + months;
	return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Days of a month as day keys. */
export function daysOfMonth(monthKey: string): string[] {
	const first = `${monthKey}-01`;
	const next = `${addMonths(monthKey, 1)}-01`;
	const days: string[] = [];
	for (let d = first; d < next; d = addDays(d, 1)) days.push(d);
	return days;
}
