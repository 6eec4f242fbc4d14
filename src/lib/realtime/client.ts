// The browser's one Socket.IO connection. Nothing connects at import time: the root layout calls
// `connectSocket()` once a user is signed in and `disconnectSocket()` when nobody is. Components
// subscribe with `onServerEvent` inside `$effect` and return its cleanup.
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import {
	bestClockEstimate,
	type ClientToServerEvents,
	type ClockEstimate,
	type ClockSample,
	type ConnectErrorData,
	type ServerToClientEvents
} from '../realtime-protocol';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const RETRY_AFTER_INTERNAL_MS = 5_000;

/**
 * A socket with the app's options; `url` is the page's own origin when omitted. WebSocket first
 * (no sticky sessions needed behind a load balancer), long-polling only when it cannot open.
 */
export function createClientSocket(
	url?: string,
	extra: Partial<ManagerOptions & SocketOptions> = {}
): ClientSocket {
	const options: Partial<ManagerOptions & SocketOptions> = {
		path: '/socket.io',
		autoConnect: false,
		transports: ['websocket', 'polling'],
		tryAllTransports: true,
		withCredentials: true,
		...extra
	};
	return url ? io(url, options) : io(options);
}

let socket: ClientSocket | null = null;
let wanted = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

/** The app's socket (created on first use, not connected). */
export function getSocket(): ClientSocket {
	if (socket) return socket;
	const created = createClientSocket();
	// Socket.IO does not retry after a refused handshake. `unauthorized` stays refused (the
	// server also ends sessions with `session:ended`); `internal` is worth another try.
	created.on('connect_error', (err) => {
		const code = (err as Error & { data?: ConnectErrorData }).data?.code;
		if (code !== 'internal' || created.active) return;
		clearTimeout(retryTimer);
		retryTimer = setTimeout(() => {
			if (wanted && !created.connected) created.connect();
		}, RETRY_AFTER_INTERNAL_MS);
	});
	socket = created;
	return created;
}

/** Call only when a user is signed in: the handshake needs the session cookie. */
export function connectSocket(): ClientSocket {
	wanted = true;
	const s = getSocket();
	if (!s.connected && !s.active) s.connect();
	return s;
}

export function disconnectSocket(): void {
	wanted = false;
	clearTimeout(retryTimer);
	socket?.disconnect();
}

/** Subscribes to a server event; returns the unsubscribe function (for `$effect`). */
export function onServerEvent<E extends keyof ServerToClientEvents>(
	event: E,
	listener: ServerToClientEvents[E]
): () => void {
	const s = getSocket() as unknown as Socket;
	const name: string = event;
	const fn = listener as (...args: unknown[]) => void;
	s.on(name, fn);
	return () => void s.off(name, fn);
}

/**
 * Estimates the offset from this device's clock to the server's with several `clock:sync`
 * round trips, keeping the one with the shortest round trip. `Date.now() + offset` is then
 * server time, within ±roundTrip/2. Returns null when no sample came back.
 */
export async function measureClockOffset(
	s: ClientSocket,
	{ samples = 5, timeoutMs = 2_000 }: { samples?: number; timeoutMs?: number } = {}
): Promise<ClockEstimate | null> {
	const taken: Array<{ sample: ClockSample; receivedAt: number }> = [];
	for (let i = 0; i < samples; i++) {
		const clientTime = Date.now();
		// A monotonic clock for the round trip, so a wall-clock jump cannot skew one sample.
		const started = performance.now();
		try {
			const res = await s.timeout(timeoutMs).emitWithAck('clock:sync', { clientTime });
			const receivedAt = clientTime + (performance.now() - started);
			if ('data' in res) taken.push({ sample: res.data, receivedAt });
		} catch {
			// A lost sample (timeout) just does not count.
		}
	}
	return bestClockEstimate(taken);
}
