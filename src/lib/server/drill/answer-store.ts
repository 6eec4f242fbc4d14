// The two statements of a drill answer. The read gathers everything the answer is decided on
// (session, served version, the officer's card, notebook entry, recent times and XP facts); the
// write stores the answer, the card, the notebook entry, the session's progress and the XP
// behind the gate of progress/award.ts, so it stores nothing if any of that changed meanwhile.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { AnswerKey, QuestionType } from '../db/schema/bank';
import type { DrillSession } from '../db/schema/drill';
import {
	awardFactsSql,
	gateCte,
	grantCtes,
	toFacts,
	writeGated,
	type AwardFacts,
	type Grant
} from '../progress/award';
import { queryPrepared } from '../db/prepared';
import type { MistakeState } from './mistake-rule';
import { MEDIAN_WINDOW } from './reviews';
import type { CardFields } from './schedule';

export interface ServedVersion {
	id: number;
	questionId: number;
	type: QuestionType;
	options: string[];
	answer: AnswerKey;
	explanation: string;
	legalBasis: string;
	published: boolean;
	topic: string;
	difficulty: number;
}

export interface AnswerContext {
	session?: DrillSession;
	/** An answer already stored under this idempotency key (by anyone). */
	earlierId?: number;
	version?: ServedVersion;
	/** The officer's recent right answer times for this question type, newest first. */
	recentTimes: number[];
	card?: CardFields;
	mistake?: MistakeState;
	facts: AwardFacts;
}

type Json = Record<string, unknown>;
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

function toSession(s: Json): DrillSession {
	return {
		id: s.id as number,
		userId: s.user_id as string,
		mode: s.mode as DrillSession['mode'],
		topic: s.topic as string | null,
		subtopic: s.subtopic as string | null,
		versionIds: s.version_ids as number[],
		size: s.size as number,
		position: s.position as number,
		correctCount: s.correct_count as number,
		startedAt: date(s.started_at)!,
		finishedAt: date(s.finished_at)
	};
}

function toVersion(v: Json): ServedVersion {
	return {
		id: v.id as number,
		questionId: v.question_id as number,
		type: v.type as QuestionType,
		options: v.options as string[],
		answer: v.answer as AnswerKey,
		explanation: v.explanation as string,
		legalBasis: v.legal_basis as string,
		published: v.status === 'published' && v.published_at !== null,
		topic: v.topic as string,
		difficulty: v.difficulty as number
	};
}

function toCard(c: Json): CardFields {
	return {
		due: date(c.due)!,
		stability: c.stability as number,
		difficulty: c.difficulty as number,
		elapsedDays: c.elapsed_days as number,
		scheduledDays: c.scheduled_days as number,
		learningSteps: c.learning_steps as number,
		reps: c.reps as number,
		lapses: c.lapses as number,
		state: c.state as number,
		lastReview: date(c.last_review)
	};
}

function toMistake(m: Json): MistakeState {
	return {
		wrongAt: date(m.wrong_at)!,
		wrongCount: m.wrong_count as number,
		rightDays: m.right_days as number,
		lastRightDay: m.last_right_day as string | null,
		clearedAt: date(m.cleared_at)
	};
}

/** Everything an answer is decided on, in one statement; `day` is the China day it counts for. */
export async function readAnswerContext(
	db: Db,
	userId: string,
	input: { key: string; sessionId: number; versionId: number },
	day: string
): Promise<AnswerContext> {
	const qid = sql`(select question_id from question_version where id = ${input.versionId})`;
	const [row] = await queryPrepared<Json>(
		db,
		sql`select
			(select to_json(s) from drill_session s
				where s.id = ${input.sessionId} and s.user_id = ${userId}) as session,
			(select id from drill_answer where idempotency_key = ${input.key}::uuid) as earlier_id,
			(select to_json(x) from (
				select v.id, v.question_id, v.type, v.options, v.answer, v.explanation, v.legal_basis,
					v.published_at, q.status, q.topic, q.difficulty
				from question_version v join question q on q.id = v.question_id
				where v.id = ${input.versionId}) x) as version,
			(select coalesce(json_agg(r.time_ms), '[]'::json) from (
				select time_ms from drill_answer
				where user_id = ${userId} and correct
					and question_type = (select type from question_version where id = ${input.versionId})
				order by answered_at desc limit ${MEDIAN_WINDOW}) r) as recent_times,
			(select to_json(c) from review_card c
				where c.user_id = ${userId} and c.question_id = ${qid}) as card,
			(select to_json(m) from mistake m
				where m.user_id = ${userId} and m.question_id = ${qid}) as mistake,
			${awardFactsSql(userId, qid, day)}`
	);
	return {
		session: row.session ? toSession(row.session as Json) : undefined,
		earlierId: row.earlier_id === null ? undefined : Number(row.earlier_id),
		version: row.version ? toVersion(row.version as Json) : undefined,
		recentTimes: row.recent_times as number[],
		card: row.card ? toCard(row.card as Json) : undefined,
		mistake: row.mistake ? toMistake(row.mistake as Json) : undefined,
		facts: toFacts(row)
	};
}

export interface AnswerWrite {
	userId: string;
	key: string;
	session: DrillSession;
	position: number;
	version: ServedVersion;
	response: string | boolean;
	correct: boolean;
	timeMs: number;
	rating: number;
	card: CardFields;
	/** The notebook entry after this answer; null when it does not change. */
	mistake: MistakeState | null;
	grant: Grant;
	finished: boolean;
	at: Date;
	now: Date;
	/** answer_seq as read with the context. */
	seq: number;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Stores the answer and all it changes in one statement; false when the gate refused it. */
export function writeAnswer(db: Db, w: AnswerWrite): Promise<boolean> {
	const { userId, version, card, mistake } = w;
	const ctes = [
		sql`s as (
			update drill_session set
				position = ${w.position + 1}::int,
				correct_count = correct_count + ${w.correct ? 1 : 0}::int,
				finished_at = ${iso(w.finished ? w.now : null)}::timestamptz
			where id = ${w.session.id} and exists (select 1 from gate)
		)`,
		sql`a as (
			insert into drill_answer (idempotency_key, user_id, session_id, position, question_id,
				question_version_id, question_type, mode, response, correct, time_ms, rating, xp,
				answered_at, received_at)
			select ${w.key}::uuid, ${userId}, ${w.session.id}::int, ${w.position}::int,
				${version.questionId}::int, ${version.id}::int, ${version.type}::text,
				${w.session.mode}::text, ${JSON.stringify(w.response)}::jsonb, ${w.correct}::boolean,
				${w.timeMs}::int, ${w.rating}::smallint, ${w.grant.xp}::int,
				${iso(w.at)}::timestamptz, ${iso(w.now)}::timestamptz
			from gate
		)`,
		sql`c as (
			insert into review_card (user_id, question_id, due, stability, difficulty, elapsed_days,
				scheduled_days, learning_steps, reps, lapses, state, last_review)
			select ${userId}, ${version.questionId}::int, ${iso(card.due)}::timestamptz,
				${card.stability}::float8, ${card.difficulty}::float8, ${card.elapsedDays}::int,
				${card.scheduledDays}::int, ${card.learningSteps}::int, ${card.reps}::int,
				${card.lapses}::int, ${card.state}::smallint, ${iso(card.lastReview)}::timestamptz
			from gate
			on conflict (user_id, question_id) do update set
				due = excluded.due, stability = excluded.stability, difficulty = excluded.difficulty,
				elapsed_days = excluded.elapsed_days, scheduled_days = excluded.scheduled_days,
				learning_steps = excluded.learning_steps, reps = excluded.reps,
				lapses = excluded.lapses, state = excluded.state, last_review = excluded.last_review
		)`
	];
	if (mistake) {
		ctes.push(sql`m as (
			insert into mistake (user_id, question_id, wrong_at, wrong_count, right_days,
				last_right_day, cleared_at)
			select ${userId}, ${version.questionId}::int, ${iso(mistake.wrongAt)}::timestamptz,
				${mistake.wrongCount}::int, ${mistake.rightDays}::int, ${mistake.lastRightDay}::date,
				${iso(mistake.clearedAt)}::timestamptz
			from gate
			on conflict (user_id, question_id) do update set
				wrong_at = excluded.wrong_at, wrong_count = excluded.wrong_count,
				right_days = excluded.right_days, last_right_day = excluded.last_right_day,
				cleared_at = excluded.cleared_at
		)`);
	}
	ctes.push(
		...grantCtes({
			userId,
			mode: w.session.mode,
			at: w.at,
			grant: w.grant,
			answer: { questionId: version.questionId, topic: version.topic, correct: w.correct }
		})
	);
	return writeGated(db, gateCte(userId, w.seq, w.grant.xp + w.grant.bonus, w.at), ctes);
}
