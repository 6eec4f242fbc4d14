// The hot path: called by the drills inside their answer transaction. Each call is one SQL
// statement (data-modifying CTEs), so it adds a single round trip to an answer. The per-mode
// daily cap is applied by an upsert on xp_daily whose row lock serialises concurrent answers of
// the same officer, so two phones answering at once can never pass the cap together.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { chinaDayKey, chinaWeekKey } from './china-time';
import { BONUS_MODE, DAILY_COMPLETED_XP, dailyCap } from './rules';
import { queryRows } from './sql';

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

/**
 * XP for one drill answer: 5 + 2 × difficulty when correct (the same question answered right
 * again on the same day earns nothing), cut to what is left of the mode's daily cap. Also
 * counts the answer for the day (streak, accuracy) and for its area (mastery).
 */
export async function awardForAnswer(db: Db, input: AnswerAward): Promise<{ xp: number }> {
	const day = chinaDayKey(input.at);
	const week = chinaWeekKey(input.at);
	const at = input.at.toISOString();
	const correct = input.correct ? 1 : 0;
	const cap = dailyCap(input.mode);
	const [row] = await queryRows<{ xp: number }>(
		db,
		sql`
		with q as (
			select topic, difficulty from question where id = ${input.questionId}
		), wanted as (
			select case when ${correct} = 1 and not exists (
				select 1 from xp_event
				where user_id = ${input.userId} and day = ${day}::date
					and question_id = ${input.questionId} and reason = 'answer_correct'
			) then 5 + 2 * least(greatest(coalesce((select difficulty from q), 3), 1), 5)
			else 0 end as amount
		), d as (
			insert into xp_daily (user_id, day, mode, xp, last_grant)
			select ${input.userId}, ${day}::date, ${input.mode}, least(amount, ${cap}), least(amount, ${cap})
			from wanted where amount > 0
			on conflict (user_id, day, mode) do update set
				xp = greatest(xp_daily.xp, least(xp_daily.xp + (select amount from wanted), ${cap})),
				last_grant = greatest(0, least(xp_daily.xp + (select amount from wanted), ${cap}) - xp_daily.xp)
			returning last_grant
		), e as (
			insert into xp_event (user_id, at, day, mode, reason, amount, question_id)
			select ${input.userId}, ${at}::timestamptz, ${day}::date, ${input.mode}, 'answer_correct',
				last_grant, ${input.questionId}
			from d where last_grant > 0
		), p as (
			insert into progress_profile (user_id, xp_total, active_week)
			select ${input.userId}, last_grant, ${week}::date from d where last_grant > 0
			on conflict (user_id) do update set
				xp_total = progress_profile.xp_total + excluded.xp_total,
				active_week = greatest(progress_profile.active_week, excluded.active_week)
		), a as (
			insert into activity_day (user_id, day, answers, correct, xp)
			values (${input.userId}, ${day}::date, 1, ${correct}, coalesce((select last_grant from d), 0))
			on conflict (user_id, day) do update set
				answers = activity_day.answers + 1,
				correct = activity_day.correct + excluded.correct,
				xp = activity_day.xp + excluded.xp
		), t as (
			insert into topic_stat (user_id, topic, answers, correct)
			select ${input.userId}, topic, 1, ${correct} from q
			on conflict (user_id, topic) do update set
				answers = topic_stat.answers + 1,
				correct = topic_stat.correct + excluded.correct
		)
		select coalesce((select last_grant from d), 0)::int as xp`
	);
	return { xp: Number(row?.xp ?? 0) };
}

/** The day's practice set was finished: the day counts for the streak, with a one-off bonus. */
export async function recordDailyCompleted(db: Db, input: DailyCompletion): Promise<void> {
	const day = chinaDayKey(input.at);
	const week = chinaWeekKey(input.at);
	const at = input.at.toISOString();
	await db.execute(sql`
		with a as (
			insert into activity_day (user_id, day, xp, daily_completed)
			values (${input.userId}, ${day}::date, ${DAILY_COMPLETED_XP}, true)
			on conflict (user_id, day) do update set
				daily_completed = true,
				xp = activity_day.xp + excluded.xp
			where activity_day.daily_completed = false
			returning user_id
		), d as (
			insert into xp_daily (user_id, day, mode, xp, last_grant)
			select user_id, ${day}::date, ${BONUS_MODE}, ${DAILY_COMPLETED_XP}, ${DAILY_COMPLETED_XP} from a
			on conflict (user_id, day, mode) do update set
				xp = xp_daily.xp + excluded.xp, last_grant = excluded.last_grant
		), e as (
			insert into xp_event (user_id, at, day, mode, reason, amount)
			select user_id, ${at}::timestamptz, ${day}::date, ${BONUS_MODE}, 'daily_completed',
				${DAILY_COMPLETED_XP}
			from a
		)
		insert into progress_profile (user_id, xp_total, active_week)
		select user_id, ${DAILY_COMPLETED_XP}, ${week}::date from a
		on conflict (user_id) do update set
			xp_total = progress_profile.xp_total + excluded.xp_total,
			active_week = greatest(progress_profile.active_week, excluded.active_week)`);
}
