// `npm start`: build when the build is missing or older than the sources, then serve.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const built = path.join(root, 'build', 'handler.js');
const sources = [
	'src',
	'static',
	'messages',
	'drizzle',
	'svelte.config.js',
	'vite.config.ts',
	'package.json'
];

function newestMtime(/** @type {string} */ p) {
	if (!existsSync(p)) return 0;
	const st = statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	let newest = st.mtimeMs;
	for (const entry of readdirSync(p)) {
		if (entry === 'paraglide') continue;
		newest = Math.max(newest, newestMtime(path.join(p, entry)));
	}
	return newest;
}

const sourceTime = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
if (!existsSync(built) || statSync(built).mtimeMs < sourceTime) {
	console.log('Building Lianbing (first start or sources changed)…');
	const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const child = spawn(process.execPath, [path.join(root, 'server.js'), ...process.argv.slice(2)], {
	cwd: root,
	stdio: 'inherit'
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => child.kill(signal));
}
child.on('exit', (code) => process.exit(code ?? 0));
