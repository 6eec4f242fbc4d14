// Interface the drills call inside their answer transaction. Placeholder bodies: the
// progression work replaces them (XP, streaks, badges, leagues) with these exact signatures.
import type { Db } from '../db/client';

export interface AnswerAward {
	userId: string;
	mode: string;
	correct: boolean;
	questionId: number;
	at: Date;
}

export interface DailyCompletion {
	userId: string;
	at: Date;
}

/** XP for one drill answer, written in the caller's transaction. */
export async function awardForAnswer(db: Db, input: AnswerAward): Promise<{ xp: number }> {
	void db;
	void input;
	return { xp: 0 };
}

/** The day's practice set was finished: keeps the streak. Called in the caller's transaction. */
export async function recordDailyCompleted(db: Db, input: DailyCompletion): Promise<void> {
	void db;
	void input;
}
