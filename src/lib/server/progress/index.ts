// What the drills call to grant XP and mark the day, plus what the progress pages use.
export { awardForAnswer, lockPracticeState, recordDailyCompleted } from './award';
export type { AnswerAward, DailyCompletion } from './award';
