// Interface the drills call inside their answer transaction, plus what the progress pages use.
export { awardForAnswer, recordDailyCompleted } from './award';
export type { AnswerAward, DailyCompletion } from './award';
