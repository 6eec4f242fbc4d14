// The contest's event log in the database: read it back in order, and append a batch of
// decided events together with the rows that mirror them (answers, contestants, status) in the
// caller's transaction, so everything a client was told is stored or nothing is.
//
// One row of contest_event holds one event, except for answers: a run of consecutive `answered`
// events is ONE row of type `answers`, its payload in columns (`{ contestantId: [...], round:
// [...], ... }`). A burst of 2,000 answers is then one log row and 2,000 contest_answer rows
// instead of 4,000 rows, each with its own foreign-key check: on the embedded PGlite that halves
// the write that every acknowledgement of the burst waits for. `seq` numbers rows, so the
// primary key (contest_id, seq) still catches two nodes appending at once. Older logs with one
// `answered` row per answer read back the same.
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { ContestEvent, ContestState } from './types';

// Well under PostgreSQL's 65535 bind parameters per statement.
const ROWS_PER_INSERT = 1000;

/** PostgreSQL NOTIFY channel: `<contest id>:<seq>` after each append (several processes). */
export const APPEND_CHANNEL = 'lianbing_contest_append';

/** The stored type of a run of `answered` events. */
export const ANSWER_RUN = 'answers';

type Answered = Extract<ContestEvent, { type: 'answered' }>;

/** An `answers` row's payload: the run's answered events, one array per field. */
interface AnswerRun {
	contestantId: string[];
	round: number[];
	index: number[];
	response: (string | boolean)[];
	correct: boolean[];
	points: number[];
	elapsedMs: number[];
	at: number[];
}

export interface NewContestant {
	contestantId: string;
	userId: string | null;
	guestTokenHash: string | null;
	name: string;
	idField: string | null;
	teamId: string | null;
}

function expandRun(run: AnswerRun): Answered[] {
	return run.contestantId.map((contestantId, i) => ({
		type: 'answered',
		at: run.at[i],
		contestantId,
		round: run.round[i],
		index: run.index[i],
		response: run.response[i],
		correct: run.correct[i],
		points: run.points[i],
		elapsedMs: run.elapsedMs[i]
	}));
}

/** The events after position `after` (a row's seq), and the seq of the last row. */
export async function loadLog(
	db: Db,
	contestId: number,
	after = 0
): Promise<{ events: ContestEvent[]; seq: number }> {
	const rows = await db
		.select()
		.from(table.contestEvent)
		.where(and(eq(table.contestEvent.contestId, contestId), gt(table.contestEvent.seq, after)))
		.orderBy(asc(table.contestEvent.seq));
	const events: ContestEvent[] = [];
	for (const r of rows) {
		if (r.type === ANSWER_RUN) events.push(...expandRun(r.payload as AnswerRun));
		else
			events.push({ ...(r.payload as object), type: r.type, at: r.at.getTime() } as ContestEvent);
	}
	return { events, seq: rows.at(-1)?.seq ?? after };
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
		await insert(rows.slice(i, i + ROWS_PER_INSERT));
	}
}

/** A run's columns, each bound as ONE array parameter whatever the number of answers. */
function runColumns(run: Answered[]) {
	const n = run.length;
	const cols = {
		contestantId: new Array<string>(n),
		round: new Array<number>(n),
		index: new Array<number>(n),
		response: new Array<string | boolean>(n),
		// 1/0: postgres.js would send an array of booleans as a single boolean.
		correct: new Array<number>(n),
		points: new Array<number>(n),
		elapsedMs: new Array<number>(n),
		at: new Array<number>(n)
	};
	for (let i = 0; i < n; i++) {
		// Every field of the event has a column: a field added to 'answered' fails to compile
		// here until it is stored too.
		const { type, at, contestantId, round, index, response, correct, points, elapsedMs, ...rest } =
			run[i];
		const unstored: Record<string, never> = rest;
		void [type, unstored];
		cols.contestantId[i] = contestantId;
		cols.round[i] = round;
		cols.index[i] = index;
		cols.response[i] = response;
		cols.correct[i] = correct ? 1 : 0;
		cols.points[i] = points;
		cols.elapsedMs[i] = elapsedMs;
		cols.at[i] = at;
	}
	return cols;
}

/** One `answers` log row at `seq` and a contest_answer row per answer, in one statement. */
async function appendRun(tx: Db, contestId: number, seq: number, run: Answered[]): Promise<void> {
	const c = runColumns(run);
	await tx.execute(sql`
		with p as (
			select ${sql.param(c.contestantId)}::text[] as contestant_id,
				${sql.param(c.round)}::int[] as round, ${sql.param(c.index)}::int[] as "index",
				${JSON.stringify(c.response)}::jsonb as response,
				${sql.param(c.correct)}::int[]::bool[] as correct, ${sql.param(c.points)}::int[] as points,
				${sql.param(c.elapsedMs)}::int[] as elapsed_ms, ${sql.param(c.at)}::float8[] as at_ms
		), logged as (
			insert into contest_event (contest_id, seq, type, payload, at)
			select ${contestId}::int, ${seq}::int, ${ANSWER_RUN},
				jsonb_build_object('contestantId', to_jsonb(contestant_id), 'round', to_jsonb(round),
					'index', to_jsonb("index"), 'response', response, 'correct', to_jsonb(correct),
					'points', to_jsonb(points), 'elapsedMs', to_jsonb(elapsed_ms), 'at', to_jsonb(at_ms)),
				to_timestamp(at_ms[1] / 1000.0)
			from p
		)
		insert into contest_answer
			(contest_id, contestant_id, round, "index", response, correct, points, elapsed_ms, at)
		select ${contestId}::int, x.contestant_id, x.round, x."index", p.response -> (x.n::int - 1),
			x.correct, x.points, x.elapsed_ms, to_timestamp(x.at_ms / 1000.0)
		from p, unnest(p.contestant_id, p.round, p."index", p.correct, p.points, p.elapsed_ms, p.at_ms)
			with ordinality as x(contestant_id, round, "index", correct, points, elapsed_ms, at_ms, n)`);
}

/**
 * Appends `events` after the row `seq` and returns the seq of the last row written. A concurrent
 * writer (another node) that appended first makes the primary key (contest_id, seq) collide, and
 * a second answer to the same question trips contest_answer's unique index: either aborts the
 * whole transaction.
 */
export async function appendEvents(
	tx: Db,
	contestId: number,
	seq: number,
	events: ContestEvent[],
	joins: NewContestant[],
	after: ContestState
): Promise<number> {
	if (events.length === 0) return seq;
	const others: { seq: number; type: string; payload: object; at: string }[] = [];
	for (let i = 0; i < events.length;) {
		const event = events[i];
		seq += 1;
		if (event.type === 'answered') {
			let end = i + 1;
			while (end < events.length && events[end].type === 'answered') end += 1;
			await appendRun(tx, contestId, seq, events.slice(i, end) as Answered[]);
			i = end;
		} else {
			const { type, at, ...payload } = event;
			others.push({ seq, type, payload, at: new Date(at).toISOString() });
			i += 1;
		}
	}
	if (others.length > 0) {
		await tx.execute(sql`
			insert into contest_event (contest_id, seq, type, payload, at)
			select ${contestId}::int, seq, type, payload, at
			from json_to_recordset(${JSON.stringify(others)}::json)
				as x(seq int, type text, payload jsonb, at timestamptz)`);
	}
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
	return seq;
}

/** In the append's transaction: other processes hear of it when, and only if, it commits. */
export async function announceAppend(tx: Db, contestId: number, seq: number): Promise<void> {
	await tx.execute(sql`select pg_notify(${APPEND_CHANNEL}, ${`${contestId}:${seq}`})`);
}

/** The constraint a unique violation names, through drizzle's wrapping; null for other errors. */
export function violatedConstraint(e: unknown): string | null {
	for (let cur = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
		const err = cur as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
		if (err.code === '23505') return String(err.constraint_name ?? err.constraint ?? '');
	}
	return null;
}
