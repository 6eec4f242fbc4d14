// Starting, resuming and ending drill sessions, and what the player is shown: the questions
// ahead, never their keys.
import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { DrillMode, DrillSession } from '../db/schema/drill';
import { DomainError } from '../errors';
import { lockPracticeState, recordDailyCompleted } from '../progress/index';
import { DAILY_SIZE, type Item } from './compose';
import { chinaDay } from './mistake-rule';
import { drawChallenge, drawDaily, drawMistakes, drawTopic } from './sets';

/** Questions sent ahead of the current one, so play goes on through a dropped connection. */
export const WINDOW = 5;
const DAY_START_OFFSET_MS = 8 * 60 * 60 * 1000;

export interface SessionSpec {
	mode: DrillMode;
	topic?: string | null;
	subtopic?: string | null;
}

/** 00:00 China time of the day containing `at`. */
export function chinaDayStart(at: Date): Date {
	return new Date(Date.parse(`${chinaDay(at)}T00:00:00Z`) - DAY_START_OFFSET_MS);
}

/**
 * The unfinished session of this kind, if any. A daily set only counts as unfinished on the
 * China day it began: tomorrow brings a new set.
 */
export async function findOpenSession(
	db: Db,
	userId: string,
	spec: SessionSpec,
	now = new Date()
): Promise<DrillSession | undefined> {
	const [row] = await db
		.select()
		.from(table.drillSession)
		.where(
			and(
				eq(table.drillSession.userId, userId),
				eq(table.drillSession.mode, spec.mode),
				isNull(table.drillSession.finishedAt),
				spec.mode === 'daily' ? gte(table.drillSession.startedAt, chinaDayStart(now)) : undefined,
				spec.mode === 'topic'
					? sql`${table.drillSession.topic} is not distinct from ${spec.topic ?? null}
						and ${table.drillSession.subtopic} is not distinct from ${spec.subtopic ?? null}`
					: undefined
			)
		)
		.orderBy(desc(table.drillSession.startedAt), desc(table.drillSession.id))
		.limit(1);
	return row;
}

async function draw(db: Db, userId: string, spec: SessionSpec, now: Date): Promise<Item[]> {
	switch (spec.mode) {
		case 'daily':
			return drawDaily(db, userId, now, DAILY_SIZE);
		case 'topic':
			return drawTopic(db, userId, now, spec.topic ?? '', spec.subtopic ?? null);
		case 'mistakes':
			return drawMistakes(db, userId);
		case 'challenge':
			return drawChallenge(db);
	}
}

/** Resumes the open session of this kind or starts a new one. */
export async function startSession(
	db: Db,
	userId: string,
	spec: SessionSpec,
	now = new Date()
): Promise<DrillSession> {
	const open = await findOpenSession(db, userId, spec, now);
	if (open) return open;
	const items = await draw(db, userId, spec, now);
	if (items.length === 0) throw new DomainError('drill_nothing_to_practise');
	const [row] = await db
		.insert(table.drillSession)
		.values({
			userId,
			mode: spec.mode,
			topic: spec.mode === 'topic' ? (spec.topic ?? null) : null,
			subtopic: spec.mode === 'topic' ? (spec.subtopic ?? null) : null,
			versionIds: items.map((i) => i.versionId),
			size: items.length,
			startedAt: now
		})
		.returning();
	return row;
}

/** The officer's own session; anyone else's looks missing. */
export async function getOwnSession(
	db: Db,
	userId: string,
	sessionId: number,
	lock = false
): Promise<DrillSession> {
	if (!Number.isInteger(sessionId) || sessionId < 1)
		throw new DomainError('drill_session_not_found');
	const query = db
		.select()
		.from(table.drillSession)
		.where(and(eq(table.drillSession.id, sessionId), eq(table.drillSession.userId, userId)));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw new DomainError('drill_session_not_found');
	return row;
}

/** Ends a session early (the officer stops); a daily set ended this way does not count. */
export async function endSession(db: Db, userId: string, sessionId: number, now = new Date()) {
	// The practice lock first (as an answer's write takes it): an answer decided before the stop
	// is then decided again and refused, instead of reopening the set.
	await db.transaction(async (tx) => {
		await lockPracticeState(tx, userId);
		await tx
			.update(table.drillSession)
			.set({ finishedAt: now })
			.where(
				and(
					eq(table.drillSession.id, sessionId),
					eq(table.drillSession.userId, userId),
					isNull(table.drillSession.finishedAt)
				)
			);
	});
}

async function unavailableVersions(db: Db, versionIds: number[]): Promise<Set<number>> {
	if (versionIds.length === 0) return new Set();
	const rows = await db
		.select({ id: table.questionVersion.id, status: table.question.status })
		.from(table.questionVersion)
		.innerJoin(table.question, eq(table.questionVersion.questionId, table.question.id))
		.where(inArray(table.questionVersion.id, versionIds));
	const ok = new Set(rows.filter((r) => r.status === 'published').map((r) => r.id));
	return new Set(versionIds.filter((id) => !ok.has(id)));
}

/**
 * Moves past questions withdrawn since the session was drawn (up to `upTo`), so a question under
 * correction never blocks a set. A daily set that ends this way after at least one answer still
 * counts as done. Takes the officer's practice lock first, then the session row: the order the
 * answer's write takes them in, so the two never deadlock.
 */
export async function skipWithdrawn(
	db: Db,
	userId: string,
	sessionId: number,
	upTo: number | null,
	now = new Date()
): Promise<DrillSession> {
	return db.transaction(async (tx) => {
		await lockPracticeState(tx, userId);
		const session = await getOwnSession(tx, userId, sessionId, true);
		return skipLocked(tx, session, upTo ?? session.size, now);
	});
}

async function skipLocked(
	db: Db,
	session: DrillSession,
	upTo: number,
	now: Date
): Promise<DrillSession> {
	if (session.finishedAt || session.position >= upTo) return session;
	const gone = await unavailableVersions(db, session.versionIds.slice(session.position, upTo));
	let position = session.position;
	while (position < upTo && gone.has(session.versionIds[position])) position++;
	if (position === session.position) return session;
	const finished = position >= session.size;
	const [row] = await db
		.update(table.drillSession)
		.set({ position, finishedAt: finished ? now : null })
		.where(eq(table.drillSession.id, session.id))
		.returning();
	if (finished && session.mode === 'daily' && (await hasAnswers(db, session.id))) {
		await recordDailyCompleted(db, { userId: session.userId, at: now });
	}
	return row;
}

async function hasAnswers(db: Db, sessionId: number): Promise<boolean> {
	const [row] = await db
		.select({ id: table.drillAnswer.id })
		.from(table.drillAnswer)
		.where(eq(table.drillAnswer.sessionId, sessionId))
		.limit(1);
	return !!row;
}

/** The open session of this kind, moved past withdrawn questions; undefined when none. */
export async function currentSession(
	db: Db,
	userId: string,
	spec: SessionSpec,
	now = new Date()
): Promise<DrillSession | undefined> {
	const open = await findOpenSession(db, userId, spec, now);
	if (!open) return undefined;
	const gone = await unavailableVersions(db, [open.versionIds[open.position]].filter(Boolean));
	if (gone.size === 0) return open;
	const moved = await skipWithdrawn(db, userId, open.id, null, now);
	return moved.finishedAt ? undefined : moved;
}
