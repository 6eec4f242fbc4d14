// `npm run bench:drill [-- --answers 2000 --concurrency 16 --only pglite|postgres]`
//
// Answers per second and p99 latency of POST /drill/answer through the real built server
// (node server.js), on embedded PGlite and on PostgreSQL, each on a fresh temporary database.
// Officers (the demo ones, plus bench.NN accounts when the concurrency needs more) sign in over
// HTTP; each concurrent client is one officer working through their own topic sessions.
//
// Baseline, measured in the same run: POST /progress/bench, which exists only when the server
// runs with BENCH_BASELINE=1 and does one insert into a table this script creates. It goes
// through the same server, hooks (session check) and connection pool as the answer endpoint,
// so `ratio` = answersPerSec / baselinePerSec is the cost of the answer's own work (marking,
// FSRS card, mistakes notebook, XP, the answer row) against the cheapest possible write.
//
// Afterwards the server is stopped and every acknowledged answer is looked up by its key:
// `lost` counts answers the server confirmed but did not keep. The last line sums up both.
// PostgreSQL: BENCH_DATABASE_URL, else a fresh database on postgres://root@127.0.0.1:5432.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { inArray, sql } from 'drizzle-orm';
import { createUser, getUserByUsername } from '../src/lib/server/accounts/users';
import { bootstrap } from '../src/lib/server/bootstrap';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import * as table from '../src/lib/server/db/schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/lib/server/demo/seed';
import { startSession } from '../src/lib/server/drill/sessions';
import { topics } from '../src/lib/server/db/schema/bank';
import { signIn, startServer, type ServerProcess } from './server-process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const ANSWERS = Number(arg('answers', '2000'));
const CONCURRENCY = Number(arg('concurrency', '16'));
const ONLY = arg('only', '');
const RIGHT_SHARE = 0.7;
const ROUNDS = 4;

type Slot = { sessionId: number; position: number; versionId: number; response: string | boolean };
type Officer = { username: string; slots: Slot[]; cookie?: string };
type Target = {
	kind: 'pglite' | 'postgres';
	url?: string;
	dataDir: string;
	drop?: () => Promise<void>;
};

function newestMtime(p: string): number {
	if (!existsSync(p)) return 0;
	const st = statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	return readdirSync(p)
		.filter((e) => e !== 'paraglide')
		.reduce((n, e) => Math.max(n, newestMtime(path.join(p, e))), st.mtimeMs);
}

function ensureBuilt(): void {
	const built = path.join(root, 'build', 'handler.js');
	const sources = ['src', 'static', 'messages', 'drizzle', 'svelte.config.js', 'vite.config.ts'];
	const newest = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
	if (existsSync(built) && statSync(built).mtimeMs >= newest) return;
	console.error('building (sources are newer than build/)…');
	const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
	if (r.status !== 0) throw new Error('npm run build failed');
}

/** A right answer most of the time, a well-formed wrong one otherwise. */
function responseFor(v: { type: string; options: string[]; answer: unknown }): string | boolean {
	const right = Math.random() < RIGHT_SHARE;
	const key = v.answer;
	if (v.type === 'truefalse') return right ? key === true : key !== true;
	if (v.type === 'fill') return right ? (key as string[])[0] : '不知道';
	if (v.type === 'ordering') return right ? String(key) : String(key).split('').reverse().join('');
	if (right) return String(key);
	return String(key) === 'A' ? 'B' : 'A';
}

/** Accounts, sessions and the baseline table, written before the server owns the database. */
async function prepare(target: Target): Promise<Officer[]> {
	const database = await openDatabase({
		url: target.url,
		dataDir: path.join(target.dataDir, 'pglite')
	});
	try {
		await bootstrap(database, { demo: true });
		const { db } = database;
		await db.execute(sql`create table if not exists bench_baseline (
			id serial primary key, key text not null, user_id text not null,
			created_at timestamptz not null default now())`);
		const demo = DEMO_ACCOUNTS.filter((a) => a.role === 'officer');
		const names = Array.from({ length: CONCURRENCY }, (_, i) =>
			i < demo.length ? demo[i].username : `bench.${String(i).padStart(2, '0')}`
		);
		const officers: Officer[] = [];
		for (const username of names) {
			const user =
				(await getUserByUsername(db, username)) ??
				(await createUser(db, {
					username,
					displayName: username,
					password: DEMO_PASSWORD,
					role: 'officer',
					unitId: (await getUserByUsername(db, demo[0].username))!.unitId
				}));
			const slots: Slot[] = [];
			for (const topic of topics) {
				const s = await startSession(db, user.id, { mode: 'topic', topic, subtopic: null });
				const versions = await db
					.select()
					.from(table.questionVersion)
					.where(inArray(table.questionVersion.id, s.versionIds));
				const byId = new Map(versions.map((v) => [v.id, v]));
				s.versionIds.forEach((versionId, position) => {
					if (position >= s.position)
						slots.push({
							sessionId: s.id,
							position,
							versionId,
							response: responseFor(byId.get(versionId)!)
						});
				});
			}
			officers.push({ username, slots });
		}
		return officers;
	} finally {
		await database.close();
	}
}

async function startBenchServer(target: Target): Promise<ServerProcess> {
	const log = openSync(path.join(target.dataDir, 'server.log'), 'w');
	return startServer(
		{
			DATA_DIR: target.dataDir,
			BENCH_BASELINE: '1',
			DEMO_DATA: 'on',
			DATABASE_URL: target.url ?? ''
		},
		log,
		() => `; see ${target.dataDir}/server.log`
	);
}

async function post(base: string, route: string, cookie: string, body: unknown) {
	const started = performance.now();
	const res = await fetch(`${base}${route}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify(body)
	});
	await res.arrayBuffer();
	return { ok: res.ok, ms: performance.now() - started };
}

/** Runs `perWorker` requests on each of the officers at once; returns wall time and latencies. */
async function run(
	officers: Officer[],
	perWorker: number,
	send: (o: Officer, i: number) => Promise<{ ok: boolean; ms: number }>
) {
	const latencies: number[] = [];
	let failed = 0;
	const started = performance.now();
	await Promise.all(
		officers.map(async (o) => {
			for (let i = 0; i < perWorker; i++) {
				const r = await send(o, i);
				latencies.push(r.ms);
				if (!r.ok) failed++;
			}
		})
	);
	return { seconds: (performance.now() - started) / 1000, latencies, failed };
}

function p99(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0;
}

async function benchOne(target: Target) {
	const officers = await prepare(target);
	const perWorker = Math.floor(ANSWERS / officers.length);
	const warm = 5;
	const fewest = Math.min(...officers.map((o) => o.slots.length));
	if (perWorker + warm > fewest)
		throw new Error(`only ${fewest} questions per officer; raise --concurrency`);
	const { child, base } = await startBenchServer(target);
	const acked: string[] = [];
	try {
		for (const o of officers) o.cookie = await signIn(base, o.username, DEMO_PASSWORD);
		const baseline = (o: Officer) =>
			post(base, '/progress/bench', o.cookie!, { key: crypto.randomUUID() });
		const answer = async (o: Officer, i: number) => {
			const slot = o.slots.shift()!;
			const key = crypto.randomUUID();
			const r = await post(base, '/drill/answer', o.cookie!, { key, ...slot, timeMs: 8000 + i });
			if (r.ok) acked.push(key);
			return r;
		};
		await run(officers, warm, baseline);
		await run(officers, warm, answer);
		// Alternate in rounds, so a busy moment on the machine hits both measurements alike.
		const b = { seconds: 0, latencies: [] as number[], failed: 0 };
		const a = { seconds: 0, latencies: [] as number[], failed: 0 };
		for (let round = 0; round < ROUNDS; round++) {
			const n = Math.floor(perWorker / ROUNDS) + (round < perWorker % ROUNDS ? 1 : 0);
			for (const [into, send] of [
				[b, baseline],
				[a, answer]
			] as const) {
				const r = await run(officers, n, send);
				into.seconds += r.seconds;
				into.latencies.push(...r.latencies);
				into.failed += r.failed;
			}
		}
		const sent = officers.length * (perWorker + warm);
		return { officers: officers.length, perWorker, b, a, sent, acked };
	} finally {
		child.kill('SIGTERM');
		await new Promise((r) => child.once('exit', r));
	}
}

async function countStored(target: Target, keys: string[]): Promise<number> {
	const database: Database = await openDatabase({
		url: target.url,
		dataDir: path.join(target.dataDir, 'pglite'),
		migrationsFolder: null
	});
	try {
		const rows = await database.db
			.select({ n: sql<number>`count(*)::int` })
			.from(table.drillAnswer)
			.where(inArray(table.drillAnswer.idempotencyKey, keys));
		return Number(rows[0]?.n ?? 0);
	} finally {
		await database.close();
	}
}

async function postgresTarget(dataDir: string): Promise<Target> {
	if (process.env.BENCH_DATABASE_URL)
		return { kind: 'postgres', url: process.env.BENCH_DATABASE_URL, dataDir };
	const server = 'postgres://root@127.0.0.1:5432/postgres';
	const name = `lianbing_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(server, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database "${name}"`);
	const url = new URL(server);
	url.pathname = `/${name}`;
	const drop = async () => {
		await admin.unsafe(`drop database if exists "${name}" with (force)`);
		await admin.end();
	};
	return { kind: 'postgres', url: url.toString(), dataDir, drop };
}

async function main() {
	ensureBuilt();
	const kinds = (['pglite', 'postgres'] as const).filter((k) => !ONLY || k === ONLY);
	const lines: Record<string, unknown>[] = [];
	for (const kind of kinds) {
		const dataDir = mkdtempSync(path.join(os.tmpdir(), `lianbing-bench-${kind}-`));
		const target: Target = kind === 'pglite' ? { kind, dataDir } : await postgresTarget(dataDir);
		try {
			const r = await benchOne(target);
			const stored = await countStored(target, r.acked);
			const answersPerSec = (r.a.latencies.length - r.a.failed) / r.a.seconds;
			const baselinePerSec = (r.b.latencies.length - r.b.failed) / r.b.seconds;
			const line = {
				database: kind,
				answersPerSec: Math.round(answersPerSec * 10) / 10,
				baselinePerSec: Math.round(baselinePerSec * 10) / 10,
				ratio: Math.round((answersPerSec / baselinePerSec) * 100) / 100,
				p99Ms: Math.round(p99(r.a.latencies) * 10) / 10,
				sent: r.sent,
				stored,
				lost: r.acked.length - stored,
				failed: r.sent - r.acked.length,
				concurrency: r.officers
			};
			lines.push(line);
			console.log(JSON.stringify(line));
		} finally {
			await target.drop?.();
			rmSync(dataDir, { recursive: true, force: true });
		}
	}
	const sum = (k: string) => lines.reduce((n, l) => n + (l[k] as number), 0);
	const min = (k: string) => Math.min(...lines.map((l) => l[k] as number));
	console.log(
		JSON.stringify({
			database: kinds.join('+'),
			answersPerSec: min('answersPerSec'),
			baselinePerSec: min('baselinePerSec'),
			ratio: min('ratio'),
			p99Ms: Math.max(...lines.map((l) => l.p99Ms as number)),
			sent: sum('sent'),
			stored: sum('stored'),
			lost: sum('lost'),
			failed: sum('failed')
		})
	);
	if (sum('lost') > 0) process.exitCode = 1;
}

await main();
