// Closes live sockets whose session just ended, so a signed-out phone stops receiving events.
// On the Redis adapter this reaches the sockets on every app process.
import type { Server } from 'socket.io';
import type { SessionEndReason } from '../../realtime-protocol';
import { getSocketServer } from './host.js';
import { sessionRoom, userRoom, type AppServer } from './handler';

export function endSessionSockets(
	target: { sessionId: string } | { userId: string },
	reason: SessionEndReason,
	io: Server | AppServer | null = getSocketServer()
): void {
	if (!io) return;
	const server = io as AppServer;
	const room = 'sessionId' in target ? sessionRoom(target.sessionId) : userRoom(target.userId);
	server.to(room).emit('session:ended', { reason });
	server.in(room).disconnectSockets(true);
}
