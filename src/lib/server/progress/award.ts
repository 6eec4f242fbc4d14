// XP for drill answers and the daily bonus, written without locks: the facts a grant depends on
// are read in one statement, the grant is decided in JS (rules.ts), and the writes go in one
// statement behind a gate on the officer's `answer_seq`. The gate bumps the sequence only if it
// is still the value that was read, and every other write depends on the gate, so a grant
// computed from stale facts (another answer of the same officer got in between) writes nothing
// and is decided again from fresh facts. Drill answers put these same pieces into their own
// read and write (drill/answer-store.ts), so an answer costs two statements.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { DomainError } from '../errors';
import { chinaDayKey, chinaWeekKey } from './china-time';
import { BONUS_MODE, DAILY_COMPLETED_XP, cappedGrant, dailyCap, xpForCorrect } from './rules';
import { queryPrepared } from '../db/prepared';

/** What a grant on one China day depends on. */
export interface AwardFacts {
	/** This question already paid a right answer today. */
	rightToday: boolean;
	/** XP earned today per mode, for the caps. */
	earnedToday: Record<string, number>;
	/** The day's practice set was already finished (its bonus paid). */
	dailyDone: boolean;
	/** The officer's answer_seq when these facts were read. */
	seq: number;
}

export interface GrantInput {
	mode: string;
	correct: boolean;
	difficulty: number | null;
	/** This answer finishes the day's practice set. */
	completesDaily: boolean;
}

export interface Grant {
	xp: number;
	bonus: number;
}

/** XP for a right answer, cut to the mode's cap; the daily bonus once per day. */
export function planGrant(facts: AwardFacts, input: GrantInput): Grant {
	const wanted = input.correct && !facts.rightToday ? xpForCorrect(input.difficulty) : 0;
	const earned = facts.earnedToday[input.mode] ?? 0;
	return {
		xp: cappedGrant(wanted, earned, dailyCap(input.mode)),
		bonus: input.completesDaily && !facts.dailyDone ? DAILY_COMPLETED_XP : 0
	};
}

/** Select-list items reading the AwardFacts of an officer (columns as named in `toFacts`). */
export function awardFactsSql(userId: string, questionId: SQL | number, day: string): SQL {
	return sql`
		exists (
			select 1 from xp_event
			where user_id = ${userId} and day = ${day}::date and question_id = ${questionId}
				and reason = 'answer_correct'
		) as right_today,
		(select coalesce(json_object_agg(mode, xp), '{}'::json) from xp_daily
			where user_id = ${userId} and day = ${day}::date) as earned_today,
		coalesce((select daily_completed from activity_day
			where user_id = ${userId} and day = ${day}::date), false) as daily_done,
		coalesce((select answer_seq from progress_profile where user_id = ${userId}), 0) as seq`;
}

export function toFacts(row: Record<string, unknown>): AwardFacts {
	return {
		rightToday: row.right_today === true,
		earnedToday: (row.earned_today ?? {}) as Record<string, number>,
		dailyDone: row.daily_done === true,
		seq: Number(row.seq)
	};
}

/**
 * The `gate` CTE: bumps answer_seq and adds the XP to the total only if answer_seq is still
 * `seq`, returning a row exactly then. Every other write names `gate` in its FROM.
 */
export function gateCte(userId: string, seq: number, xpTotal: number, at: Date): SQL {
	const week = xpTotal > 0 ? chinaWeekKey(at) : null;
	return sql`gate as (
		insert into progress_profile (user_id, xp_total, active_week, answer_seq)
		values (${userId}, ${xpTotal}::int, ${week}::date, 1)
		on conflict (user_id) do update set
			xp_total = progress_profile.xp_total + excluded.xp_total,
			active_week = greatest(progress_profile.active_week, excluded.active_week),
			answer_seq = progress_profile.answer_seq + 1
		where progress_profile.answer_seq = ${seq}::int
		returning user_id
	)`;
}

export interface GrantWrite {
	userId: string;
	mode: string;
	at: Date;
	grant: Grant;
	/** The answer counted for the day and its area; absent for the bonus alone. */
	answer?: { questionId: number; topic: string; correct: boolean };
}

/** CTEs after `gate` that record a grant: daily caps, the ledger, the day, the area. */
export function grantCtes(w: GrantWrite): SQL[] {
	const day = chinaDayKey(w.at);
	const at = w.at.toISOString();
	const { xp, bonus } = w.grant;
	const grants: [string, string, number, number | null][] = [];
	if (xp > 0) grants.push([w.mode, 'answer_correct', xp, w.answer?.questionId ?? null]);
	if (bonus > 0) grants.push([BONUS_MODE, 'daily_completed', bonus, null]);
	const ctes: SQL[] = [];
	if (grants.length > 0) {
		const rows = sql.join(
			grants.map(
				([mode, reason, amount, q]) =>
					sql`(${mode}::text, ${reason}::text, ${amount}::int, ${q}::int)`
			),
			sql`, `
		);
		ctes.push(
			sql`xd as (
				insert into xp_daily (user_id, day, mode, xp, last_grant)
				select ${w.userId}, ${day}::date, g.mode, g.amount, g.amount
				from gate, (values ${rows}) as g(mode, reason, amount, question_id)
				on conflict (user_id, day, mode) do update set
					xp = xp_daily.xp + excluded.xp, last_grant = excluded.last_grant
			)`,
			sql`xe as (
				insert into xp_event (user_id, at, day, mode, reason, amount, question_id)
				select ${w.userId}, ${at}::timestamptz, ${day}::date, g.mode, g.reason, g.amount,
					g.question_id
				from gate, (values ${rows}) as g(mode, reason, amount, question_id)
			)`
		);
	}
	const answers = w.answer ? 1 : 0;
	const correct = w.answer?.correct ? 1 : 0;
	ctes.push(sql`ad as (
		insert into activity_day (user_id, day, answers, correct, xp, daily_completed)
		select ${w.userId}, ${day}::date, ${answers}::int, ${correct}::int, ${xp + bonus}::int,
			${bonus > 0}::boolean
		from gate
		on conflict (user_id, day) do update set
			answers = activity_day.answers + excluded.answers,
			correct = activity_day.correct + excluded.correct,
			xp = activity_day.xp + excluded.xp,
			daily_completed = activity_day.daily_completed or excluded.daily_completed
	)`);
	if (w.answer) {
		ctes.push(sql`ts as (
			insert into topic_stat (user_id, topic, answers, correct)
			select ${w.userId}, ${w.answer.topic}::text, 1, ${correct}::int from gate
			on conflict (user_id, topic) do update set
				answers = topic_stat.answers + 1,
				correct = topic_stat.correct + excluded.correct
		)`);
	}
	return ctes;
}

/** `with gate, …ctes select whether the gate let the writes through`. */
export async function writeGated(db: Db, gate: SQL, ctes: SQL[]): Promise<boolean> {
	const [row] = await queryPrepared<{ stored: number }>(
		db,
		sql`with ${sql.join([gate, ...ctes], sql`, `)} select count(*)::int as stored from gate`
	);
	return Number(row?.stored) === 1;
}

/** Attempts under the officer's lock before giving up (only skipped questions need more than one). */
export const MAX_ATTEMPTS = 8;

/**
 * Runs read-decide-write (`attempt` returns undefined when the gate refused its write). The
 * first attempt takes no lock; if another write of the same officer got in between, the next
 * ones queue behind the others on the officer's row, where the gate can no longer refuse.
 */
export async function untilStored<T>(
	db: Db,
	userId: string,
	attempt: (db: Db) => Promise<T | undefined>
): Promise<T> {
	const first = await attempt(db);
	if (first !== undefined) return first;
	return db.transaction(async (tx) => {
		await lockPracticeState(tx, userId);
		for (let i = 0; i < MAX_ATTEMPTS; i++) {
			const result = await attempt(tx);
			if (result !== undefined) return result;
		}
		throw new DomainError('drill_busy');
	});
}

export interface AnswerAward {
	userId: string;
	mode: string;
	correct: boolean;
	questionId: number;
	at: Date;
}

/**
 * XP for one answer outside a drill session (and the unit under test of the rules): 5 + 2 ×
 * difficulty when correct, nothing for the same question right again the same day, cut to
 * what is left of the mode's daily cap. Also counts the answer for the day and its area.
 */
export async function awardForAnswer(db: Db, input: AnswerAward): Promise<{ xp: number }> {
	const day = chinaDayKey(input.at);
	return untilStored(db, input.userId, async (db) => {
		const [row] = await queryPrepared<Record<string, unknown>>(
			db,
			sql`select ${awardFactsSql(input.userId, input.questionId, day)},
				(select to_json(q) from (select topic, difficulty from question
					where id = ${input.questionId}) q) as question`
		);
		const question = row.question as { topic: string; difficulty: number } | null;
		if (!question) throw new DomainError('drill_question_unavailable');
		const grant = planGrant(toFacts(row), {
			mode: input.mode,
			correct: input.correct,
			difficulty: question.difficulty,
			completesDaily: false
		});
		const stored = await writeGated(
			db,
			gateCte(input.userId, toFacts(row).seq, grant.xp, input.at),
			grantCtes({
				userId: input.userId,
				mode: input.mode,
				at: input.at,
				grant,
				answer: { questionId: input.questionId, topic: question.topic, correct: input.correct }
			})
		);
		return stored ? { xp: grant.xp } : undefined;
	});
}

export interface DailyCompletion {
	userId: string;
	at: Date;
}

/** The day's practice set was finished: the day counts for the streak, with a one-off bonus. */
export async function recordDailyCompleted(db: Db, input: DailyCompletion): Promise<void> {
	const day = chinaDayKey(input.at);
	await untilStored(db, input.userId, async (db) => {
		const [row] = await queryPrepared<Record<string, unknown>>(
			db,
			sql`select ${awardFactsSql(input.userId, sql`null`, day)}`
		);
		const facts = toFacts(row);
		if (facts.dailyDone) return true;
		const grant = { xp: 0, bonus: DAILY_COMPLETED_XP };
		const ctes = grantCtes({ userId: input.userId, mode: BONUS_MODE, at: input.at, grant });
		return (await writeGated(db, gateCte(input.userId, facts.seq, grant.bonus, input.at), ctes))
			? true
			: undefined;
	});
}

/**
 * Bumps answer_seq, so answers decided before this point are decided again; inside a
 * transaction it also holds the officer's row until the end, queueing their other writes.
 */
export async function lockPracticeState(db: Db, userId: string): Promise<void> {
	await db.execute(sql`
		insert into progress_profile (user_id, answer_seq) values (${userId}, 1)
		on conflict (user_id) do update set answer_seq = progress_profile.answer_seq + 1`);
}
