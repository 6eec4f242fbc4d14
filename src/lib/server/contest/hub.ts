// The live contests of one process. Commands for a contest run one batch at a time: every batch
// is decided against the cached state, appended to contest_event in ONE transaction, and only
// then acknowledged and broadcast (group commit: answers arriving within a few milliseconds, or
// while the previous batch is being written, share a transaction). The state is the fold of the
// log; another node appending first makes our insert collide, and we reload and decide again.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { log } from '../log';
import { drawRounds } from './draw';
import { decide, foldEvents, initialState, type Command, type Decision } from './engine';
import { applyEventInPlace, ownedCopy } from './fold';
import { appendEvents, loadLog, violatedConstraint, type NewContestant } from './store';
import { HubTimers } from './timers';
import type { ContestEvent, ContestState, QuestionRef } from './types';

export type ExecuteResult = Decision & { state?: ContestState };

export interface HubOptions {
	db: Db;
	now?: () => number;
	/** Called after each committed batch with its events, in order, and the state after them. */
	onEvents?: (contestId: number, events: ContestEvent[], state: ContestState) => void;
	/** How long answers wait for company before a batch is written (default 5 ms). */
	batchWindowMs?: number;
	/** At most this many commands per transaction (default 500); more wait for the next one. */
	maxBatch?: number;
}

export interface Job {
	command: Command;
	/** Stamped on arrival, so batching never costs a contestant time. */
	at: number;
	/** Set for the automatic reveal: only reveal this question, and only once it is due. */
	auto?: QuestionRef;
	join?: NewContestant;
	resolve: (result: ExecuteResult) => void;
	reject: (error: unknown) => void;
}

export interface Room {
	id: number;
	state: ContestState;
	seq: number;
	queue: Job[];
	busy: boolean;
	flushTimer: ReturnType<typeof setTimeout> | null;
}

const MAX_ATTEMPTS = 8;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class HubCore {
	readonly db: Db;
	readonly now: () => number;
	protected readonly rooms = new Map<number, Promise<Room | null>>();
	protected readonly timers: HubTimers;
	protected closed = false;
	private readonly onEvents: HubOptions['onEvents'];
	private readonly windowMs: number;
	private readonly maxBatch: number;

	constructor(options: HubOptions) {
		this.db = options.db;
		this.now = options.now ?? Date.now;
		this.onEvents = options.onEvents;
		this.windowMs = options.batchWindowMs ?? 5;
		this.maxBatch = options.maxBatch ?? 500;
		this.timers = new HubTimers(this);
	}

	/** The cached room, loaded from the log on a miss; null when the contest does not exist. */
	room(contestId: number): Promise<Room | null> {
		let room = this.rooms.get(contestId);
		if (!room) {
			room = this.loadRoom(contestId);
			this.rooms.set(contestId, room);
			room.then(
				(r) => r || this.rooms.delete(contestId),
				() => this.rooms.delete(contestId)
			);
		}
		return room;
	}

	private async loadRoom(id: number): Promise<Room | null> {
		const { events, seq } = await loadLog(this.db, id);
		if (seq === 0) return null;
		return { id, state: foldEvents(events), seq, queue: [], busy: false, flushTimer: null };
	}

	protected async reload(room: Room): Promise<void> {
		const { events, seq } = await loadLog(this.db, room.id);
		room.state = foldEvents(events);
		room.seq = seq;
	}

	enqueue(room: Room, job: Omit<Job, 'resolve' | 'reject'>): Promise<ExecuteResult> {
		if (this.closed) return Promise.reject(new Error('ContestHub is closed'));
		return new Promise((resolve, reject) => {
			// One shape for every job (no spread): thousands of these are queued in a burst.
			room.queue.push({
				command: job.command,
				at: job.at,
				auto: job.auto,
				join: job.join,
				resolve,
				reject
			});
			if (room.busy || room.flushTimer) return;
			// Host commands go out at once; answers wait a moment for others to share the commit.
			const wait = job.command.type === 'answer' ? this.windowMs : 0;
			room.flushTimer = setTimeout(() => {
				room.flushTimer = null;
				void this.drain(room);
			}, wait);
		});
	}

	private async drain(room: Room): Promise<void> {
		room.busy = true;
		try {
			while (room.queue.length > 0) {
				await this.commit(room, room.queue.splice(0, this.maxBatch));
				// Let this batch's acknowledgements leave and the next commands come in.
				if (room.queue.length > 0) await nextTurn();
			}
		} finally {
			room.busy = false;
		}
	}

	private async commit(room: Room, jobs: Job[]): Promise<void> {
		for (let attempt = 1; ; attempt++) {
			try {
				const batch = await this.decideBatch(room, jobs);
				let seq = room.seq;
				if (batch.events.length > 0) {
					seq = await this.db.transaction(async (tx) => {
						if (jobs.some((j) => j.auto)) await this.timers.lockForReveal(tx as Db, room.id);
						return appendEvents(
							tx as Db,
							room.id,
							room.seq,
							batch.events,
							batch.joins,
							batch.state
						);
					});
				}
				room.state = batch.state;
				room.seq = seq;
				for (let i = 0; i < jobs.length; i++) {
					const result: ExecuteResult = batch.decisions[i];
					result.state = batch.state;
					jobs[i].resolve(result);
				}
				if (batch.events.length > 0) this.publish(room, batch.events);
				return;
			} catch (e) {
				if (violatedConstraint(e) === null && !HubTimers.isLockBusy(e)) {
					log.error('contest batch failed', { contestId: room.id, err: e });
					for (const job of jobs) job.reject(e);
					return;
				}
				if (attempt >= MAX_ATTEMPTS) {
					for (const job of jobs) job.resolve({ ok: false, code: 'contest_busy' });
					return;
				}
				// Someone else wrote first: our cached state is stale. Catch up and decide again.
				if (HubTimers.isLockBusy(e)) await new Promise((r) => setTimeout(r, 50 * attempt));
				await this.reload(room);
			}
		}
	}

	private async decideBatch(room: Room, jobs: Job[]) {
		const state = ownedCopy(room.state);
		const events: ContestEvent[] = [];
		const joins: NewContestant[] = [];
		const decisions: Decision[] = [];
		for (const job of jobs) {
			const command = this.startsContest(state, job)
				? await this.withDrawnQuestions(room)
				: this.commandOf(state, job);
			const decision: Decision = command
				? decide(state, command, job.at)
				: { ok: false, code: 'contest_wrong_phase' };
			if (decision.ok) {
				for (const event of decision.events) applyEventInPlace(state, event);
				events.push(...decision.events);
				if (job.join) joins.push(job.join);
			}
			decisions.push(decision);
		}
		return { state, events, joins, decisions };
	}

	/** The command to decide; none for an automatic reveal that is no longer due. */
	private commandOf(state: ContestState, job: Job): Command | null {
		if (job.auto) return this.timers.isDue(state, job.auto, job.at) ? job.command : null;
		return job.command;
	}

	private startsContest(state: ContestState, job: Job): boolean {
		const { type } = job.command;
		return !job.auto && (type === 'start' || type === 'next') && state.phase.name === 'lobby';
	}

	/** The start always uses questions drawn now, from the contest's own draft. */
	private async withDrawnQuestions(room: Room): Promise<Command> {
		const [row] = await this.db
			.select({ draft: table.contest.draft, unitPath: table.unit.path })
			.from(table.contest)
			.innerJoin(table.unit, eq(table.contest.unitId, table.unit.id))
			.where(eq(table.contest.id, room.id));
		return { type: 'start', rounds: await drawRounds(this.db, row.unitPath, row.draft) };
	}

	private publish(room: Room, events: ContestEvent[]): void {
		this.timers.arm(room);
		try {
			this.onEvents?.(room.id, events, room.state);
		} catch (err) {
			log.error('contest onEvents failed', { contestId: room.id, err });
		}
	}

	/** Drops every timer and refuses new commands; batches already queued still get written. */
	close(): void {
		this.closed = true;
		this.timers.clearAll();
	}

	emptyState(): ContestState {
		return initialState();
	}
}
