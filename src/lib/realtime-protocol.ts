// The realtime protocol shared by the server and every client (phone, host console, studio
// screen, third-party buzzer boxes). Documented in docs/realtime.md: change both together.

/** A refusal: a stable machine-readable code plus a message in the socket's language. */
export type AckError = { error: { code: string; message: string } };

/** Every acknowledgement is either data or an error. */
export type Ack<T> = { data: T } | AckError;

/** `connect_error` `data` when the server refuses a handshake. */
export interface ConnectErrorData {
	/** `unauthorized`: sign in again. `internal`: the server failed; retry later. */
	code: 'unauthorized' | 'internal';
}

export interface WhoAmI {
	id: string;
	username: string;
	displayName: string;
	role: 'officer' | 'trainer' | 'admin';
	unitId: number;
}

export interface ClockSample {
	clientTime: number;
	serverTime: number;
}

export interface ClientToServerEvents {
	/** Clock sync: the client sends its send time, the server answers with its own time. */
	'clock:sync': (payload: { clientTime: number }, ack: (res: Ack<ClockSample>) => void) => void;
	'session:whoami': (ack: (res: Ack<WhoAmI>) => void) => void;
}

export type SessionEndReason = 'signed_out' | 'password_changed';

export interface ServerToClientEvents {
	/** The session behind this socket ended (sign-out, password change): sign in again. */
	'session:ended': (payload: { reason: SessionEndReason }) => void;
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

export interface ClockEstimate {
	/** Add to `Date.now()` to get server time. */
	offset: number;
	/** Round trip of the sample the offset came from; the error is at most half of it. */
	roundTrip: number;
}

/** Keeps the sample with the shortest round trip: it had the least room for queueing delay. */
export function bestClockEstimate(
	samples: Array<{ sample: ClockSample; receivedAt: number }>
): ClockEstimate | null {
	let best: ClockEstimate | null = null;
	for (const { sample, receivedAt } of samples) {
		const roundTrip = receivedAt - sample.clientTime;
		if (roundTrip < 0) continue;
		if (!best || roundTrip < best.roundTrip) {
			best = { offset: clockOffset(sample, receivedAt), roundTrip };
		}
	}
	return best;
}
