// Stopping the server the way a service manager does (SIGTERM): it says so, closes sockets and
// the embedded database, exits 0 within seconds, and starts again on the same data with
// everything kept, down to a signed-in officer's session. Runs its own server.js (built by the
// suite's web server) on a fresh data folder, so the shared server is untouched.
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';

async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as net.AddressInfo;
	await new Promise((r) => server.close(r));
	return port;
}

interface Running {
	child: ChildProcess;
	base: string;
	output: () => string;
	exited: Promise<number | null>;
}

async function startServer(dataDir: string, port: number): Promise<Running> {
	const child = spawn(process.execPath, ['server.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			DATABASE_URL: '',
			REDIS_URL: '',
			DEMO_DATA: 'on'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
		const ok = await fetch(`${base}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return { child, base, output: () => output, exited };
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill('SIGKILL');
	throw new Error(`server did not become healthy:\n${output}`);
}

async function signInCookie(base: string): Promise<string> {
	const res = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: base
		},
		body: new URLSearchParams({ username: 'ln.officer', password: 'demo1234' })
	});
	expect(res.status).toBe(303);
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lianbing_session='));
	expect(cookie).toBeTruthy();
	return cookie!.split(';')[0];
}

test('SIGTERM stops the server cleanly and a restart keeps the data and sessions', async () => {
	test.setTimeout(120_000);
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lianbing-shutdown-'));
	const port = await freePort();
	try {
		const first = await startServer(dataDir, port);
		const cookie = await signInCookie(first.base);
		const socket = io(first.base, {
			transports: ['websocket'],
			extraHeaders: { cookie },
			reconnection: false
		});
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', () => resolve());
			socket.once('connect_error', reject);
		});
		const disconnected = new Promise<void>((r) => socket.once('disconnect', () => r()));
		const lockFile = path.join(dataDir, 'pglite.pid');
		expect(readFileSync(lockFile, 'utf8')).toBe(String(first.child.pid));

		const stoppedAt = Date.now();
		first.child.kill('SIGTERM');
		expect(await first.exited).toBe(0);
		expect(Date.now() - stoppedAt).toBeLessThan(10_000);
		await disconnected;
		expect(first.output()).toContain('"msg":"shutting down"');
		expect(existsSync(lockFile)).toBe(false);

		const second = await startServer(dataDir, port);
		try {
			const home = await fetch(`${second.base}/`, { headers: { cookie }, redirect: 'manual' });
			expect(home.status).toBe(200);
			expect(await home.text()).toContain('张执法');
			// Demo data is seeded once: the restart found it and did not seed again.
			expect(second.output()).not.toContain('demo data seeded');
		} finally {
			second.child.kill('SIGTERM');
			expect(await second.exited).toBe(0);
		}
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});
