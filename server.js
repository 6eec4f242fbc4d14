// Production entry: one HTTP server for SvelteKit and Socket.IO (`npm start` runs this).
import { PROTOCOL_HEADER } from './scripts/server-env.js';
import http from 'node:http';
import os from 'node:os';
import { handler } from './build/handler.js';
import { attachSocketServer, closeSocketServer } from './src/lib/server/realtime/host.js';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const ownProtocolHeader = process.env.PROTOCOL_HEADER === PROTOCOL_HEADER;

const server = http.createServer((req, res) => {
	if (ownProtocolHeader) {
		req.headers[PROTOCOL_HEADER] =
			'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	}
	handler(req, res);
});

await attachSocketServer(server);

server.listen(port, host, () => {
	const startup = /** @type {any} */ (globalThis)[Symbol.for('lianbing.startup')] ?? {};
	const lines = ['', '  练兵场 Lianbing is running', ''];
	lines.push(`  Open:      http://localhost:${port}`);
	if (host === '0.0.0.0' || host === '::') {
		for (const nets of Object.values(os.networkInterfaces())) {
			for (const net of nets ?? []) {
				if (net.family === 'IPv4' && !net.internal)
					lines.push(`  Network:   http://${net.address}:${port}`);
			}
		}
	}
	if (startup.database) lines.push(`  Database:  ${startup.database}`);
	if (startup.setupPath) {
		lines.push(
			'',
			`  No admin yet. Create the first one at http://localhost:${port}${startup.setupPath}`
		);
		lines.push('  (or run: npm run admin -- create --username NAME --name 姓名)');
	}
	if (startup.demoAccounts?.length) {
		lines.push('', `  Demo sign-ins (password: ${startup.demoPassword}):`);
		for (const a of startup.demoAccounts)
			lines.push(`    ${a.username.padEnd(14)} ${a.description}`);
	}
	console.log(lines.join('\n') + '\n');
});

let stopping = false;
async function shutdown(/** @type {string} */ signal) {
	if (stopping) return;
	stopping = true;
	console.log(
		JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'shutting down', signal })
	);
	const force = setTimeout(() => process.exit(1), 10_000);
	force.unref();
	await closeSocketServer();
	await new Promise((resolve) => server.close(() => resolve(undefined)));
	server.closeAllConnections?.();
	// hooks.server.ts closes the database on this event, as adapter-node's own server does.
	/** @type {any} */ (process).emit('sveltekit:shutdown', signal);
	await new Promise((resolve) => setTimeout(resolve, 200));
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
