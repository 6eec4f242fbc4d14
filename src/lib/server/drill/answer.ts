// Recording one drill answer: mark it, keep it, schedule the next review, update the mistakes
// notebook and award XP, all in one short transaction on the locked session row. The same
// idempotency key (or a second answer to the same slot) returns the first result unchanged.
import { and, desc, eq } from 'drizzle-orm';
import { isCorrect, isWellFormedResponse } from '../bank/check-answer';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { AnswerKey, QuestionType } from '../db/schema/bank';
import type { DrillAnswer } from '../db/schema/drill';
import { DomainError } from '../errors';
import { awardForAnswer, recordDailyCompleted } from '../progress/index';
import { clampAnsweredAt, clampTime, type AnswerInput } from './answer-input';
import { recordMistake } from './mistakes';
import { scheduleCardFor } from './reviews';
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
		)
		.orderBy(desc(table.drillAnswer.id));
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

export async function recordAnswer(
	db: Db,
	userId: string,
	input: AnswerInput,
	now = new Date()
): Promise<AnswerResult> {
	const earlier = await answerByKey(db, input.key);
	if (earlier) return replay(db, userId, earlier);
	return db.transaction(async (tx) => {
		let session = await getOwnSession(tx, userId, input.sessionId, true);
		const raced = await answerByKey(tx, input.key);
		if (raced) return replay(tx, userId, raced);
		if (input.position < session.position) {
			const slot = await answerAt(tx, session.id, input.position);
			if (slot) return replay(tx, userId, slot);
			throw new DomainError('drill_question_unavailable');
		}
		if (session.finishedAt) throw new DomainError('drill_session_finished');
		if (session.versionIds[input.position] !== input.versionId) {
			throw new DomainError('drill_not_served');
		}
		session = await skipWithdrawn(tx, session, input.position, now);
		if (session.position !== input.position) throw new DomainError('drill_not_served');

		const found = await servedVersion(tx, input.versionId);
		if (!found || found.status !== 'published' || !found.version.publishedAt) {
			throw new DomainError('drill_question_unavailable');
		}
		const { version } = found;
		const type = version.type as QuestionType;
		if (!isWellFormedResponse(type, version.options.length, input.response)) {
			throw new DomainError('drill_bad_response');
		}
		const correct = isCorrect(type, version.answer, input.response);
		const at = clampAnsweredAt(input.answeredAt, now, session.startedAt);
		const timeMs = clampTime(input.timeMs);
		const rating = await scheduleCardFor(tx, {
			userId,
			questionId: version.questionId,
			type,
			correct,
			timeMs,
			at
		});
		await recordMistake(tx, userId, version.questionId, { correct, at });
		const { xp } = await awardForAnswer(tx, {
			userId,
			mode: session.mode,
			correct,
			questionId: version.questionId,
			at
		});
		await tx.insert(table.drillAnswer).values({
			idempotencyKey: input.key,
			userId,
			sessionId: session.id,
			position: input.position,
			questionId: version.questionId,
			questionVersionId: version.id,
			questionType: type,
			mode: session.mode,
			response: input.response,
			correct,
			timeMs,
			rating,
			xp,
			answeredAt: at,
			receivedAt: now
		});
		const finished = endsSession(session.mode, correct, input.position, session.size);
		await tx
			.update(table.drillSession)
			.set({
				position: input.position + 1,
				correctCount: session.correctCount + (correct ? 1 : 0),
				finishedAt: finished ? now : null
			})
			.where(eq(table.drillSession.id, session.id));
		if (finished && session.mode === 'daily') await recordDailyCompleted(tx, { userId, at });
		return {
			position: input.position,
			correct,
			key: version.answer,
			explanation: version.explanation,
			legalBasis: version.legalBasis,
			xp,
			finished
		};
	});
}
