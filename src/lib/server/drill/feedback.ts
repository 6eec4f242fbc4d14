// What the officer sees after answering without JavaScript (the page reloads after the POST),
// and the summary at the end of a session. Only for the officer's own answers and sessions.
import { and, eq, max, sum } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { answerByKey, replay, type AnswerResult } from './answer';
import { isIdempotencyKey } from './answer-input';
import { getOwnSession } from './sessions';
import type { ShownItem } from './view';

export interface AnswerFeedback {
	sessionId: number | null;
	result: AnswerResult;
	item: ShownItem;
	response: string | boolean;
}

export async function getAnswerFeedback(
	db: Db,
	userId: string,
	key: string
): Promise<AnswerFeedback | undefined> {
	if (!isIdempotencyKey(key)) return undefined;
	const row = await answerByKey(db, key.toLowerCase());
	if (!row || row.userId !== userId) return undefined;
	const [result, [version]] = await Promise.all([
		replay(db, userId, row),
		db
			.select({
				type: table.questionVersion.type,
				stem: table.questionVersion.stem,
				options: table.questionVersion.options
			})
			.from(table.questionVersion)
			.where(eq(table.questionVersion.id, row.questionVersionId))
	]);
	return {
		sessionId: row.sessionId,
		result,
		response: row.response,
		item: { position: row.position, versionId: row.questionVersionId, ...version }
	};
}

/** A finished session of this officer: how it went. Undefined while it is still open. */
export async function getSessionResult(db: Db, userId: string, sessionId: number) {
	const session = await getOwnSession(db, userId, sessionId).catch(() => undefined);
	if (!session?.finishedAt) return undefined;
	const [answers] = await db
		.select({
			xp: sum(table.drillAnswer.xp).mapWith(Number),
			last: max(table.drillAnswer.answeredAt)
		})
		.from(table.drillAnswer)
		.where(and(eq(table.drillAnswer.sessionId, session.id), eq(table.drillAnswer.userId, userId)));
	const complete = session.position >= session.size;
	const bonus =
		session.mode === 'daily' && complete && answers.last
			? await completionBonus(db, userId, answers.last)
			: 0;
	return {
		id: session.id,
		mode: session.mode,
		topic: session.topic,
		subtopic: session.subtopic,
		size: session.size,
		answered: session.position,
		correct: session.correctCount,
		xp: (answers.xp ?? 0) + bonus,
		bonus,
		complete
	};
}

/** The day's bonus, if the answer given at `at` earned it (a second set that day does not). */
async function completionBonus(db: Db, userId: string, at: Date): Promise<number> {
	const [row] = await db
		.select({ amount: sum(table.xpEvent.amount).mapWith(Number) })
		.from(table.xpEvent)
		.where(
			and(
				eq(table.xpEvent.userId, userId),
				eq(table.xpEvent.reason, 'daily_completed'),
				eq(table.xpEvent.at, at)
			)
		);
	return row?.amount ?? 0;
}
export type SessionResult = NonNullable<Awaited<ReturnType<typeof getSessionResult>>>;
