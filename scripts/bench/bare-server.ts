// The baseline: a bare Socket.IO server with no authentication, no database and no views, that
// broadcasts whatever payload it is handed to every connected client and acknowledges answers
// at once. Same transport settings as the app's server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const server = http.createServer((_req, res) => res.writeHead(404).end());
const io = new Server(server, { serveClient: false, maxHttpBufferSize: 100_000 });
io.on('connection', (socket) => {
	socket.join('all');
	socket.on('go', (payload: unknown, ack: (res: unknown) => void) => {
		io.to('all').emit('contest:state', payload);
		ack({ data: {} });
	});
	// Acknowledged at once: the floor an answer burst cannot beat on this machine.
	socket.on('contest:answer', (payload: unknown, ack: (res: unknown) => void) => {
		ack({ data: payload });
	});
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

/** CPU time this process has used (user + system, every thread), in ms. */
function cpuMs(): number {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
}

process.on('message', async (message: { cmd: string }) => {
	if (message.cmd === 'cpu') process.send?.({ cpu: cpuMs() });
	if (message.cmd === 'stop') {
		io.disconnectSockets(true);
		await io.close();
		process.exit(0);
	}
});
process.send?.({ ready: true, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
