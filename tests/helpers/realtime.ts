// Real Socket.IO servers on real ports and real clients (the app's own client options), so the
// realtime tests exercise the same handshake and wiring as production.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'socket.io-client';
import type { Db } from '../../src/lib/server/db/client';
import { createSession, generateSessionToken } from '../../src/lib/server/auth/session';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { createClientSocket, type ClientSocket } from '../../src/lib/realtime/client';
import type { ConnectErrorData } from '../../src/lib/realtime-protocol';

/** An http server listening on a free port of 127.0.0.1. */
export async function listen(): Promise<{ server: http.Server; url: string }> {
	const server = http.createServer((_req, res) => res.writeHead(404).end());
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A new session for this user; returns the Cookie header a signed-in browser would send. */
export async function sessionCookie(db: Db, userId: string, now = new Date()) {
	const token = generateSessionToken();
	const session = await createSession(db, token, userId, now);
	return { cookie: `${SESSION_COOKIE}=${token}`, sessionId: session.id };
}

/** Tracks clients so every test can close them all. */
export class Clients {
	private all: ClientSocket[] = [];

	open(url: string, cookie?: string): ClientSocket {
		const socket = createClientSocket(url, {
			reconnection: false,
			extraHeaders: cookie ? { cookie } : {}
		});
		this.all.push(socket);
		return socket;
	}

	/** Connects, resolving with the socket, or rejecting with the `connect_error`. */
	async connect(url: string, cookie?: string): Promise<ClientSocket> {
		const socket = this.open(url, cookie);
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', () => resolve());
			socket.once('connect_error', reject);
			socket.connect();
		});
		return socket;
	}

	/** The `connect_error` of a handshake that must be refused. */
	async refusal(url: string, cookie?: string): Promise<Error & { data?: ConnectErrorData }> {
		try {
			await this.connect(url, cookie);
		} catch (err) {
			return err as Error & { data?: ConnectErrorData };
		}
		throw new Error('handshake was accepted');
	}

	closeAll(): void {
		for (const socket of this.all.splice(0)) socket.disconnect();
	}
}

/** Resolves with the first arguments of `event`, or rejects after `ms`. */
export function nextEvent<T = unknown>(socket: Socket, event: string, ms = 3_000): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			socket.off(event, listener);
			reject(new Error(`no ${event} within ${ms} ms`));
		}, ms);
		const listener = (value: T) => {
			clearTimeout(timer);
			resolve(value);
		};
		socket.once(event, listener);
	});
}

/** True when `event` does NOT arrive within `ms`. */
export async function staysQuiet(socket: Socket, event: string, ms = 300): Promise<boolean> {
	return nextEvent(socket, event, ms).then(
		() => false,
		() => true
	);
}
