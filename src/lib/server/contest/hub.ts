// The live contests of one process. Commands for a contest run one batch at a time: every batch
// is decided against the cached state, appended to contest_event in ONE transaction, and only
// then acknowledged and broadcast (group commit: answers arriving within a few milliseconds, or
// while the previous batch is being written, share a transaction). The state is the fold of the
// log.
//
// Several processes on one PostgreSQL (`listen` given): each append also sends a NOTIFY with the
// contest and its new last seq, delivered to every process when the transaction commits. A
// process that caches the contest folds in what it missed, re-arms its timers and keeps its views
// current. Before deciding a batch, and before handing out a state, it reads what is newer than
// its cache (one indexed query), so a command never meets a state older than the last append.
// Two processes appending at once collide on contest_event's primary key; the loser catches up
// and decides again.
import { eq } from 'drizzle-orm';
import type { Database, Db } from '../db/client';
import * as table from '../db/schema';
import { log } from '../log';
import { drawRounds } from './draw';
import { decide, initialState, type Command, type Decision } from './engine';
import { applyEventInPlace, ownedCopy } from './fold';
import {
	announceAppend,
	appendEvents,
	APPEND_CHANNEL,
	loadLog,
	violatedConstraint,
	type NewContestant
} from './store';
import { HubTimers } from './timers';
import type { ContestEvent, ContestState, QuestionRef } from './types';

export type ExecuteResult = Decision & { state?: ContestState };

export interface HubOptions {
	db: Db;
	now?: () => number;
	/** Called after each batch this hub committed, with its events in order and the state after. */
	onEvents?: (contestId: number, events: ContestEvent[], state: ContestState) => void;
	/** Called with events another process committed, once they are folded into the state. */
	onCatchUp?: (contestId: number, events: ContestEvent[], state: ContestState) => void;
	/** How long answers wait for company before a batch is written (default 5 ms). */
	batchWindowMs?: number;
	/** At most this many commands per transaction (default 500); more wait for the next one. */
	maxBatch?: number;
	/**
	 * Other processes may write the same contests (PostgreSQL's `Database.listen`). Without it,
	 * the hub is the only writer, as on the embedded PGlite.
	 */
	listen?: Database['listen'];
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
	/** The seq of the last log row folded into `state`. */
	seq: number;
	/** The highest seq another process announced; above `seq`, the state is behind. */
	announced: number;
	queue: Job[];
	/** A drain is running and will take what is queued. */
	busy: boolean;
	flushTimer: ReturnType<typeof setTimeout> | null;
	/** Drains and catch-ups of this room run one after the other on this chain. */
	tail: Promise<void>;
}

const MAX_ATTEMPTS = 8;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class HubCore {
	readonly db: Db;
	readonly now: () => number;
	/** Resolves once this hub hears other processes' appends (at once without `listen`). */
	readonly listening: Promise<void>;
	protected readonly rooms = new Map<number, Promise<Room | null>>();
	protected readonly timers: HubTimers;
	protected readonly shared: boolean;
	protected closed = false;
	/** Batches decided again because another writer had appended first. */
	readonly stats = { retries: 0 };
	private readonly onEvents: HubOptions['onEvents'];
	private readonly onCatchUp: HubOptions['onCatchUp'];
	private readonly windowMs: number;
	private readonly maxBatch: number;
	private unlisten: (() => Promise<void>) | null = null;

	constructor(options: HubOptions) {
		this.db = options.db;
		this.now = options.now ?? Date.now;
		this.onEvents = options.onEvents;
		this.onCatchUp = options.onCatchUp;
		this.windowMs = options.batchWindowMs ?? 5;
		this.maxBatch = options.maxBatch ?? 500;
		this.timers = new HubTimers(this);
		this.shared = options.listen !== undefined;
		this.listening = options.listen
			? options
					.listen(
						APPEND_CHANNEL,
						(payload) => this.heard(payload),
						// Also after a reconnect: what was announced meanwhile is lost, so look.
						() => this.catchUpAll()
					)
					.then(
						(unlisten) => {
							if (this.closed) void unlisten();
							else this.unlisten = unlisten;
						},
						// Commands still read the log before deciding; only the push is missing.
						(err) => log.error('contest listen failed', { err })
					)
			: Promise.resolve();
	}

	/** The cached room, loaded from the log on a miss; null when the contest does not exist. */
	room(contestId: number): Promise<Room | null> {
		let room = this.rooms.get(contestId);
		if (!room) {
			room = this.loadRoom(contestId);
			this.rooms.set(contestId, room);
			// Ended contests change no more: they are not kept.
			room.then(
				(r) => (!r || r.state.phase.name === 'ended') && this.rooms.delete(contestId),
				() => this.rooms.delete(contestId)
			);
		}
		return room;
	}

	private async loadRoom(id: number): Promise<Room | null> {
		const room: Room = {
			id,
			state: initialState(),
			seq: 0,
			announced: 0,
			queue: [],
			busy: false,
			flushTimer: null,
			tail: Promise.resolve()
		};
		await this.foldNewer(room);
		return room.seq === 0 ? null : room;
	}

	/** Folds in the log rows after `room.seq`; returns the events that were new. */
	private async foldNewer(room: Room): Promise<ContestEvent[]> {
		const { events, seq } = await loadLog(this.db, room.id, room.seq);
		if (events.length > 0) {
			const state = ownedCopy(room.state);
			for (const event of events) applyEventInPlace(state, event);
			room.state = state;
		}
		room.seq = seq;
		return events;
	}

	/** Catches up with what other processes appended, and lets timers and views follow. */
	private async catchUp(room: Room): Promise<void> {
		const announced = room.announced;
		const events = await this.foldNewer(room);
		// Nothing that new in the log (catchUpAll asks for whatever is there): stop looking.
		if (room.seq < announced && room.announced === announced) room.announced = room.seq;
		if (events.length === 0) return;
		this.timers.arm(room);
		try {
			this.onCatchUp?.(room.id, events, room.state);
		} catch (err) {
			log.error('contest onCatchUp failed', { contestId: room.id, err });
		}
		this.evictIfEnded(room);
	}

	/** Runs `fn` after every drain or catch-up of this room queued before it. */
	private exclusive<T>(room: Room, fn: () => Promise<T>): Promise<T> {
		const run = room.tail.then(fn);
		room.tail = run.then(
			() => {},
			() => {}
		);
		return run;
	}

	/** The room's state as of now: with other writers, after reading what they appended. */
	protected async current(room: Room): Promise<ContestState> {
		if (this.shared && !this.closed) await this.exclusive(room, () => this.catchUp(room));
		return room.state;
	}

	/** A NOTIFY from the append channel: `<contest id>:<seq>`. */
	private heard(payload: string): void {
		const [id, seq] = payload.split(':').map(Number);
		const pending = this.rooms.get(id);
		if (!pending || this.closed) return;
		pending.then(
			(room) => {
				if (!room || seq <= room.seq) return; // our own append, or already folded
				room.announced = Math.max(room.announced, seq);
				if (!room.busy) void this.drain(room);
			},
			() => {} // the load failed; the next command loads it again
		);
	}

	private catchUpAll(): void {
		for (const pending of this.rooms.values()) {
			pending.then(
				(room) => {
					if (room && !this.closed) {
						room.announced = Number.MAX_SAFE_INTEGER; // whatever is there
						void this.drain(room);
					}
				},
				() => {}
			);
		}
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

	private drain(room: Room): Promise<void> {
		return this.exclusive(room, async () => {
			room.busy = true;
			try {
				for (;;) {
					const jobs = room.queue.splice(0, this.maxBatch);
					if (jobs.length > 0) await this.commit(room, jobs);
					else if (room.announced > room.seq) await this.catchUp(room);
					if (room.queue.length === 0 && room.announced <= room.seq) break;
					// Let this batch's acknowledgements leave and the next commands come in.
					await nextTurn();
				}
			} catch (err) {
				log.error('contest catch-up failed', { contestId: room.id, err });
			} finally {
				room.busy = false;
			}
		});
	}

	private async commit(room: Room, jobs: Job[]): Promise<void> {
		for (let attempt = 1; ; attempt++) {
			try {
				// With other writers, read what they appended first (after a collision, always).
				if (this.shared || attempt > 1) await this.catchUp(room);
				const batch = await this.decideBatch(room, jobs);
				let seq = room.seq;
				if (batch.events.length > 0) {
					seq = await this.db.transaction(async (tx) => {
						if (jobs.some((j) => j.auto)) await this.timers.lockForReveal(tx as Db, room.id);
						const last = await appendEvents(
							tx as Db,
							room.id,
							room.seq,
							batch.events,
							batch.joins,
							batch.state
						);
						if (this.shared) await announceAppend(tx as Db, room.id, last);
						return last;
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
				this.stats.retries += 1;
				if (HubTimers.isLockBusy(e)) await new Promise((r) => setTimeout(r, 50 * attempt));
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
		this.evictIfEnded(room);
	}

	/** An ended contest changes no more: drop it (a later look loads it from the log again). */
	private evictIfEnded(room: Room): void {
		if (room.state.phase.name === 'ended') this.rooms.delete(room.id);
	}

	/** Drops every timer and refuses new commands; batches already queued still get written. */
	close(): void {
		this.closed = true;
		this.timers.clearAll();
		void this.unlisten?.();
		this.unlisten = null;
	}

	/** How many contests this process keeps in memory. */
	get cachedContests(): number {
		return this.rooms.size;
	}

	emptyState(): ContestState {
		return initialState();
	}
}
