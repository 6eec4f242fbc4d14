// The one Socket.IO server of this process, shared by the Vite plugin (dev, preview),
// server.js (production) and the SvelteKit bundle (which registers the handler from
// hooks.server.ts `init`). Plain JS and kept on a global symbol, because the bundle and the
// outer server load separate copies of this module. Tests build servers with the same
// `createSocketServer`, so they exercise the production wiring.
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';

const KEY = Symbol.for('lianbing.socket-host');
const REDIS_CONNECT_TIMEOUT_MS = 10_000;
// Client messages are small (answers, buzzes); anything bigger closes that connection.
export const MAX_MESSAGE_BYTES = 100_000;

/**
 * @typedef {{ authenticate(socket: import('socket.io').Socket): Promise<void>,
 *   onConnection(socket: import('socket.io').Socket, io: Server): void }} SocketHandler
 * @typedef {{ io: Server, close(): Promise<void> }} SocketServer
 * @typedef {{ redisUrl?: string | null, redisKey?: string,
 *   handler?: () => Promise<SocketHandler> }} SocketServerOptions
 * @typedef {{ server: SocketServer | null, starting: Promise<SocketServer> | null,
 *   handler: SocketHandler | null, waiters: Array<() => void> }} HostState
 */

/** @returns {HostState} */
function state() {
	const g = /** @type {Record<symbol, HostState>} */ (/** @type {unknown} */ (globalThis));
	g[KEY] ??= { server: null, starting: null, handler: null, waiters: [] };
	return g[KEY];
}

/** Same line format as src/lib/server/log.ts, which this plain-JS module cannot import. */
function logLine(/** @type {'info' | 'warn'} */ level, /** @type {string} */ msg, fields = {}) {
	const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + '\n';
	(level === 'warn' ? process.stderr : process.stdout).write(line);
}

/** @param {SocketHandler | null} handler `null` only in tests, to simulate a cold start. */
export function setSocketHandler(handler) {
	const s = state();
	s.handler = handler;
	if (handler) for (const wake of s.waiters.splice(0)) wake();
}

/**
 * Handshakes wait here until the app has registered its handler (dev: first request).
 * @returns {Promise<SocketHandler>}
 */
function registeredHandler() {
	const s = state();
	if (s.handler) return Promise.resolve(s.handler);
	return new Promise((resolve) =>
		s.waiters.push(() => resolve(/** @type {SocketHandler} */ (state().handler)))
	);
}

/**
 * Authenticates every handshake, then hands each connection to the handler.
 * @param {Server} io
 * @param {() => Promise<SocketHandler>} getHandler
 */
export function wireSocketServer(io, getHandler) {
	/** @type {WeakMap<import('socket.io').Socket, SocketHandler>} */
	const handlers = new WeakMap();
	io.use((socket, next) => {
		getHandler()
			.then((handler) => {
				handlers.set(socket, handler);
				return handler.authenticate(socket);
			})
			.then(
				() => next(),
				(/** @type {Error} */ err) => next(err)
			);
	});
	// Synchronous, so the listeners exist before the client's first event can arrive.
	io.on('connection', (socket) => handlers.get(socket)?.onConnection(socket, io));
}

/** @param {string} url */
async function connectRedis(url) {
	const pub = createClient({ url });
	const sub = pub.duplicate();
	for (const [role, client] of /** @type {const} */ ([
		['pub', pub],
		['sub', sub]
	])) {
		// Without an error listener a lost connection would crash the process. node-redis
		// reconnects by itself; log the outage once, not every retry.
		let failing = false;
		client.on('error', (/** @type {Error} */ err) => {
			if (!failing) logLine('warn', 'redis unavailable', { role, err: err.message });
			failing = true;
		});
		client.on('ready', () => {
			if (failing) logLine('info', 'redis reconnected', { role });
			failing = false;
		});
	}
	/** @type {ReturnType<typeof setTimeout> | undefined} */
	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(
			() =>
				reject(new Error(`Redis at REDIS_URL did not answer in ${REDIS_CONNECT_TIMEOUT_MS} ms`)),
			REDIS_CONNECT_TIMEOUT_MS
		);
	});
	try {
		await Promise.race([Promise.all([pub.connect(), sub.connect()]), timeout]);
	} catch (err) {
		pub.destroy();
		sub.destroy();
		throw err;
	} finally {
		clearTimeout(timer);
	}
	return { pub, sub };
}

/**
 * A Socket.IO server on `httpServer`, on the Redis adapter when a Redis URL is given (or set in
 * REDIS_URL), so rooms and `disconnectSockets` span every app process.
 * @param {import('node:http').Server} httpServer
 * @param {SocketServerOptions} [options]
 * @returns {Promise<SocketServer>}
 */
export async function createSocketServer(httpServer, options = {}) {
	const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: MAX_MESSAGE_BYTES });
	const redisUrl = options.redisUrl === undefined ? process.env.REDIS_URL : options.redisUrl;
	const redis = redisUrl ? await connectRedis(redisUrl) : null;
	if (redis) io.adapter(createAdapter(redis.pub, redis.sub, { key: options.redisKey }));
	wireSocketServer(io, options.handler ?? registeredHandler);
	return {
		io,
		async close() {
			io.disconnectSockets(true);
			// Also closes the adapter (unsubscribes) and the http server.
			await io.close();
			if (redis) await Promise.allSettled([redis.pub.close(), redis.sub.close()]);
		}
	};
}

/**
 * Attaches this process's Socket.IO server to an http server (created on the first call).
 * @param {import('node:http').Server} httpServer
 * @param {SocketServerOptions} [options]
 * @returns {Promise<Server>}
 */
export async function attachSocketServer(httpServer, options = {}) {
	const s = state();
	if (s.starting) {
		const server = await s.starting;
		server.io.attach(httpServer);
		return server.io;
	}
	s.starting = createSocketServer(httpServer, options);
	try {
		s.server = await s.starting;
	} catch (err) {
		s.starting = null;
		throw err;
	}
	return s.server.io;
}

/** @returns {Server | null} */
export function getSocketServer() {
	return state().server?.io ?? null;
}

export async function closeSocketServer() {
	const s = state();
	const server = s.server ?? (await s.starting?.catch(() => null));
	s.server = null;
	s.starting = null;
	await server?.close();
}
