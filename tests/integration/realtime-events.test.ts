import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { Clients, listen, nextEvent, sessionCookie, staysQuiet } from '../helpers/realtime';
import { measureClockOffset, type ClientSocket } from '../../src/lib/realtime/client';
import { createSocketHandler } from '../../src/lib/server/realtime/handler';
import {
	attachSocketServer,
	closeSocketServer,
	MAX_MESSAGE_BYTES,
	setSocketHandler
} from '../../src/lib/server/realtime/host.js';
import { endSessionSockets } from '../../src/lib/server/realtime/sessions';

let t: TestDatabase;
let url: string;
const clients = new Clients();

beforeAll(async () => {
	t = await openTestDatabase();
	const listening = await listen();
	url = listening.url;
	await attachSocketServer(listening.server, { redisUrl: null });
	setSocketHandler(createSocketHandler({ getDb: () => t.db }));
});
afterAll(async () => {
	clients.closeAll();
	await closeSocketServer();
	setSocketHandler(null);
	await t?.close();
});
beforeEach(async () => {
	await t.reset();
});
afterEach(() => clients.closeAll());

async function signedIn(username: string, extraCookie = '') {
	const user = await makeUser(t.db, username, 'officer', '210000');
	const { cookie } = await sessionCookie(t.db, user.id);
	return { user, socket: await clients.connect(url, extraCookie + cookie) };
}

/** Emits with raw arguments (as a misbehaving third-party client might) and awaits the ack. */
function rawEmit(socket: ClientSocket, event: string, ...args: unknown[]): Promise<unknown> {
	return (socket as unknown as Socket).timeout(2_000).emitWithAck(event, ...args);
}

async function stillServes(socket: ClientSocket, username: string) {
	const res = await socket.timeout(2_000).emitWithAck('session:whoami');
	expect(res).toMatchObject({ data: { username } });
}

describe('clock:sync', () => {
	it('echoes the client time with the server time', async () => {
		const { socket } = await signedIn('alice');
		const before = Date.now();
		const res = await socket.timeout(2_000).emitWithAck('clock:sync', { clientTime: 12345.5 });
		expect(res).toEqual({ data: { clientTime: 12345.5, serverTime: expect.any(Number) } });
		const serverTime = 'data' in res ? res.data.serverTime : 0;
		expect(serverTime).toBeGreaterThanOrEqual(before);
		expect(serverTime).toBeLessThanOrEqual(Date.now());
	});

	const huge = Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`k${i}`, i]));
	it.each([
		['no payload', []],
		['a string', ['12345']],
		['NaN', [{ clientTime: NaN }]],
		['null', [null]],
		['a string time', [{ clientTime: '12345' }]],
		['Infinity', [{ clientTime: Infinity }]],
		['an array', [[12345]]],
		['a huge object', [huge]],
		['a huge object as the time', [{ clientTime: huge }]]
	])('answers %s with bad_payload and keeps serving', async (_name, args) => {
		const { socket } = await signedIn('alice');
		const res = await rawEmit(socket, 'clock:sync', ...args);
		expect(res).toEqual({ error: { code: 'bad_payload', message: '请求格式不正确。' } });
		await stillServes(socket, 'alice');
	});

	it('answers errors in English for an English socket', async () => {
		const { socket } = await signedIn('alice', 'PARAGLIDE_LOCALE=en; ');
		const res = await rawEmit(socket, 'clock:sync', { clientTime: 'soon' });
		expect(res).toEqual({ error: { code: 'bad_payload', message: 'The request is malformed.' } });
	});

	it('measures the clock offset from the best of several samples', async () => {
		const { socket } = await signedIn('alice');
		const estimate = await measureClockOffset(socket, { samples: 4 });
		// Same machine, same clock: the offset is within the round trip.
		expect(estimate).not.toBeNull();
		expect(estimate!.roundTrip).toBeGreaterThanOrEqual(0);
		expect(estimate!.roundTrip).toBeLessThan(1_000);
		expect(Math.abs(estimate!.offset)).toBeLessThanOrEqual(estimate!.roundTrip / 2 + 2);
	});
});

describe('misbehaving clients', () => {
	it('survives events without an ack callback and unknown events', async () => {
		const { socket } = await signedIn('alice');
		const raw = socket as unknown as Socket;
		raw.emit('clock:sync', { clientTime: 1 });
		raw.emit('clock:sync', 'junk');
		raw.emit('session:whoami');
		raw.emit('session:whoami', { extra: true });
		raw.emit('no:such-event', 1, 2, 3);
		await stillServes(socket, 'alice');
		expect(await rawEmit(socket, 'session:whoami', { extra: true })).toMatchObject({
			data: { username: 'alice' }
		});
	});

	it('drops only the connection that sends an oversized message', async () => {
		const { socket } = await signedIn('alice');
		const bystander = await signedIn('bob');
		const closed = nextEvent<string>(socket, 'disconnect');
		(socket as unknown as Socket).emit('clock:sync', { junk: 'x'.repeat(MAX_MESSAGE_BYTES + 1) });
		expect(await closed).toBe('transport close');
		await stillServes(bystander.socket, 'bob');
		const again = await signedIn('carol');
		await stillServes(again.socket, 'carol');
	});
});

describe('endSessionSockets', () => {
	it('ends one session and leaves the same user’s other session connected', async () => {
		const user = await makeUser(t.db, 'alice', 'officer', '210000');
		const phone = await sessionCookie(t.db, user.id);
		const laptop = await sessionCookie(t.db, user.id);
		const phoneSocket = await clients.connect(url, phone.cookie);
		const laptopSocket = await clients.connect(url, laptop.cookie);

		const ended = nextEvent(phoneSocket, 'session:ended');
		const gone = nextEvent(phoneSocket, 'disconnect');
		const laptopQuiet = staysQuiet(laptopSocket, 'session:ended');
		endSessionSockets({ sessionId: phone.sessionId }, 'signed_out');

		expect(await ended).toEqual({ reason: 'signed_out' });
		expect(await gone).toBe('io server disconnect');
		expect(await laptopQuiet).toBe(true);
		expect(laptopSocket.connected).toBe(true);
		await stillServes(laptopSocket, 'alice');
	});

	it('ends every session of a user and nobody else’s', async () => {
		const { user, socket: first } = await signedIn('alice');
		const { cookie } = await sessionCookie(t.db, user.id);
		const second = await clients.connect(url, cookie);
		const other = await signedIn('bob');

		const endings = [first, second].map((s) => nextEvent(s, 'session:ended'));
		const gone = [first, second].map((s) => nextEvent(s, 'disconnect'));
		endSessionSockets({ userId: user.id }, 'password_changed');

		expect(await Promise.all(endings)).toEqual([
			{ reason: 'password_changed' },
			{ reason: 'password_changed' }
		]);
		expect(await Promise.all(gone)).toEqual(['io server disconnect', 'io server disconnect']);
		expect(other.socket.connected).toBe(true);
		await stillServes(other.socket, 'bob');
	});
});
