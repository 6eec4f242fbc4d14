// The one Socket.IO server of this process, shared by the Vite plugin (dev, preview),
// server.js (production) and the SvelteKit bundle (which registers the handler from
// hooks.server.ts `init`). Plain JS and kept on a global symbol, because the bundle and the
// outer server load separate copies of this module.
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';

const KEY = Symbol.for('lianbing.socket-host');

/**
 * @typedef {{ authenticate(socket: import('socket.io').Socket): Promise<void>,
 *   onConnection(socket: import('socket.io').Socket, io: Server): void }} SocketHandler
 * @typedef {{ io: Server | null, handler: SocketHandler | null, waiters: Array<() => void>,
 *   redis: Array<{ quit(): Promise<unknown> }> }} HostState
 */

/** @returns {HostState} */
function state() {
	const g = /** @type {Record<symbol, HostState>} */ (/** @type {unknown} */ (globalThis));
	g[KEY] ??= { io: null, handler: null, waiters: [], redis: [] };
	return g[KEY];
}

/** @param {SocketHandler} handler */
export function setSocketHandler(handler) {
	const s = state();
	s.handler = handler;
	for (const wake of s.waiters.splice(0)) wake();
}

/** Handshakes wait here until the app has registered its handler (dev: first request). */
function handlerReady() {
	const s = state();
	if (s.handler) return Promise.resolve(s.handler);
	return new Promise((resolve) => s.waiters.push(() => resolve(s.handler)));
}

/**
 * @param {import('node:http').Server} httpServer
 * @param {{ redisUrl?: string }} [options]
 */
export async function attachSocketServer(httpServer, options = {}) {
	const s = state();
	if (s.io) {
		s.io.attach(httpServer);
		return s.io;
	}
	const io = new Server(httpServer, { serveClient: false, connectionStateRecovery: undefined });
	const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
	if (redisUrl) {
		const pub = createClient({ url: redisUrl });
		const sub = pub.duplicate();
		await Promise.all([pub.connect(), sub.connect()]);
		io.adapter(createAdapter(pub, sub));
		s.redis.push(pub, sub);
	}
	io.use((socket, next) => {
		handlerReady()
			.then((handler) => /** @type {SocketHandler} */ (handler).authenticate(socket))
			.then(
				() => next(),
				(/** @type {Error} */ err) => next(err)
			);
	});
	io.on('connection', (socket) => state().handler?.onConnection(socket, io));
	s.io = io;
	return io;
}

/** @returns {Server | null} */
export function getSocketServer() {
	return state().io;
}

export async function closeSocketServer() {
	const s = state();
	const io = s.io;
	s.io = null;
	if (io) {
		io.disconnectSockets(true);
		await new Promise((resolve) => io.close(() => resolve(undefined)));
	}
	await Promise.allSettled(s.redis.splice(0).map((c) => c.quit()));
}
