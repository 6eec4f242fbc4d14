// Socket.IO handlers: authenticate the handshake with the same session cookie and validation as
// hooks.server.ts, then register the event handlers. Domain logic lives in the domains.
import type { Server, Socket } from 'socket.io';
import type {
	ClientToServerEvents,
	ConnectErrorData,
	ServerToClientEvents,
	SocketData
} from '../../realtime-protocol';
import type { Db } from '../db/client';
import { SESSION_COOKIE, validateSessionToken } from '../auth/session';
import { localeFromCookieHeader, translateError, type Locale } from '../i18n';
import { log } from '../log';
import { badPayload, isPlainObject, onEvent } from './ack';

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

/** Socket.IO sends `message` and `data` to the client as its `connect_error`. */
function connectError(code: ConnectErrorData['code'], locale: Locale): Error {
	const err = new Error(translateError(code, {}, locale)) as Error & { data: ConnectErrorData };
	err.data = { code };
	return err;
}

export function createSocketHandler(deps: { getDb: () => Db }) {
	return {
		async authenticate(socket: AppSocket): Promise<void> {
			const cookieHeader = socket.handshake.headers.cookie;
			const locale = localeFromCookieHeader(cookieHeader);
			socket.data.locale = locale;
			const token = readCookie(cookieHeader, SESSION_COOKIE);
			let result: Awaited<ReturnType<typeof validateSessionToken>> | null = null;
			try {
				result = token ? await validateSessionToken(deps.getDb(), token) : null;
			} catch (err) {
				log.error('socket handshake failed', { err });
				throw connectError('internal', locale);
			}
			if (!result?.user) throw connectError('unauthorized', locale);
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

			onEvent(socket, 'clock:sync', (payload) => {
				const clientTime = isPlainObject(payload) ? payload.clientTime : undefined;
				if (typeof clientTime !== 'number' || !Number.isFinite(clientTime)) throw badPayload();
				return { clientTime, serverTime: Date.now() };
			});

			onEvent(socket, 'session:whoami', () => socket.data.user);

			socket.on('error', (err) => log.warn('socket error', { err, socket: socket.id }));
		}
	};
}
