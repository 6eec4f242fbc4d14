// Closes live sockets whose session just ended, so a signed-out phone stops receiving events.
import { getSocketServer } from './host.js';
import { sessionRoom, userRoom } from './handler';

export function endSessionSockets(
	target: { sessionId: string } | { userId: string },
	reason: 'signed_out' | 'password_changed'
): void {
	const io = getSocketServer();
	if (!io) return;
	const room = 'sessionId' in target ? sessionRoom(target.sessionId) : userRoom(target.userId);
	io.to(room).emit('session:ended', { reason });
	io.in(room).disconnectSockets(true);
}
