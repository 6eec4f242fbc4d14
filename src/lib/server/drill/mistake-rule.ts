// 错题本 rule, pure. A wrong answer puts the question in the notebook (or reopens it and starts
// the count again). It leaves once it was answered right on CLEAR_AFTER_DAYS distinct China-time
// days, each later than the day of the last wrong answer: a right answer minutes after seeing
// the explanation proves little, one on three later days shows it stuck.
export const CLEAR_AFTER_DAYS = 3;

const OFFSET_MS = 8 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of the China (UTC+8, no daylight saving) day containing this instant. */
export function chinaDay(at: Date): string {
	return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

export interface MistakeState {
	wrongAt: Date;
	wrongCount: number;
	rightDays: number;
	lastRightDay: string | null;
	clearedAt: Date | null;
}

/**
 * The notebook entry after an answer, or null when there is nothing to write (a right answer
 * to a question that is not in the notebook, or one that does not count).
 */
export function nextMistakeState(
	current: MistakeState | undefined,
	answer: { correct: boolean; at: Date }
): MistakeState | null {
	if (!answer.correct) {
		return {
			wrongAt: answer.at,
			wrongCount: (current?.wrongCount ?? 0) + 1,
			rightDays: 0,
			lastRightDay: null,
			clearedAt: null
		};
	}
	if (!current || current.clearedAt) return null;
	const day = chinaDay(answer.at);
	const later = day > chinaDay(current.wrongAt);
	const newDay = current.lastRightDay === null || day > current.lastRightDay;
	if (!later || !newDay) return null;
	const rightDays = current.rightDays + 1;
	return {
		...current,
		rightDays,
		lastRightDay: day,
		clearedAt: rightDays >= CLEAR_AFTER_DAYS ? answer.at : null
	};
}
