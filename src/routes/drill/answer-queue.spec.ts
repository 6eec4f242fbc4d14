import { describe, expect, it } from 'vitest';
import {
	enqueue,
	newKey,
	flushQueue,
	readQueue,
	serialised,
	type Fetch,
	type KeyValueStore,
	type QueuedAnswer
} from './answer-queue';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => void data.set(k, v)
	};
}

const answer = (position: number): QueuedAnswer => ({
	key: `00000000-0000-4000-8000-00000000000${position}`,
	sessionId: 1,
	position,
	versionId: 10 + position,
	response: 'A',
	timeMs: 1000,
	answeredAt: '2025-03-01T00:00:00.000Z'
});

const result = { correct: true, key: 'A', explanation: '', legalBasis: '', xp: 0, finished: false };
const reply = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('answer outbox', () => {
	it('keeps answers per user and replaces a re-queued key', () => {
		const store = memoryStore();
		enqueue(store, 'u1', answer(0));
		enqueue(store, 'u1', answer(1));
		enqueue(store, 'u1', { ...answer(0), timeMs: 5 });
		expect(readQueue(store, 'u1').map((a) => [a.position, a.timeMs])).toEqual([
			[1, 1000],
			[0, 5]
		]);
		expect(readQueue(store, 'u2')).toEqual([]);
		store.setItem('lianbing.drill.outbox.u3', 'not json');
		expect(readQueue(store, 'u3')).toEqual([]);
	});

	it('sends in order and stops, keeping the rest, when the connection drops', async () => {
		const store = memoryStore();
		[0, 1, 2].forEach((p) => enqueue(store, 'u1', answer(p)));
		const sent: number[] = [];
		const fetchFn: Fetch = async (_url, init) => {
			const body = JSON.parse(String(init.body));
			if (body.position === 1) throw new TypeError('Failed to fetch');
			sent.push(body.position);
			return reply(200, { result: { ...result, position: body.position } });
		};
		expect(await flushQueue(store, 'u1', fetchFn)).toBe('offline');
		expect(sent).toEqual([0]);
		expect(readQueue(store, 'u1').map((a) => a.position)).toEqual([1, 2]);
	});

	it('drops refused answers, keeps them on sign-out and server errors', async () => {
		const store = memoryStore();
		[0, 1].forEach((p) => enqueue(store, 'u1', answer(p)));
		const settled: string[] = [];
		const refusing: Fetch = async () => reply(400, { code: 'drill_not_served', message: 'x' });
		await flushQueue(store, 'u1', refusing, (_a, o) => settled.push(o.kind));
		expect(settled).toEqual(['refused', 'refused']);
		expect(readQueue(store, 'u1')).toEqual([]);

		enqueue(store, 'u1', answer(3));
		expect(await flushQueue(store, 'u1', async () => reply(401, {}))).toBe('signed-out');
		expect(await flushQueue(store, 'u1', async () => reply(503, {}))).toBe('offline');
		expect(await flushQueue(store, 'u1', async () => new Response('<html>', { status: 200 }))).toBe(
			'offline'
		);
		expect(readQueue(store, 'u1')).toHaveLength(1);
	});

	it('runs one flush at a time', async () => {
		let runs = 0;
		const flush = serialised(async () => {
			runs++;
			await new Promise((r) => setTimeout(r, 5));
			return runs;
		});
		expect(await Promise.all([flush(), flush()])).toEqual([1, 1]);
		expect(await flush()).toBe(2);
	});
});

describe('idempotency keys', () => {
	it('are v4 UUIDs, also where crypto.randomUUID is missing', () => {
		const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
		expect(newKey()).toMatch(uuid);
		const original = crypto.randomUUID;
		Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
		try {
			const keys = new Set(Array.from({ length: 50 }, () => newKey()));
			expect(keys.size).toBe(50);
			for (const key of keys) expect(key).toMatch(uuid);
		} finally {
			Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
		}
	});
});
