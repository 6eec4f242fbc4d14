import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { Clients, listen, nextEvent, sessionCookie } from '../helpers/realtime';
import { invalidateSession, SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { createSocketHandler } from '../../src/lib/server/realtime/handler';
import {
	attachSocketServer,
	closeSocketServer,
	setSocketHandler
} from '../../src/lib/server/realtime/host.js';

const DAY_MS = 24 * 60 * 60 * 1000;

let t: TestDatabase;
let url: string;
const clients = new Clients();
const appHandler = () => createSocketHandler({ getDb: () => t.db });

// The production path: the process's one server (host.js), with the handler registered the way
// hooks.server.ts `init` registers it.
beforeAll(async () => {
	t = await openTestDatabase();
	const listening = await listen();
	url = listening.url;
	await attachSocketServer(listening.server, { redisUrl: null });
	setSocketHandler(appHandler());
});
afterAll(async () => {
	clients.closeAll();
	await closeSocketServer();
	setSocketHandler(null);
	await t?.close();
});
beforeEach(async () => {
	await t.reset();
	setSocketHandler(appHandler());
});
afterEach(() => clients.closeAll());

async function alice() {
	return makeUser(t.db, 'alice', 'officer', '210000');
}

describe('socket handshake', () => {
	it.each([
		['no cookie', async () => undefined],
		['a garbage cookie', async () => `${SESSION_COOKIE}=not-a-real-token`],
		['an undecodable cookie', async () => `${SESSION_COOKIE}=%E0%A4%A`],
		[
			'an expired session',
			async () =>
				(await sessionCookie(t.db, (await alice()).id, new Date(Date.now() - 31 * DAY_MS))).cookie
		],
		[
			'a revoked session',
			async () => {
				const { cookie, sessionId } = await sessionCookie(t.db, (await alice()).id);
				await invalidateSession(t.db, sessionId);
				return cookie;
			}
		]
	])('refuses %s as unauthorized, in Chinese by default', async (_name, makeCookie) => {
		const err = await clients.refusal(url, await makeCookie());
		expect(err.data).toEqual({ code: 'unauthorized' });
		expect(err.message).toBe('请先登录。');
	});

	it('answers a refusal in English when the locale cookie says so', async () => {
		const err = await clients.refusal(url, `PARAGLIDE_LOCALE=en; ${SESSION_COOKIE}=nope`);
		expect(err.data).toEqual({ code: 'unauthorized' });
		expect(err.message).toBe('Please sign in first.');
	});

	it('connects with a valid session and whoami returns the user without secrets', async () => {
		const user = await alice();
		const { cookie } = await sessionCookie(t.db, user.id);
		const socket = await clients.connect(url, `other=1; ${cookie}`);
		const res = await socket.timeout(2_000).emitWithAck('session:whoami');
		expect(res).toEqual({
			data: {
				id: user.id,
				username: 'alice',
				displayName: 'alice',
				role: 'officer',
				unitId: user.unitId
			}
		});
		expect(JSON.stringify(res)).not.toMatch(/argon2|password|hash/i);
	});

	it('refuses with a retryable internal error when the database fails', async () => {
		setSocketHandler(
			createSocketHandler({
				getDb: () => {
					throw new Error('database down');
				}
			})
		);
		const { cookie } = await sessionCookie(t.db, (await alice()).id);
		const err = await clients.refusal(url, cookie);
		expect(err.data).toEqual({ code: 'internal' });
		expect(err.message).toBe('服务器暂时出现问题，请稍后重试。');
		expect(err.message).not.toContain('database down');
	});

	it('holds handshakes until the app registers its handler (dev cold start)', async () => {
		const { cookie } = await sessionCookie(t.db, (await alice()).id);
		setSocketHandler(null);
		const socket = clients.open(url, cookie);
		const connected = nextEvent(socket, 'connect');
		socket.connect();
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(socket.connected).toBe(false);
		setSocketHandler(appHandler());
		await connected;
		expect(socket.connected).toBe(true);
	});
});
