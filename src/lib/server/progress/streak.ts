// Streaks are derived, never stored: a fold over the days an officer practised and the duty
// days a trainer granted, so the calendar, the count and the badges can never disagree.
import { addDays } from './china-time';

/** A day counts when the daily set is finished or at least this many questions are answered. */
export const STREAK_MIN_ANSWERS = 10;
/** One freeze is earned for every 7 practice days in an unbroken streak… */
export const FREEZE_EVERY = 7;
/** …and at most this many are banked. */
export const MAX_FREEZES = 2;

export type DayMark = 'practice' | 'duty' | 'frozen' | 'missed';

export interface StreakInput {
	/** Days that qualified as practice, as China day keys (any order). */
	practiceDays: Iterable<string>;
	/** Duty days granted by a trainer (field work, emergencies). */
	dutyDays: Iterable<string>;
	/** Today in China time: not yet missed even without practice. */
	today: string;
}

export interface StreakState {
	current: number;
	longest: number;
	freezes: number;
	/** Practice days still needed for the next freeze (0 when the bank is full). */
	nextFreezeIn: number;
	practisedToday: boolean;
	/** What happened on each day from the first practice day to today. */
	marks: Map<string, DayMark>;
}

export function isQualifyingDay(answers: number, dailyCompleted: boolean): boolean {
	return dailyCompleted || answers >= STREAK_MIN_ANSWERS;
}

export function foldStreak(input: StreakInput): StreakState {
	const practice = new Set(input.practiceDays);
	const duty = new Set(input.dutyDays);
	const marks = new Map<string, DayMark>();
	const first = [...practice].filter((d) => d <= input.today).sort()[0];
	let run = 0;
	let longest = 0;
	let freezes = 0;
	let sinceFreeze = 0;
	for (let day = first; day !== undefined && day <= input.today; day = addDays(day, 1)) {
		if (practice.has(day)) {
			run++;
			sinceFreeze++;
			if (sinceFreeze === FREEZE_EVERY) {
				sinceFreeze = 0;
				freezes = Math.min(MAX_FREEZES, freezes + 1);
			}
			longest = Math.max(longest, run);
			marks.set(day, 'practice');
		} else if (duty.has(day)) {
			// Duty keeps the streak alive without lengthening it, and costs no freeze.
			marks.set(day, 'duty');
		} else if (day === input.today) {
			// Today is still open.
		} else if (run > 0 && freezes > 0) {
			freezes--;
			marks.set(day, 'frozen');
		} else {
			run = 0;
			sinceFreeze = 0;
			marks.set(day, 'missed');
		}
	}
	return {
		current: run,
		longest,
		freezes,
		nextFreezeIn: freezes >= MAX_FREEZES ? 0 : FREEZE_EVERY - sinceFreeze,
		practisedToday: practice.has(input.today),
		marks
	};
}
