// The contest's event log in the database: read it back in order, and append a batch of
// decided events together with the rows that mirror them (answers, contestants, status) in the
// caller's transaction, so everything a client was told is stored or nothing is.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { ContestEvent, ContestState } from './types';

// Well under PostgreSQL's 65535 bind parameters per statement.
const ROWS_PER_INSERT = 1000;

export interface NewContestant {
	contestantId: string;
	userId: string | null;
	guestTokenHash: string | null;
	name: string;
	idField: string | null;
	teamId: string | null;
}

export async function loadLog(
	db: Db,
	contestId: number
): Promise<{ events: ContestEvent[]; seq: number }> {
	const rows = await db
		.select()
		.from(table.contestEvent)
		.where(eq(table.contestEvent.contestId, contestId))
		.orderBy(asc(table.contestEvent.seq));
	const events = rows.map(
		(r) => ({ ...(r.payload as object), type: r.type, at: r.at.getTime() }) as ContestEvent
	);
	return { events, seq: rows.at(-1)?.seq ?? 0 };
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
		await insert(rows.slice(i, i + ROWS_PER_INSERT));
	}
}

/**
 * Appends `events` after position `seq`. A concurrent writer (another node) that appended first
 * makes the primary key (contest_id, seq) collide, and a second answer to the same question
 * trips contest_answer's unique index: either aborts the whole transaction.
 */
export async function appendEvents(
	tx: Db,
	contestId: number,
	seq: number,
	events: ContestEvent[],
	joins: NewContestant[],
	after: ContestState
): Promise<void> {
	if (events.length === 0) return;
	const rows = events.map((event, i) => {
		const { type, at, ...payload } = event;
		return { seq: seq + i + 1, type, payload, at: new Date(at).toISOString() };
	});
	// One statement and one parameter for the whole batch: on PGlite, thousands of bound
	// parameters cost more than the rows themselves.
	await tx.execute(sql`
		with batch as (
			select * from json_to_recordset(${JSON.stringify(rows)}::json)
				as x(seq int, type text, payload jsonb, at timestamptz)
		), logged as (
			insert into contest_event (contest_id, seq, type, payload, at)
			select ${contestId}::int, seq, type, payload, at from batch
		)
		insert into contest_answer
			(contest_id, contestant_id, round, "index", response, correct, points, elapsed_ms, at)
		select ${contestId}::int, payload->>'contestantId', (payload->>'round')::int,
			(payload->>'index')::int, payload->'response', (payload->>'correct')::boolean,
			(payload->>'points')::int, (payload->>'elapsedMs')::int, at
		from batch where type = 'answered'`);
	const joined = new Set(events.flatMap((e) => (e.type === 'joined' ? [e.contestantId] : [])));
	const contestants = joins
		.filter((j) => joined.has(j.contestantId))
		.map((j) => ({ ...j, contestId, joinedAt: new Date() }));
	await insertChunked(contestants, (chunk) => tx.insert(table.contestContestant).values(chunk));
	const ended = events.find((e) => e.type === 'ended');
	if (ended) {
		await tx
			.update(table.contest)
			.set({ status: 'ended', endedAt: new Date(ended.at), config: after.config })
			.where(eq(table.contest.id, contestId));
	} else if (events.some((e) => e.type === 'started')) {
		await tx
			.update(table.contest)
			.set({ status: 'running', config: after.config })
			.where(eq(table.contest.id, contestId));
	}
}

/** The constraint a unique violation names, through drizzle's wrapping; null for other errors. */
export function violatedConstraint(e: unknown): string | null {
	for (let cur = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
		const err = cur as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
		if (err.code === '23505') return String(err.constraint_name ?? err.constraint ?? '');
	}
	return null;
}
