// The built server (node server.js) as a child process, for the benchmarks and the shutdown
// test: a free port, start and wait until healthy, sign in over HTTP for a session cookie.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as net.AddressInfo;
	await new Promise((r) => server.close(r));
	return port;
}

export interface ServerProcess {
	child: ChildProcess;
	base: string;
	/** Resolves with the exit code once the process has ended. */
	exited: Promise<number | null>;
}

/**
 * Starts server.js with these variables on top of this process's (DATABASE_URL and REDIS_URL
 * left out unless given), its output to a file descriptor or a callback, and waits for /healthz.
 */
export async function startServer(
	env: Record<string, string>,
	output: number | ((chunk: string) => void),
	describe: () => string = () => ''
): Promise<ServerProcess> {
	const stdio = typeof output === 'number' ? output : 'pipe';
	const port = env.PORT ? Number(env.PORT) : await freePort();
	const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', ...env };
	childEnv.PORT = String(port);
	for (const name of ['DATABASE_URL', 'REDIS_URL']) if (!env[name]) delete childEnv[name];
	const child = spawn(process.execPath, ['server.js'], {
		cwd: root,
		env: childEnv,
		stdio: ['ignore', stdio, stdio]
	});
	if (typeof output === 'function') {
		child.stdout!.on('data', (d) => output(String(d)));
		child.stderr!.on('data', (d) => output(String(d)));
	}
	const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) throw new Error(`server exited early ${describe()}`);
		const ok = await fetch(`${base}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return { child, base, exited };
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill('SIGKILL');
	throw new Error(`server did not become healthy ${describe()}`);
}

/** Signs in through the login form as a browser would; returns `lianbing_session=…`. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
	const res = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: base
		},
		body: new URLSearchParams({ username, password })
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lianbing_session='));
	if (res.status !== 303 || !cookie) {
		throw new Error(`sign-in of ${username} failed: ${res.status}`);
	}
	return cookie.split(';')[0];
}
