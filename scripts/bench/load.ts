// The bench's load process: sets of N light clients (the app's contestants, and the baseline's
// listeners). Driven over IPC by scripts/bench-contest.ts: connect (and join) a set, report when
// each client of a set received a given question, answer in a burst.
import { LightSocket, now } from './light-socket';

type Message =
	| { cmd: 'connect'; set: string; url: string; contestCode?: string; join: boolean; n: number }
	| { cmd: 'expect'; set: string; index: number }
	| { cmd: 'burst'; set: string; contestId: number; index: number }
	| { cmd: 'stop' };

interface ClientSet {
	clients: LightSocket[];
	arrivals: number[];
	expected: number;
}

const sets = new Map<string, ClientSet>();
const send = (message: object) => process.send?.(message);

/** The question index a `contest:state` payload carries (the baseline relays the app's). */
function indexOf(payload: unknown): number | undefined {
	return (payload as { view?: { phase?: { question?: { index: number } } } }).view?.phase?.question
		?.index;
}

function listen(set: ClientSet, i: number) {
	return (event: string, payload: unknown, at: number) => {
		if (event !== 'contest:state' || set.expected < 0 || set.arrivals[i] > 0) return;
		if (indexOf(payload) !== set.expected) return;
		set.arrivals[i] = at;
		if (set.arrivals.every((a) => a > 0)) {
			set.expected = -1;
			send({ arrivals: set.arrivals, payload });
		}
	};
}

async function connectAll(m: Extract<Message, { cmd: 'connect' }>) {
	const set: ClientSet = { clients: [], arrivals: [], expected: -1 };
	sets.set(m.set, set);
	const BATCH = 100;
	for (let start = 0; start < m.n; start += BATCH) {
		const batch = Array.from({ length: Math.min(BATCH, m.n - start) }, async (_, k) => {
			const i = start + k;
			const auth = m.contestCode ? { contestCode: m.contestCode } : undefined;
			const socket = await LightSocket.connect(m.url, auth);
			socket.onEvent = listen(set, i);
			if (m.join) {
				const res = (await socket.call('contest:join', {
					code: m.contestCode,
					name: `选手${i + 1}`
				})) as { error?: { code: string } };
				if (res.error) throw new Error(`join ${i}: ${res.error.code}`);
			}
			set.clients[i] = socket;
		});
		await Promise.all(batch);
	}
	send({ connected: set.clients.length });
}

async function burst(m: Extract<Message, { cmd: 'burst' }>) {
	const started = now();
	const results = await Promise.all(
		sets.get(m.set)!.clients.map(async (socket, i) => {
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
		const set = sets.get(m.set)!;
		set.expected = m.index;
		set.arrivals = set.clients.map(() => 0);
	}
	if (m.cmd === 'burst') void burst(m);
	if (m.cmd === 'stop') {
		for (const set of sets.values()) for (const c of set.clients) c.close();
		process.exit(0);
	}
});
send({ ready: true });
