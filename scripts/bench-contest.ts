// npm run bench:contest -- [--contestants N] [--questions Q]
// Starts the app's socket server on a fresh embedded database (scripts/bench/contest-server.ts)
// and N light contestants in a separate load process (scripts/bench/load.ts). This process is
// the host: it opens Q questions and, for each, measures how long until the last contestant has
// it, then has every contestant answer at once and measures the acknowledgements. Then a bare
// Socket.IO server (scripts/bench/bare-server.ts) broadcasts the same payloads to N fresh
// clients as the baseline. The last line printed is JSON with the figures.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Socket } from 'socket.io-client';
import { createClientSocket } from '../src/lib/realtime/client';
import { now } from './bench/light-socket';

const { values } = parseArgs({
	options: {
		contestants: { type: 'string', default: '1000' },
		questions: { type: 'string', default: '5' }
	}
});
const N = Number(values.contestants);
const Q = Number(values.questions);
const here = path.dirname(new URL(import.meta.url).pathname);

type Reply = Record<string, unknown>;

class Child {
	private readonly proc: ChildProcess;
	private waiting: Array<{ test: (r: Reply) => boolean; resolve: (r: Reply) => void }> = [];
	readonly ready: Promise<Reply>;

	constructor(file: string, args: string[] = [], nodeArgs: string[] = []) {
		this.proc = spawn(
			process.execPath,
			[...nodeArgs, '--import', 'tsx', path.join(here, 'bench', file), ...args],
			{ stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }
		);
		this.proc.on('message', (reply: Reply) => {
			if (reply.error) throw new Error(`${file}: ${reply.error}`);
			const i = this.waiting.findIndex((w) => w.test(reply));
			if (i >= 0) this.waiting.splice(i, 1)[0].resolve(reply);
		});
		this.ready = this.next('ready');
	}

	next(key: string, ms = 120_000): Promise<Reply> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no "${key}" within ${ms} ms`)), ms);
			this.waiting.push({
				test: (r) => key in r,
				resolve: (r) => {
					clearTimeout(timer);
					resolve(r);
				}
			});
		});
	}

	send(message: object): void {
		this.proc.send(message);
	}

	async stop(): Promise<void> {
		const exited = new Promise((resolve) => this.proc.once('exit', resolve));
		this.send({ cmd: 'stop' });
		await exited;
	}
}

const quantile = (xs: number[], q: number) => {
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const median = (xs: number[]) => quantile(xs, 0.5);
const round = (x: number) => Math.round(x * 10) / 10;

async function hostSocket(url: string, cookie?: string): Promise<Socket> {
	const socket = createClientSocket(url, {
		reconnection: false,
		transports: ['websocket'],
		extraHeaders: cookie ? { cookie } : {}
	}) as unknown as Socket;
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
		socket.connect();
	});
	return socket;
}

/** Sends the trigger and returns each client's delay from it until the question arrived. */
async function fanOut(load: Child, index: number, trigger: () => void): Promise<number[]> {
	load.send({ cmd: 'expect', index });
	const arrived = load.next('arrivals', 60_000);
	const t0 = now();
	trigger();
	const { arrivals, payload } = (await arrived) as { arrivals: number[]; payload: unknown };
	payloads[index] = payload;
	return arrivals.map((a) => a - t0);
}

const payloads: unknown[] = [];
const load = new Child('load.ts');
await load.ready;

// The app.
const app = new Child('contest-server.ts', ['--questions', String(Q)], ['--expose-gc']);
const info = (await app.ready) as { url: string; cookie: string; contestId: number; code: string };
const host = await hostSocket(info.url, info.cookie);
app.send({ cmd: 'rss' });
const rssBefore = (await app.next('rss')).rss as number;
load.send({ cmd: 'connect', url: info.url, contestCode: info.code, join: true, n: N });
await load.next('connected', 300_000);
app.send({ cmd: 'rss' });
const rssAfter = (await app.next('rss')).rss as number;

const fanMax: number[] = [];
const fanP50: number[] = [];
const latencies: number[] = [];
const bursts: number[] = [];
let acked = 0;
for (let q = 0; q < Q; q++) {
	const command = q === 0 ? 'start' : 'next';
	const delays = await fanOut(load, q, () =>
		host.emit('contest:host', { contestId: info.contestId, command }, () => {})
	);
	fanMax.push(Math.max(...delays));
	fanP50.push(median(delays));
	load.send({ cmd: 'burst', contestId: info.contestId, index: q });
	const burst = (await load.next('latencies')) as {
		latencies: number[];
		acked: number;
		burstMs: number;
	};
	latencies.push(...burst.latencies);
	acked += burst.acked;
	bursts.push(burst.burstMs);
	console.log(
		`question ${q + 1}: fan-out p50 ${round(median(delays))} ms, max ${round(Math.max(...delays))} ms; ` +
			`${burst.acked}/${N} answers acked, all within ${round(burst.burstMs)} ms of the burst`
	);
	await host
		.timeout(30_000)
		.emitWithAck('contest:host', { contestId: info.contestId, command: 'reveal' });
	await new Promise((r) => setTimeout(r, 300));
}
app.send({ cmd: 'stored' });
const stored = (await app.next('stored')).stored as number;
host.disconnect();
load.send({ cmd: 'close' });
await load.next('closed');
await app.stop();

// The baseline: the same payloads, the same number of clients, a bare server.
const bare = new Child('bare-server.ts');
const bareUrl = ((await bare.ready) as { url: string }).url;
load.send({ cmd: 'connect', url: bareUrl, join: false, n: N });
await load.next('connected', 300_000);
const trigger = await hostSocket(bareUrl);
const baseMax: number[] = [];
for (let q = 0; q < Q; q++) {
	const delays = await fanOut(load, q, () => trigger.emit('go', payloads[q], () => {}));
	baseMax.push(Math.max(...delays));
	console.log(
		`baseline ${q + 1}: p50 ${round(median(delays))} ms, max ${round(Math.max(...delays))} ms`
	);
	await new Promise((r) => setTimeout(r, 300));
}
trigger.disconnect();
load.send({ cmd: 'close' });
await load.next('closed');
await bare.stop();
await load.stop();

const maxMs = median(fanMax);
const baselineMaxMs = median(baseMax);
console.log(
	'fan-out figures are medians over the questions; ack figures are over every answer of the run'
);
console.log(
	JSON.stringify({
		contestants: N,
		fanout: {
			p50Ms: round(median(fanP50)),
			maxMs: round(maxMs),
			baselineMaxMs: round(baselineMaxMs),
			ratio: round(maxMs / baselineMaxMs)
		},
		ack: {
			p50Ms: round(quantile(latencies, 0.5)),
			p99Ms: round(quantile(latencies, 0.99)),
			burstMs: round(Math.max(...bursts))
		},
		answers: { acked, stored, lost: Math.max(0, acked - stored) },
		rssPerContestantKB: round((rssAfter - rssBefore) / N / 1024)
	})
);
process.exit(0);
