// Two app processes behind one Redis: rooms and session endings must span both. Needs Redis:
// plain `npm test` runs without services and skips this; CI sets REDIS_URL for its second run.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Server } from 'socket.io';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { Clients, listen, nextEvent, sessionCookie, staysQuiet } from '../helpers/realtime';
import { createSocketHandler, userRoom } from '../../src/lib/server/realtime/handler';
import { createSocketServer, type SocketServer } from '../../src/lib/server/realtime/host.js';
import { endSessionSockets } from '../../src/lib/server/realtime/sessions';

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)('two nodes on the Redis adapter', () => {
	let t: TestDatabase;
	const nodes: Array<SocketServer & { url: string }> = [];
	const clients = new Clients();

	beforeAll(async () => {
		t = await openTestDatabase();
		const handler = createSocketHandler({ getDb: () => t.db });
		// A channel prefix of our own, so parallel runs and a dev server on the same Redis
		// never see each other's broadcasts.
		const redisKey = `lianbing-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
		for (let i = 0; i < 2; i++) {
			const { server, url } = await listen();
			const node = await createSocketServer(server, {
				redisUrl,
				redisKey,
				handler: async () => handler
			});
			nodes.push({ ...node, url });
		}
	});
	afterAll(async () => {
		clients.closeAll();
		await Promise.all(nodes.map((node) => node.close()));
		await t?.close();
	});
	beforeEach(async () => {
		await t.reset();
	});
	afterEach(() => clients.closeAll());

	async function connectTo(nodeIndex: number, userId: string) {
		const { cookie, sessionId } = await sessionCookie(t.db, userId);
		return { sessionId, socket: await clients.connect(nodes[nodeIndex].url, cookie) };
	}

	it('delivers a room broadcast from node A to a client on node B', async () => {
		const alice = await makeUser(t.db, 'alice', 'officer', '210000');
		const bob = await makeUser(t.db, 'bob', 'officer', '210000');
		const onB = await connectTo(1, alice.id);
		const bystander = await connectTo(1, bob.id);

		const received = nextEvent(onB.socket, 'test:ping');
		const quiet = staysQuiet(bystander.socket, 'test:ping');
		(nodes[0].io as Server).to(userRoom(alice.id)).emit('test:ping', { from: 'A' });

		expect(await received).toEqual({ from: 'A' });
		expect(await quiet).toBe(true);
	});

	it('ends a session on node B when node A signs it out, and only that session', async () => {
		const alice = await makeUser(t.db, 'alice', 'officer', '210000');
		const phoneOnB = await connectTo(1, alice.id);
		const laptopOnB = await connectTo(1, alice.id);
		const laptopOnA = await connectTo(0, alice.id);

		const ended = nextEvent(phoneOnB.socket, 'session:ended');
		const gone = nextEvent(phoneOnB.socket, 'disconnect');
		endSessionSockets({ sessionId: phoneOnB.sessionId }, 'signed_out', nodes[0].io);

		expect(await ended).toEqual({ reason: 'signed_out' });
		expect(await gone).toBe('io server disconnect');
		for (const other of [laptopOnB.socket, laptopOnA.socket]) {
			expect(other.connected).toBe(true);
			const res = await other.timeout(2_000).emitWithAck('session:whoami');
			expect(res).toMatchObject({ data: { username: 'alice' } });
		}
	});

	it('ends every session of a user on both nodes', async () => {
		const alice = await makeUser(t.db, 'alice', 'officer', '210000');
		const sockets = [await connectTo(0, alice.id), await connectTo(1, alice.id)].map(
			(c) => c.socket
		);
		const gone = sockets.map((s) => nextEvent(s, 'disconnect'));
		endSessionSockets({ userId: alice.id }, 'password_changed', nodes[0].io);
		expect(await Promise.all(gone)).toEqual(['io server disconnect', 'io server disconnect']);
	});
});
