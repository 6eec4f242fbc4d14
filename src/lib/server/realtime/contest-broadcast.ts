// Pushes a contest's new state to its rooms once its events are stored. Phase changes go out at
// once to everyone; joins and answers only move counts, so the host console and the studio get
// those coalesced (and the phones not at all), which keeps a burst of 2,000 answers cheap.
import { answerSlot, type ContestEvent, type ContestState } from '../contest/types';
import { answeredCount, hostView, meView, playerView, studioView } from '../contest/views';
import type { ViewContext } from '../contest/views';
import type { AppServer } from './handler';

export const contestRooms = {
	host: (id: number) => `contest:${id}:host`,
	studio: (id: number) => `contest:${id}:studio`,
	players: (id: number) => `contest:${id}:players`,
	contestant: (id: number, contestantId: string) => `contest:${id}:c:${contestantId}`
};

const COUNTS_EVERY_MS = 250;
const ROSTER_EVERY_MS = 1_000;
const PHASE_EVENTS = new Set<ContestEvent['type']>([
	'created',
	'started',
	'question_opened',
	'paused',
	'resumed',
	'revealed',
	'ended'
]);

interface Pending {
	timer: ReturnType<typeof setTimeout>;
	state: ContestState;
}

/** The open question's answer count and the room's size, after some batch. */
export interface AnswerCounts {
	slot: string | null;
	answered: number;
	contestants: number;
}

function countsOf(state: ContestState): AnswerCounts {
	const { phase } = state;
	let contestants = 0;
	for (const id in state.contestants) if (!state.contestants[id].kicked) contestants += 1;
	return {
		slot: 'at' in phase ? answerSlot(phase.at) : null,
		answered: answeredCount(state),
		contestants
	};
}

/**
 * The counts after a batch, from those before it: a batch of joins and answers only adds to
 * them, so a burst costs O(answers) instead of a pass over the whole room per batch. Anything
 * else (a new question, a removal) counts the room again.
 */
export function nextCounts(
	before: AnswerCounts | undefined,
	events: ContestEvent[],
	state: ContestState
): AnswerCounts {
	if (!before || !events.every((e) => e.type === 'answered' || e.type === 'joined')) {
		return countsOf(state);
	}
	let { answered, contestants } = before;
	for (const e of events) {
		// A join event is only ever decided for someone new, and only a contestant still in the
		// room can answer.
		if (e.type === 'joined') contestants += 1;
		else if (answerSlot(e) === before.slot) answered += 1;
	}
	return { slot: before.slot, answered, contestants };
}

export class ContestBroadcaster {
	private readonly pending = new Map<number, Pending>();
	private readonly contexts = new Map<number, ViewContext>();
	private readonly counts = new Map<number, AnswerCounts>();

	constructor(
		private readonly getIo: () => AppServer | null,
		private readonly contextOf: (contestId: number) => Promise<ViewContext | null>,
		private readonly onEnded: (ctx: ViewContext) => void = () => {},
		/** The contest's state as of now, for coalesced views (else the last one published). */
		private readonly latest?: (contestId: number) => Promise<ContestState>
	) {}

	async publish(contestId: number, events: ContestEvent[], state: ContestState): Promise<void> {
		// Before any await: batches arrive in order, and each count builds on the one before.
		const counts = nextCounts(this.counts.get(contestId), events, state);
		this.counts.set(contestId, counts);
		const io = this.getIo();
		// Synchronous when the context is known, so the room hears of a new question before the
		// host's own acknowledgement (a large view) is even built.
		const ctx = this.contexts.get(contestId) ?? (await this.contextOf(contestId));
		if (!io || !ctx || events.length === 0) return;
		this.contexts.set(contestId, ctx);
		for (const e of events) {
			if (e.type === 'kicked') this.remove(io, contestId, e.contestantId);
		}
		const types = new Set(events.map((e) => e.type));
		if ([...types].some((t) => PHASE_EVENTS.has(t) || t === 'kicked')) {
			this.cancel(contestId);
			this.sendAll(io, ctx, state, types);
		} else {
			if (types.has('answered')) this.sendCount(io, contestId, state, counts);
			this.schedule(contestId, state, types.has('joined') ? COUNTS_EVERY_MS : ROSTER_EVERY_MS);
		}
		if (types.has('ended')) {
			this.contexts.delete(contestId);
			this.counts.delete(contestId);
			this.onEnded(ctx);
		}
	}

	/**
	 * Events another process stored and broadcast itself (its emits reach every process's
	 * sockets): only keep the counts and the coalesced views of this process current.
	 */
	follow(contestId: number, events: ContestEvent[], state: ContestState): void {
		this.counts.set(contestId, nextCounts(this.counts.get(contestId), events, state));
		const pending = this.pending.get(contestId);
		if (pending) pending.state = state;
		if (events.some((e) => e.type === 'ended')) {
			this.cancel(contestId);
			this.counts.delete(contestId);
			const ctx = this.contexts.get(contestId);
			this.contexts.delete(contestId);
			if (ctx) this.onEnded(ctx);
		}
	}

	close(): void {
		for (const id of [...this.pending.keys()]) this.cancel(id);
	}

	private sendAll(io: AppServer, ctx: ViewContext, state: ContestState, types: Set<string>) {
		const id = ctx.id;
		// The phones first: they are many and their view is the cheapest to build.
		io.to(contestRooms.players(id)).emit('contest:state', {
			audience: 'player',
			view: playerView(state, ctx)
		});
		io.to(contestRooms.studio(id)).emit('contest:state', {
			audience: 'studio',
			view: studioView(state, ctx)
		});
		io.to(contestRooms.host(id)).emit('contest:state', {
			audience: 'host',
			view: hostView(state, ctx)
		});
		// Scores and ranks move only when results become known.
		if (types.has('revealed') || types.has('ended')) {
			for (const c of Object.values(state.contestants)) {
				if (c.kicked) continue;
				const me = meView(state, c.id);
				if (me) io.to(contestRooms.contestant(id, c.id)).emit('contest:me', me);
			}
		}
	}

	private sendCount(io: AppServer, id: number, state: ContestState, counts: AnswerCounts) {
		const { phase } = state;
		if (!('at' in phase)) return;
		io.to([contestRooms.host(id), contestRooms.studio(id)]).volatile.emit('contest:answered', {
			...phase.at,
			answered: counts.answered,
			contestants: counts.contestants
		});
	}

	/** Host and studio get the latest state at most once per `delayMs` while counts move. */
	private schedule(id: number, state: ContestState, delayMs: number) {
		const pending = this.pending.get(id);
		if (pending) {
			pending.state = state;
			return;
		}
		const timer = setTimeout(() => void this.flush(id), delayMs);
		this.pending.set(id, { timer, state });
	}

	private async flush(id: number) {
		const pending = this.pending.get(id);
		this.pending.delete(id);
		const io = this.getIo();
		const ctx = await this.contextOf(id);
		if (!pending || !io || !ctx) return;
		const state = this.latest ? await this.latest(id) : pending.state;
		io.to(contestRooms.host(id)).emit('contest:state', {
			audience: 'host',
			view: hostView(state, ctx)
		});
		io.to(contestRooms.studio(id)).emit('contest:state', {
			audience: 'studio',
			view: studioView(state, ctx)
		});
	}

	private cancel(id: number) {
		const pending = this.pending.get(id);
		if (pending) clearTimeout(pending.timer);
		this.pending.delete(id);
	}

	/** A removed contestant is told so, and their sockets leave the rooms (on every node). */
	private remove(io: AppServer, id: number, contestantId: string) {
		const room = contestRooms.contestant(id, contestantId);
		io.to(room).emit('contest:left', { contestId: id, reason: 'removed' });
		io.in(room).socketsLeave([contestRooms.players(id), room]);
	}
}
