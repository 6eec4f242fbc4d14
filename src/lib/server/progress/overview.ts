// Everything the "My progress" page shows, gathered for one officer at one instant.
import { and, asc, between, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { syncBadges, type BadgeView } from './badges';
import { addDays, addMonths, chinaDayKey, chinaMonthKey } from './china-time';
import { leagueStanding, type LeagueStanding } from './league-view';
import { levelFromXp, type LevelInfo } from './levels';
import { dueReviews, MASTERED, topicMastery, type TopicMastery } from './mastery';
import { dailyCap } from './rules';
import { loadStreak, monthCalendar, type CalendarDay } from './streaks';

export const ACCURACY_DAYS = 30;

export interface ProgressOverview {
	xp: number;
	level: LevelInfo;
	today: { day: string; xp: number; modes: { mode: string; xp: number; cap: number }[] };
	streak: {
		current: number;
		longest: number;
		freezes: number;
		nextFreezeIn: number;
		practisedToday: boolean;
	};
	calendar: { month: string; prev: string; next: string | null; days: CalendarDay[] };
	accuracy: { day: string; answers: number; correct: number }[];
	mastery: TopicMastery[];
	due: number | null;
	badges: BadgeView[];
	league: LeagueStanding;
}

async function recentDays(db: Db, userId: string, today: string) {
	const from = addDays(today, -(ACCURACY_DAYS - 1));
	const rows = await db
		.select()
		.from(table.activityDay)
		.where(and(eq(table.activityDay.userId, userId), between(table.activityDay.day, from, today)));
	const byDay = new Map(rows.map((r) => [r.day, r]));
	return Array.from({ length: ACCURACY_DAYS }, (_, i) => {
		const day = addDays(from, i);
		return { day, answers: byDay.get(day)?.answers ?? 0, correct: byDay.get(day)?.correct ?? 0 };
	});
}

async function todayByMode(db: Db, userId: string, day: string) {
	const rows = await db
		.select({ mode: table.xpDaily.mode, xp: table.xpDaily.xp })
		.from(table.xpDaily)
		.where(and(eq(table.xpDaily.userId, userId), eq(table.xpDaily.day, day)))
		.orderBy(asc(table.xpDaily.mode));
	return rows.map((r) => ({ ...r, cap: dailyCap(r.mode) }));
}

/** `month` is 'YYYY-MM' (China time); months after the current one show the current one. */
export async function progressOverview(
	db: Db,
	userId: string,
	now: Date,
	month?: string
): Promise<ProgressOverview> {
	const today = chinaDayKey(now);
	const current = chinaMonthKey(now);
	const shown = month && month <= current ? month : current;
	const [profile] = await db
		.select()
		.from(table.progressProfile)
		.where(eq(table.progressProfile.userId, userId));
	const xp = profile?.xpTotal ?? 0;
	const level = levelFromXp(xp);
	const [streak, accuracy, mastery, due, modes, league] = await Promise.all([
		loadStreak(db, userId, now),
		recentDays(db, userId, today),
		topicMastery(db, userId, now),
		dueReviews(db, userId, now),
		todayByMode(db, userId, today),
		leagueStanding(db, userId, now)
	]);
	const [days, badges] = await Promise.all([
		monthCalendar(db, userId, shown, streak, now),
		syncBadges(
			db,
			userId,
			{
				longestStreak: streak.longest,
				level: level.level,
				masteredAreas: mastery.filter((m) => m.mastery >= MASTERED).length
			},
			now
		)
	]);
	return {
		xp,
		level,
		today: { day: today, xp: modes.reduce((n, m) => n + m.xp, 0), modes },
		streak: {
			current: streak.current,
			longest: streak.longest,
			freezes: streak.freezes,
			nextFreezeIn: streak.nextFreezeIn,
			practisedToday: streak.practisedToday
		},
		calendar: {
			month: shown,
			prev: addMonths(shown, -1),
			next: shown < current ? addMonths(shown, 1) : null,
			days
		},
		accuracy,
		mastery,
		due,
		badges,
		league
	};
}
