// Shared by the contest-socket-*.test.ts files: a real Socket.IO server with the app's handler
// and a real ContestHub on the test database (on the Redis adapter when REDIS_URL is set), a
// contest with recognisable secrets, and clients that record every payload they receive.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'socket.io-client';
import type { Database, Db } from '../../src/lib/server/db/client';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { createContest } from '../../src/lib/server/contest/service';
import {
	createContestRealtime,
	type ContestRealtime
} from '../../src/lib/server/realtime/contest-handlers';
import { createSocketHandler, type AppServer } from '../../src/lib/server/realtime/handler';
import { createSocketServer, type SocketServer } from '../../src/lib/server/realtime/host.js';
import { createClientSocket, type ClientSocket } from '../../src/lib/realtime/client';
import { draft, publishQuestions, question, round } from './contest-fixtures';
import { sessionCookie } from '../helpers/realtime';

export const SECRETS = {
	explanation: '解析密文：按日连续处罚的起算日为责令改正之日',
	legalBasis: '《秘密条例》第九百九十九条',
	fillKey: '连续处罚秘钥'
};

const redisKey = `lianbing-contest-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

export interface RunningServer {
	url: string;
	port: number;
	io: AppServer;
	contests: ContestRealtime;
	close(): Promise<void>;
	/** Like a killed process: connections drop without a goodbye, timers die, nothing is flushed. */
	crash(): Promise<void>;
}

/**
 * A real server on `port` (0: any free one); its hub has the given clock, and hears other
 * processes' appends through `listen` (PostgreSQL).
 */
export async function startServer(
	db: Db,
	port = 0,
	now?: () => number,
	listen?: Database['listen']
): Promise<RunningServer> {
	const server = http.createServer((_req, res) => res.writeHead(404).end());
	const connections = new Set<import('node:net').Socket>();
	server.on('connection', (socket) => {
		connections.add(socket);
		socket.on('close', () => connections.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const actual = (server.address() as AddressInfo).port;
	let io: AppServer | null = null;
	const contests = createContestRealtime({ getDb: () => db, getIo: () => io, now, listen });
	const handler = createSocketHandler({ getDb: () => db, contests });
	const node: SocketServer = await createSocketServer(server, {
		redisUrl: process.env.REDIS_URL ?? null,
		redisKey,
		handler: async () => handler as never
	});
	io = node.io as unknown as AppServer;
	return {
		url: `http://127.0.0.1:${actual}`,
		port: actual,
		io,
		contests,
		async close() {
			contests.close();
			await node.close();
		},
		async crash() {
			contests.close();
			for (const socket of connections) socket.destroy();
			await node.close();
		}
	};
}

/** Three questions: single (key C), fill (a secret key text), true/false (key false). */
export async function makeContest(
	db: Db,
	host: SessionUser,
	over: { allowGuests?: boolean; allowLateJoin?: boolean; limitSeconds?: number } = {}
) {
	const common = { explanation: SECRETS.explanation, legalBasis: SECRETS.legalBasis };
	const ids = await publishQuestions(db, '210000', [
		question({ ...common, answer: 'C' }),
		question({
			...common,
			type: 'fill',
			stem: '对拒不改正的，可以实施什么处罚？',
			options: [],
			answer: [SECRETS.fillKey]
		}),
		question({
			...common,
			type: 'truefalse',
			stem: '按日连续处罚没有上限。',
			options: [],
			answer: false
		})
	]);
	return createContest(
		db,
		host,
		draft({
			allowGuests: over.allowGuests ?? true,
			allowLateJoin: over.allowLateJoin ?? true,
			rounds: [round({ questionIds: ids, limitSeconds: over.limitSeconds ?? 20 })]
		})
	);
}

export interface Received {
	event: string;
	payload: unknown;
}

/** A client that keeps every event and every acknowledgement it receives. */
export class Recorder {
	readonly received: Received[] = [];
	constructor(readonly socket: ClientSocket) {
		(socket as unknown as Socket).onAny((event: string, payload: unknown) => {
			this.received.push({ event, payload });
		});
	}

	async call(event: string, payload?: unknown, ms = 5_000): Promise<any> {
		const raw = this.socket as unknown as Socket;
		const res =
			payload === undefined
				? await raw.timeout(ms).emitWithAck(event)
				: await raw.timeout(ms).emitWithAck(event, payload);
		this.received.push({ event: `ack:${event}`, payload: res });
		return res;
	}

	/** The next `event` whose payload passes `test`, also if it already arrived since `from`. */
	async waitFor<T = any>(
		event: string,
		test: (payload: any) => boolean = () => true,
		ms = 5_000,
		from = 0
	): Promise<T> {
		const deadline = Date.now() + ms;
		for (;;) {
			const hit = this.received.slice(from).find((r) => r.event === event && test(r.payload));
			if (hit) return hit.payload as T;
			if (Date.now() > deadline) throw new Error(`no matching ${event} within ${ms} ms`);
			await new Promise((r) => setTimeout(r, 10));
		}
	}

	mark(): number {
		return this.received.length;
	}
}

export interface Connected {
	socket: ClientSocket;
	rec: Recorder;
}

/** Connects with a session cookie (signed in) or with `auth.contestCode` (guest). */
export async function connect(
	url: string,
	who: { cookie?: string; contestCode?: string },
	options: { reconnection?: boolean } = {}
): Promise<Connected> {
	const socket = createClientSocket(url, {
		reconnection: options.reconnection ?? false,
		reconnectionDelay: 100,
		reconnectionDelayMax: 300,
		extraHeaders: who.cookie ? { cookie: who.cookie } : {},
		auth: who.contestCode ? { contestCode: who.contestCode } : {}
	});
	const rec = new Recorder(socket);
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
		socket.connect();
	});
	return { socket, rec };
}

export async function signedIn(db: Db, url: string, user: { id: string }) {
	const { cookie } = await sessionCookie(db, user.id);
	return connect(url, { cookie });
}

/** Every property name in a JSON-able value, however deep. */
export function fieldNames(value: unknown, into = new Set<string>()): Set<string> {
	if (Array.isArray(value)) value.forEach((v) => fieldNames(v, into));
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			into.add(k);
			fieldNames(v, into);
		}
	}
	return into;
}
