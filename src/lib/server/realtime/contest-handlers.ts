// The live contest over Socket.IO: contestants join and answer, the host runs it, the host
// console and the studio screen watch. Every event checks who is asking; the hub (contest
// service) decides, stores, then acknowledges; the broadcaster pushes each audience its view.
import type { ContestStatePayload, HostRequest } from '../../contest-protocol';
import type { Database, Db } from '../db/client';
import type { Command } from '../contest/engine';
import { ContestHub } from '../contest/service';
import { contestantView, hostView, studioView, type ViewContext } from '../contest/views';
import { DomainError } from '../errors';
import { log } from '../log';
import { onEvent } from './ack';
import { ContestDirectory, type Asker, type ContestFacts } from './contest-access';
import { ContestBroadcaster, contestRooms as rooms } from './contest-broadcast';
import { parseAnswer, parseContestRef, parseHost, parseJoin, parseWatch } from './contest-payloads';
import type { AppServer, AppSocket } from './handler';
import { RateLimiter } from './rate-limit';
import { getSocketServer } from './host.js';

// An honest phone answers once per question and joins once per (re)connection.
const LIMITS = {
	join: { capacity: 5, perSecond: 0.5 },
	answer: { capacity: 5, perSecond: 1 },
	host: { capacity: 20, perSecond: 5 },
	watch: { capacity: 10, perSecond: 1 }
};

export interface ContestRealtime {
	hub: ContestHub;
	directory: ContestDirectory;
	register(socket: AppSocket, io: AppServer): void;
	close(): void;
}

export interface ContestRealtimeOptions {
	getDb: () => Db;
	/** PostgreSQL's `Database.listen`, when several app processes share the database. */
	listen?: Database['listen'];
	getIo?: () => AppServer | null;
	now?: () => number;
}

function toCommand(req: HostRequest): Command {
	if (req.command === 'kick') return { type: 'kick', contestantId: req.contestantId! };
	return { type: req.command };
}

function askerOf(socket: AppSocket): Asker | null {
	const { user, unitPath } = socket.data;
	return user && unitPath !== null ? { id: user.id, role: user.role, unitPath } : null;
}

const contextOf = (facts: ContestFacts): ViewContext => ({ id: facts.id, code: facts.code });

export function createContestRealtime(options: ContestRealtimeOptions): ContestRealtime {
	const getIo = options.getIo ?? (() => getSocketServer() as AppServer | null);
	const directory = new ContestDirectory(options.getDb);
	const broadcaster = new ContestBroadcaster(
		getIo,
		async (id) => {
			const facts = await directory.get(id);
			return facts && contextOf(facts);
		},
		(ctx) => directory.forgetCode(ctx.code),
		(id) => hub.state(id)
	);
	const hub: ContestHub = new ContestHub({
		db: options.getDb(),
		now: options.now,
		listen: options.listen,
		onEvents: (contestId, events, state) => {
			broadcaster.publish(contestId, events, state).catch((err) => {
				log.error('contest broadcast failed', { err, contestId });
			});
		},
		onCatchUp: (contestId, events, state) => broadcaster.follow(contestId, events, state)
	});

	/** One seat per contestant: an older connection (another tab or device) gives it up. */
	function takeSeat(io: AppServer, socket: AppSocket, contestId: number, contestantId: string) {
		const room = rooms.contestant(contestId, contestantId);
		io.to(room).except(socket.id).emit('contest:left', { contestId, reason: 'replaced' });
		io.in(room)
			.except(socket.id)
			.socketsLeave([rooms.players(contestId), room]);
		const old = socket.data.seat;
		if (old) socket.leave(rooms.contestant(old.contestId, old.contestantId));
		if (old && old.contestId !== contestId) socket.leave(rooms.players(old.contestId));
		socket.join([rooms.players(contestId), room]);
		socket.data.seat = { contestId, contestantId };
	}

	function register(socket: AppSocket, io: AppServer): void {
		const limiter = new RateLimiter(LIMITS);
		const limit = (key: keyof typeof LIMITS) => {
			if (!limiter.allow(key)) throw new DomainError('rate_limited');
		};

		onEvent(socket, 'contest:join', async (payload) => {
			const req = parseJoin(payload);
			limit('join');
			const { user, guestCode } = socket.data;
			if (!user && guestCode !== req.code) throw new DomainError('unauthorized');
			const facts = await directory.find(req.code);
			if (!facts) throw new DomainError('contest_not_found');
			if (!user && !facts.allowGuests) throw new DomainError('contest_guests_not_allowed');
			const teamId = req.teamId ?? null;
			const joined = await hub.join(
				facts.id,
				user
					? { userId: user.id, teamId }
					: { guestToken: req.guestToken, name: req.name ?? '', idField: req.idField, teamId }
			);
			if ('code' in joined) throw new DomainError(joined.code);
			takeSeat(io, socket, facts.id, joined.contestantId);
			const view = contestantView(await hub.state(facts.id), joined.contestantId, contextOf(facts));
			if (!view) throw new DomainError('contest_not_joined');
			return joined.guestToken ? { ...view, guestToken: joined.guestToken } : view;
		});

		onEvent(socket, 'contest:answer', async (payload) => {
			const req = parseAnswer(payload);
			limit('answer');
			const seat = socket.data.seat;
			// Rooms, not just the seat: a seat taken over elsewhere (or a removal) empties them.
			if (
				!seat ||
				seat.contestId !== req.contestId ||
				!socket.rooms.has(rooms.contestant(seat.contestId, seat.contestantId))
			) {
				throw new DomainError('contest_not_joined');
			}
			const { round, index, response } = req;
			const decision = await hub.execute(req.contestId, {
				type: 'answer',
				contestantId: seat.contestantId,
				round,
				index,
				response
			});
			if (!decision.ok) throw new DomainError(decision.code);
			return { round, index, response };
		});

		onEvent(socket, 'contest:host', async (payload) => {
			const req = parseHost(payload);
			limit('host');
			const facts = await directory.requireHost(askerOf(socket), req.contestId);
			const decision = await hub.execute(facts.id, toCommand(req));
			if (!decision.ok) throw new DomainError(decision.code);
			return hostView(decision.state ?? (await hub.state(facts.id)), contextOf(facts));
		});

		onEvent(socket, 'contest:watch', async (payload): Promise<ContestStatePayload> => {
			const req = parseWatch(payload);
			limit('watch');
			const facts = await directory.requireHost(askerOf(socket), req.contestId);
			const state = await hub.state(facts.id);
			if (req.view === 'host') {
				socket.join(rooms.host(facts.id));
				return { audience: 'host', view: hostView(state, contextOf(facts)) };
			}
			socket.join(rooms.studio(facts.id));
			return { audience: 'studio', view: studioView(state, contextOf(facts)) };
		});

		onEvent(socket, 'contest:leave', (payload) => {
			const { contestId } = parseContestRef(payload);
			const seat = socket.data.seat;
			for (const room of [rooms.host(contestId), rooms.studio(contestId), rooms.players(contestId)])
				socket.leave(room);
			if (seat?.contestId === contestId) {
				socket.leave(rooms.contestant(contestId, seat.contestantId));
				socket.data.seat = null;
			}
			return {};
		});
	}

	return {
		hub,
		directory,
		register,
		close() {
			broadcaster.close();
			hub.close();
		}
	};
}

const KEY = Symbol.for('lianbing.contest-realtime');

/** The process's one instance: a dev-mode reload replaces it, so timers never fire twice. */
export function startContestRealtime(options: ContestRealtimeOptions): ContestRealtime {
	const g = globalThis as unknown as Record<symbol, ContestRealtime | undefined>;
	g[KEY]?.close();
	const created = createContestRealtime(options);
	g[KEY] = created;
	return created;
}
