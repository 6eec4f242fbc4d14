// Socket.IO handlers: authenticate the handshake with the same session cookie and validation as
// hooks.server.ts, then register the event handlers. Domain logic lives in the domains. Without
// a session, only a contest guest gets in (handshake auth `{ contestCode }` of a contest that
// admits guests), and such a socket can do nothing but sync its clock and play.
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
import { DomainError } from '../errors';
import { badPayload, isPlainObject, onEvent } from './ack';
import type { ContestRealtime } from './contest-handlers';

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

function guestCodeOf(socket: AppSocket): string | null {
	const auth: unknown = socket.handshake.auth;
	const code = isPlainObject(auth) ? auth.contestCode : undefined;
	return typeof code === 'string' && /^\d{6}$/.test(code) ? code : null;
}

export function createSocketHandler(deps: { getDb: () => Db; contests?: ContestRealtime }) {
	/** A socket without a session, admitted for one contest that takes guests. */
	async function admitGuest(socket: AppSocket, locale: Locale): Promise<void> {
		const code = guestCodeOf(socket);
		if (!code || !deps.contests) throw connectError('unauthorized', locale);
		let facts: Awaited<ReturnType<ContestRealtime['directory']['find']>>;
		try {
			facts = await deps.contests.directory.find(code);
		} catch (err) {
			log.error('socket handshake failed', { err });
			throw connectError('internal', locale);
		}
		if (!facts?.allowGuests) throw connectError('contest_unavailable', locale);
		socket.data.guestCode = code;
	}

	return {
		async authenticate(socket: AppSocket): Promise<void> {
			const cookieHeader = socket.handshake.headers.cookie;
			const locale = localeFromCookieHeader(cookieHeader);
			Object.assign(socket.data, {
				locale,
				user: null,
				sessionId: null,
				unitPath: null,
				guestCode: null,
				seat: null
			});
			const token = readCookie(cookieHeader, SESSION_COOKIE);
			let result: Awaited<ReturnType<typeof validateSessionToken>> | null = null;
			try {
				result = token ? await validateSessionToken(deps.getDb(), token) : null;
			} catch (err) {
				log.error('socket handshake failed', { err });
				throw connectError('internal', locale);
			}
			if (!result?.user) return admitGuest(socket, locale);
			const { user, session } = result;
			socket.data.user = {
				id: user.id,
				username: user.username,
				displayName: user.displayName,
				role: user.role,
				unitId: user.unitId
			};
			socket.data.sessionId = session.id;
			socket.data.unitPath = user.unitPath;
		},

		onConnection(socket: AppSocket, io: AppServer): void {
			const { user, sessionId } = socket.data;
			if (user && sessionId) socket.join([userRoom(user.id), sessionRoom(sessionId)]);

			onEvent(socket, 'clock:sync', (payload) => {
				const clientTime = isPlainObject(payload) ? payload.clientTime : undefined;
				if (typeof clientTime !== 'number' || !Number.isFinite(clientTime)) throw badPayload();
				return { clientTime, serverTime: Date.now() };
			});

			onEvent(socket, 'session:whoami', () => {
				if (!socket.data.user) throw new DomainError('unauthorized');
				return socket.data.user;
			});

			deps.contests?.register(socket, io);

			socket.on('error', (err) => log.warn('socket error', { err, socket: socket.id }));
		}
	};
}
