// Socket.IO wiring: authenticate the handshake with the same session cookie and validation as
// hooks.server.ts, then register the event handlers. Domain logic lives in the domains.
import type { Server, Socket } from 'socket.io';
import type {
	Ack,
	ClientToServerEvents,
	ServerToClientEvents,
	SocketData
} from '../../realtime-protocol';
import type { Db } from '../db/client';
import { SESSION_COOKIE, validateSessionToken } from '../auth/session';
import { localeFromCookieHeader, translateError } from '../i18n';
import { log } from '../log';

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

export function readCookie(header: string | undefined, name: string): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq < 0) continue;
		if (part.slice(0, eq).trim() === name) {
			try {
				return decodeURIComponent(part.slice(eq + 1).trim());
			} catch {
				return null;
			}
		}
	}
	return null;
}

export function sessionRoom(sessionId: string): string {
	return `session:${sessionId}`;
}

export function userRoom(userId: string): string {
	return `user:${userId}`;
}

function fail<T>(socket: AppSocket, code: string): Ack<T> {
	return { error: { code, message: translateError(code, {}, socket.data.locale) } };
}

/** Calls `ack` only when the client gave one, so a missing callback never throws. */
function reply<T>(ack: unknown, response: Ack<T>): void {
	if (typeof ack === 'function') ack(response);
}

export function createSocketHandler(deps: { getDb: () => Db }) {
	return {
		async authenticate(socket: AppSocket): Promise<void> {
			const cookieHeader = socket.handshake.headers.cookie;
			socket.data.locale = localeFromCookieHeader(cookieHeader);
			const token = readCookie(cookieHeader, SESSION_COOKIE);
			const result = token ? await validateSessionToken(deps.getDb(), token) : null;
			if (!result?.user) {
				const err = new Error(translateError('unauthorized', {}, socket.data.locale));
				(err as Error & { data: unknown }).data = { code: 'unauthorized' };
				throw err;
			}
			const { user, session } = result;
			socket.data.user = {
				id: user.id,
				username: user.username,
				displayName: user.displayName,
				role: user.role,
				unitId: user.unitId
			};
			socket.data.sessionId = session.id;
		},

		onConnection(socket: AppSocket, _io: AppServer): void {
			socket.join([userRoom(socket.data.user.id), sessionRoom(socket.data.sessionId)]);

			socket.on('clock:sync', (payload, ack) => {
				const clientTime = (payload as { clientTime?: unknown } | null)?.clientTime;
				if (typeof clientTime !== 'number' || !Number.isFinite(clientTime)) {
					return reply(ack, fail(socket, 'bad_payload'));
				}
				reply(ack, { data: { clientTime, serverTime: Date.now() } });
			});

			socket.on('session:whoami', (ack) => reply(ack, { data: socket.data.user }));

			socket.on('error', (err) => log.warn('socket error', { err, socket: socket.id }));
		}
	};
}
