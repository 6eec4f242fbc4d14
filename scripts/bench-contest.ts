// npm run bench:contest -- [--contestants N] [--questions Q] [--warmup W] [--profile DIR]
// Starts the app's socket server on a fresh embedded database (scripts/bench/contest-server.ts)
// and N light contestants in a separate load process (scripts/bench/load.ts). This process is
// the host: it opens W + Q questions and, for each, measures how long until the last contestant
// has it, then has every contestant answer at once and measures the acknowledgements. Right after
// each question a bare Socket.IO server (scripts/bench/bare-server.ts) broadcasts the same
// payload to N other clients of the same load process: the baseline. The first W questions
// (default 1) warm both servers up: their first burst runs through code V8 has not compiled yet,
// and costs the bare server two to four times its later bursts too. They are played and stored
// like the others, and reported on their own (`warmup` in the JSON), not in the figures. The last
// line printed is JSON with the figures. --profile DIR writes a V8 CPU profile of the app's
// server there (open it in Chrome's DevTools).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Socket } from 'socket.io-client';
import { createClientSocket } from '../src/lib/realtime/client';
import { now } from './bench/light-socket';

const { values } = parseArgs({
	options: {
		contestants: { type: 'string', default: '1000' },
		questions: { type: 'string', default: '5' },
		warmup: { type: 'string', default: '1' },
		profile: { type: 'string' }
	}
});
const N = Number(values.contestants);
const Q = Number(values.questions);
const W = Number(values.warmup);
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
async function fanOut(set: string, index: number, trigger: () => void) {
	load.send({ cmd: 'expect', set, index });
	const arrived = load.next('arrivals', 60_000);
	const t0 = now();
	trigger();
	const { arrivals, payload } = (await arrived) as { arrivals: number[]; payload: unknown };
	return { delays: arrivals.map((a) => a - t0), payload, t0 };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = new Child('load.ts');
await load.ready;

// The app, and the bare baseline server beside it.
const profile = values.profile
	? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`]
	: [];
const app = new Child(
	'contest-server.ts',
	['--questions', String(W + Q)],
	['--expose-gc', ...profile]
);
const bare = new Child('bare-server.ts');
const info = (await app.ready) as { url: string; cookie: string; contestId: number; code: string };
const bareUrl = ((await bare.ready) as { url: string }).url;
const host = await hostSocket(info.url, info.cookie);
const trigger = await hostSocket(bareUrl);
app.send({ cmd: 'rss' });
const rssBefore = (await app.next('rss')).rss as number;
load.send({ cmd: 'connect', set: 'app', url: info.url, contestCode: info.code, join: true, n: N });
await load.next('connected', 300_000);
app.send({ cmd: 'rss' });
const rssAfter = (await app.next('rss')).rss as number;
load.send({ cmd: 'connect', set: 'bare', url: bareUrl, join: false, n: N });
await load.next('connected', 300_000);

// Each question is followed at once by the baseline broadcasting the very same payload, so the
// two are compared under the same machine load.
const fanMax: number[] = [];
const fanP50: number[] = [];
const baseMax: number[] = [];
const latencies: number[] = [];
const bursts: number[] = [];
const baseBursts: number[] = [];
const cpu: { app: number[]; bare: number[] } = { app: [], bare: [] };
const warmup = { burstMs: [] as number[], baselineBurstMs: [] as number[] };
let acked = 0;

/** CPU time (user + system, all threads) a server process has used so far, in ms. */
async function cpuOf(child: Child): Promise<number> {
	child.send({ cmd: 'cpu' });
	return (await child.next('cpu')).cpu as number;
}

for (let q = 0; q < W + Q; q++) {
	const counted = q >= W;
	const command = q === 0 ? 'start' : 'next';
	const ours = await fanOut('app', q, () =>
		host.emit('contest:host', { contestId: info.contestId, command }, () => {})
	);
	await pause(200);
	const base = await fanOut('bare', q, () => trigger.emit('go', ours.payload, () => {}));
	const maxMs = Math.max(...ours.delays);
	const baselineMaxMs = Math.max(...base.delays);
	if (counted) {
		fanMax.push(maxMs);
		fanP50.push(median(ours.delays));
		baseMax.push(baselineMaxMs);
	}
	// The server stamps the question when the command arrives, before storing it.
	const { openedAt } = (ours.payload as { view: { phase: { openedAt: number } } }).view.phase;
	const first = Math.min(...ours.delays);
	const appCpu = await cpuOf(app);
	load.send({ cmd: 'burst', set: 'app', contestId: info.contestId, index: q });
	const burst = (await load.next('latencies')) as {
		latencies: number[];
		acked: number;
		burstMs: number;
	};
	const appBurstCpu = (await cpuOf(app)) - appCpu;
	acked += burst.acked;
	const bareCpu = await cpuOf(bare);
	load.send({ cmd: 'burst', set: 'bare', contestId: 0, index: q });
	const bareBurst = (await load.next('latencies')) as { burstMs: number };
	const bareBurstCpu = (await cpuOf(bare)) - bareCpu;
	if (counted) {
		latencies.push(...burst.latencies);
		bursts.push(burst.burstMs);
		baseBursts.push(bareBurst.burstMs);
		cpu.app.push(appBurstCpu);
		cpu.bare.push(bareBurstCpu);
	} else {
		warmup.burstMs.push(round(burst.burstMs));
		warmup.baselineBurstMs.push(round(bareBurst.burstMs));
	}
	console.log(
		`${counted ? `question ${q - W + 1}` : `warm-up question ${q + 1} (not counted)`}: ` +
			`fan-out p50 ${round(median(ours.delays))} ms, max ${round(maxMs)} ms ` +
			`(first ${round(first)} ms, of which ${round(first - (openedAt - ours.t0))} ms after the ` +
			`server took the command); baseline p50 ${round(median(base.delays))} ms, max ` +
			`${round(baselineMaxMs)} ms; ${burst.acked}/${N} answers acked, all within ` +
			`${round(burst.burstMs)} ms of the burst (bare server: ${round(bareBurst.burstMs)} ms); ` +
			`server CPU for the burst ${Math.round(appBurstCpu)} ms (bare server: ` +
			`${Math.round(bareBurstCpu)} ms)`
	);
	await host
		.timeout(30_000)
		.emitWithAck('contest:host', { contestId: info.contestId, command: 'reveal' });
	await pause(300);
}
app.send({ cmd: 'stored' });
const stored = (await app.next('stored')).stored as number;
host.disconnect();
trigger.disconnect();
await Promise.all([app.stop(), bare.stop(), load.stop()]);

const maxMs = median(fanMax);
const baselineMaxMs = median(baseMax);
console.log(
	`fan-out figures are medians over the ${Q} counted questions; ack figures are over every ` +
		`answer to them; acked and stored include the ${W} warm-up question(s)`
);
console.log(
	`server CPU per counted burst: median ${Math.round(median(cpu.app))} ms ` +
		`(bare server: ${Math.round(median(cpu.bare))} ms)`
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
			burstMs: round(Math.max(...bursts)),
			baselineBurstMs: round(Math.max(...baseBursts))
		},
		answers: { acked, stored, lost: Math.max(0, acked - stored) },
		rssPerContestantKB: round((rssAfter - rssBefore) / N / 1024),
		warmup
	})
);
process.exit(0);
