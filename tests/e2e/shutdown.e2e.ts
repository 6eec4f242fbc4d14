// Stopping the server the way a service manager does (SIGTERM): it says so, closes sockets and
// the embedded database, exits 0 within seconds, and starts again on the same data with
// everything kept, down to a signed-in officer's session. Runs its own server.js (built by the
// suite's web server) on a fresh data folder, so the shared server is untouched.
import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import { freePort, signIn, startServer, type ServerProcess } from '../../scripts/server-process';

interface Running extends ServerProcess {
	output: () => string;
}

async function start(dataDir: string, port: number): Promise<Running> {
	let output = '';
	const env = { PORT: String(port), DATA_DIR: dataDir, DEMO_DATA: 'on' };
	const server = await startServer(
		env,
		(chunk) => (output += chunk),
		() => `:\n${output}`
	);
	return { ...server, output: () => output };
}

test('SIGTERM stops the server cleanly and a restart keeps the data and sessions', async () => {
	test.setTimeout(120_000);
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lianbing-shutdown-'));
	const port = await freePort();
	try {
		const first = await start(dataDir, port);
		const cookie = await signIn(first.base, 'ln.officer', 'demo1234');
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

		const second = await start(dataDir, port);
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
