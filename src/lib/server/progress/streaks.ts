// Streak state and the month calendar, read from activity_day and duty_day.
import { and, between, eq, or, gte } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { chinaDayKey, daysOfMonth } from './china-time';
import { foldStreak, STREAK_MIN_ANSWERS, type DayMark, type StreakState } from './streak';

export async function loadStreak(db: Db, userId: string, now: Date): Promise<StreakState> {
	const [practice, duty] = await Promise.all([
		db
			.select({ day: table.activityDay.day })
			.from(table.activityDay)
			.where(
				and(
					eq(table.activityDay.userId, userId),
					or(
						eq(table.activityDay.dailyCompleted, true),
						gte(table.activityDay.answers, STREAK_MIN_ANSWERS)
					)
				)
			),
		db
			.select({ day: table.dutyDay.day })
			.from(table.dutyDay)
			.where(eq(table.dutyDay.userId, userId))
	]);
	return foldStreak({
		practiceDays: practice.map((r) => r.day),
		dutyDays: duty.map((r) => r.day),
		today: chinaDayKey(now)
	});
}

export interface CalendarDay {
	day: string;
	mark: DayMark | 'future' | 'none';
	today: boolean;
	answers: number;
	xp: number;
	dutyKind: table.DutyDay['kind'] | null;
}

export async function monthCalendar(
	db: Db,
	userId: string,
	month: string,
	streak: StreakState,
	now: Date
): Promise<CalendarDay[]> {
	const days = daysOfMonth(month);
	const range = between(table.activityDay.day, days[0], days.at(-1)!);
	const [activity, duty] = await Promise.all([
		db
			.select()
			.from(table.activityDay)
			.where(and(eq(table.activityDay.userId, userId), range)),
		db
			.select({ day: table.dutyDay.day, kind: table.dutyDay.kind })
			.from(table.dutyDay)
			.where(
				and(eq(table.dutyDay.userId, userId), between(table.dutyDay.day, days[0], days.at(-1)!))
			)
	]);
	const byDay = new Map(activity.map((a) => [a.day, a]));
	const dutyByDay = new Map(duty.map((d) => [d.day, d.kind]));
	const today = chinaDayKey(now);
	return days.map((day) => {
		const a = byDay.get(day);
		const mark = streak.marks.get(day);
		return {
			day,
			mark: mark ?? (day > today ? 'future' : 'none'),
			today: day === today,
			answers: a?.answers ?? 0,
			xp: a?.xp ?? 0,
			dutyKind: dutyByDay.get(day) ?? null
		};
	});
}
