// The bench's load process: N light contestants. Driven over IPC by scripts/bench-contest.ts:
// connect (and join) them all, report when each received a given question, answer in a burst.
import { LightSocket, now } from './light-socket';

type Message =
	| { cmd: 'connect'; url: string; contestCode?: string; join: boolean; n: number }
	| { cmd: 'expect'; index: number }
	| { cmd: 'burst'; contestId: number; index: number }
	| { cmd: 'close' };

let clients: LightSocket[] = [];
let arrivals: number[] = [];
let expected = -1;
let last: unknown = null;
const send = (message: object) => process.send?.(message);

function onEvent(i: number) {
	return (event: string, payload: unknown, at: number) => {
		if (event !== 'contest:state' || expected < 0 || arrivals[i] > 0) return;
		const p = payload as { view?: { phase?: { question?: { index: number } } }; mark?: number };
		const index = p.view?.phase?.question?.index ?? p.mark;
		if (index !== expected) return;
		arrivals[i] = at;
		last = payload;
		if (arrivals.every((a) => a > 0)) send({ arrivals, payload: last });
	};
}

async function connectAll(m: Extract<Message, { cmd: 'connect' }>) {
	clients = [];
	const BATCH = 100;
	for (let start = 0; start < m.n; start += BATCH) {
		const batch = Array.from({ length: Math.min(BATCH, m.n - start) }, async (_, k) => {
			const i = start + k;
			const auth = m.contestCode ? { contestCode: m.contestCode } : undefined;
			const socket = await LightSocket.connect(m.url, auth);
			socket.onEvent = onEvent(i);
			if (m.join) {
				const res = (await socket.call('contest:join', {
					code: m.contestCode,
					name: `选手${i + 1}`
				})) as {
					error?: { code: string };
				};
				if (res.error) throw new Error(`join ${i}: ${res.error.code}`);
			}
			clients[i] = socket;
		});
		await Promise.all(batch);
	}
	send({ connected: clients.length });
}

async function burst(m: Extract<Message, { cmd: 'burst' }>) {
	const started = now();
	const results = await Promise.all(
		clients.map(async (socket, i) => {
			const sent = now();
			const res = (await socket.call('contest:answer', {
				contestId: m.contestId,
				round: 0,
				index: m.index,
				response: 'ABCD'[i % 4]
			})) as { data?: unknown };
			return { ms: now() - sent, ok: !!res.data, done: now() };
		})
	);
	send({
		latencies: results.map((r) => r.ms),
		acked: results.filter((r) => r.ok).length,
		burstMs: Math.max(...results.map((r) => r.done)) - started
	});
}

process.on('message', (m: Message) => {
	if (m.cmd === 'connect') connectAll(m).catch((err) => send({ error: String(err) }));
	if (m.cmd === 'expect') {
		expected = m.index;
		arrivals = clients.map(() => 0);
	}
	if (m.cmd === 'burst') void burst(m);
	if ((m as { cmd: string }).cmd === 'stop') process.exit(0);
	if (m.cmd === 'close') {
		for (const c of clients) c.close();
		clients = [];
		send({ closed: true });
	}
});
send({ ready: true });
