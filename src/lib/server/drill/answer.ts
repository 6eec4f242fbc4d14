// Recording one drill answer: mark it, keep it, schedule the next review, update the mistakes
// notebook and award XP, in one read and one write statement (answer-store.ts). The same
// idempotency key (or a second answer to the same slot) returns the first result unchanged.
import { and, eq } from 'drizzle-orm';
import { isCorrect, isWellFormedResponse } from '../bank/check-answer';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { AnswerKey } from '../db/schema/bank';
import type { DrillAnswer } from '../db/schema/drill';
import { DomainError } from '../errors';
import { planGrant, untilStored } from '../progress/award';
import { clampAnsweredAt, clampTime, type AnswerInput } from './answer-input';
import { readAnswerContext, writeAnswer, type AnswerContext } from './answer-store';
import { chinaDay, nextMistakeState } from './mistake-rule';
import { ratingFor, referenceMedian, scheduleReview } from './schedule';
import { getOwnSession, skipWithdrawn } from './sessions';

export interface AnswerResult {
	position: number;
	correct: boolean;
	/** The key, explanation and legal basis: only ever sent after the answer is in. */
	key: AnswerKey;
	explanation: string;
	legalBasis: string;
	xp: number;
	/** This answer ended the session (last question, or the first mistake in a challenge). */
	finished: boolean;
}

export async function answerByKey(db: Db, key: string): Promise<DrillAnswer | undefined> {
	const [row] = await db
		.select()
		.from(table.drillAnswer)
		.where(eq(table.drillAnswer.idempotencyKey, key));
	return row;
}

async function answerAt(db: Db, sessionId: number, position: number) {
	const [row] = await db
		.select()
		.from(table.drillAnswer)
		.where(
			and(eq(table.drillAnswer.sessionId, sessionId), eq(table.drillAnswer.position, position))
		);
	return row;
}

async function servedVersion(db: Db, versionId: number) {
	const [row] = await db
		.select({ version: table.questionVersion, status: table.question.status })
		.from(table.questionVersion)
		.innerJoin(table.question, eq(table.questionVersion.questionId, table.question.id))
		.where(eq(table.questionVersion.id, versionId));
	return row;
}

function endsSession(mode: string, correct: boolean, position: number, size: number): boolean {
	return (mode === 'challenge' && !correct) || position + 1 >= size;
}

/** The result first given for this answer, rebuilt from what was stored. */
export async function replay(db: Db, userId: string, row: DrillAnswer): Promise<AnswerResult> {
	if (row.userId !== userId) throw new DomainError('drill_bad_payload');
	const [found, session] = await Promise.all([
		servedVersion(db, row.questionVersionId),
		row.sessionId === null ? undefined : getOwnSession(db, userId, row.sessionId)
	]);
	return {
		position: row.position,
		correct: row.correct,
		key: found.version.answer,
		explanation: found.version.explanation,
		legalBasis: found.version.legalBasis,
		xp: row.xp,
		finished: endsSession(row.mode, row.correct, row.position, session?.size ?? 0)
	};
}

/**
 * Marks and stores one answer: a read, a decision in JS, and a write that goes through only if
 * nothing of the officer's practice changed since the read (else it is decided again). Replays,
 * and answers behind a question withdrawn meanwhile, take slower paths.
 */
export async function recordAnswer(
	db: Db,
	userId: string,
	input: AnswerInput,
	now = new Date()
): Promise<AnswerResult> {
	return untilStored(db, userId, async (db) => {
		// The day the answer counts for, guessed before the session's start is known; rare
		// backdated answers from before the session began are read again for their real day.
		let day = chinaDay(clampAnsweredAt(input.answeredAt, now, new Date(0)));
		let context = await readAnswerContext(db, userId, input, day);
		const { session } = context;
		if (session) {
			const at = clampAnsweredAt(input.answeredAt, now, session.startedAt);
			if (chinaDay(at) !== day) {
				day = chinaDay(at);
				context = await readAnswerContext(db, userId, input, day);
			}
		}
		return decideAndWrite(db, userId, input, context, now);
	});
}

async function decideAndWrite(
	db: Db,
	userId: string,
	input: AnswerInput,
	context: AnswerContext,
	now: Date
): Promise<AnswerResult | undefined> {
	if (context.earlierId !== undefined) {
		const earlier = await answerByKey(db, input.key);
		if (earlier) return replay(db, userId, earlier);
	}
	const session = context.session;
	if (!session) throw new DomainError('drill_session_not_found');
	if (input.position < session.position) {
		const slot = await answerAt(db, session.id, input.position);
		if (slot) return replay(db, userId, slot);
		throw new DomainError('drill_question_unavailable');
	}
	if (session.finishedAt) throw new DomainError('drill_session_finished');
	if (session.versionIds[input.position] !== input.versionId) {
		throw new DomainError('drill_not_served');
	}
	if (session.position < input.position) {
		// Only questions withdrawn since the set was drawn may be passed over: skip them, then
		// decide again on the moved session.
		const moved = await skipWithdrawn(db, userId, session.id, input.position, now);
		if (moved.position !== input.position) throw new DomainError('drill_not_served');
		return undefined;
	}
	const { version } = context;
	if (!version || !version.published) throw new DomainError('drill_question_unavailable');
	if (!isWellFormedResponse(version.type, version.options.length, input.response)) {
		throw new DomainError('drill_bad_response');
	}
	const correct = isCorrect(version.type, version.answer, input.response);
	const at = clampAnsweredAt(input.answeredAt, now, session.startedAt);
	const timeMs = clampTime(input.timeMs);
	const rating = ratingFor({
		correct,
		timeMs,
		medianMs: referenceMedian(version.type, context.recentTimes)
	});
	const finished = endsSession(session.mode, correct, input.position, session.size);
	const grant = planGrant(context.facts, {
		mode: session.mode,
		correct,
		difficulty: version.difficulty,
		completesDaily: finished && session.mode === 'daily'
	});
	const stored = await writeAnswer(db, {
		userId,
		key: input.key,
		session,
		position: input.position,
		version,
		response: input.response,
		correct,
		timeMs,
		rating,
		card: scheduleReview(context.card, rating, at),
		mistake: nextMistakeState(context.mistake, { correct, at }),
		grant,
		finished,
		at,
		now,
		seq: context.facts.seq
	});
	if (!stored) return undefined;
	return {
		position: input.position,
		correct,
		key: version.answer,
		explanation: version.explanation,
		legalBasis: version.legalBasis,
		xp: grant.xp,
		finished
	};
}
