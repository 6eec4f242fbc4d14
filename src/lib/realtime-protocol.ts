// The realtime protocol shared by the server and every client (phone, host console, studio
// screen, third-party buzzer boxes). Documented in docs/realtime.md.

/** Every acknowledgement is either data or a machine-readable error code with a message. */
export type Ack<T> = { data: T } | { error: { code: string; message: string } };

export interface WhoAmI {
	id: string;
	username: string;
	displayName: string;
	role: 'officer' | 'trainer' | 'admin';
	unitId: number;
}

export interface ClientToServerEvents {
	/** Clock sync: the client sends its send time, the server answers with its own time. */
	'clock:sync': (payload: { clientTime: number }, ack: (res: Ack<ClockSample>) => void) => void;
	'session:whoami': (ack: (res: Ack<WhoAmI>) => void) => void;
}

export interface ClockSample {
	clientTime: number;
	serverTime: number;
}

export interface ServerToClientEvents {
	/** The session behind this socket ended (sign-out, password change): sign in again. */
	'session:ended': (payload: { reason: 'signed_out' | 'password_changed' }) => void;
}

export interface SocketData {
	user: WhoAmI;
	sessionId: string;
	locale: 'zh-CN' | 'en';
}

/** Estimates the offset to add to the local clock to get server time (NTP-style midpoint). */
export function clockOffset(sample: ClockSample, receivedAt: number): number {
	return sample.serverTime - (sample.clientTime + receivedAt) / 2;
}
