// The realtime protocol shared by the server and every client (phone, host console, studio
// screen, third-party buzzer boxes). Documented in docs/realtime.md: change both together.
import type {
	AnswerReceipt,
	AnswerRequest,
	AnsweredCount,
	ContestStatePayload,
	HostRequest,
	HostView,
	JoinRequest,
	JoinResult,
	LeftReason,
	MeView,
	WatchRequest
} from './contest-protocol';

/** A refusal: a stable machine-readable code plus a message in the socket's language. */
export type AckError = { error: { code: string; message: string } };

/** Every acknowledgement is either data or an error. */
export type Ack<T> = { data: T } | AckError;

/** `connect_error` `data` when the server refuses a handshake. */
export interface ConnectErrorData {
	/**
	 * `unauthorized`: sign in again. `contest_unavailable`: a guest's contest code is unknown,
	 * ended, or the contest does not admit guests. `internal`: the server failed; retry later.
	 */
	code: 'unauthorized' | 'contest_unavailable' | 'internal';
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
	/** Join a contest as a contestant (signed in, or as a guest), or come back to it. */
	'contest:join': (payload: JoinRequest, ack: (res: Ack<JoinResult>) => void) => void;
	'contest:answer': (payload: AnswerRequest, ack: (res: Ack<AnswerReceipt>) => void) => void;
	/** Host console commands; the ack carries the host view after the command. */
	'contest:host': (payload: HostRequest, ack: (res: Ack<HostView>) => void) => void;
	/** Subscribe to the host or studio view (host rights needed for both). */
	'contest:watch': (payload: WatchRequest, ack: (res: Ack<ContestStatePayload>) => void) => void;
	/** Stop receiving this contest's events on this socket. */
	'contest:leave': (
		payload: { contestId: number },
		ack: (res: Ack<Record<string, never>>) => void
	) => void;
}

export type SessionEndReason = 'signed_out' | 'password_changed';

export interface ServerToClientEvents {
	/** The session behind this socket ended (sign-out, password change): sign in again. */
	'session:ended': (payload: { reason: SessionEndReason }) => void;
	'contest:state': (payload: ContestStatePayload) => void;
	/** A contestant's own standing, sent at each reveal and at the end. */
	'contest:me': (payload: MeView) => void;
	/** Live count of answers to the open question (host and studio; volatile). */
	'contest:answered': (payload: AnsweredCount) => void;
	/** This socket no longer plays in the contest. */
	'contest:left': (payload: { contestId: number; reason: LeftReason }) => void;
}

export interface SocketData {
	/** Null for a guest socket, which may only sync its clock and play in one contest. */
	user: WhoAmI | null;
	sessionId: string | null;
	unitPath: string | null;
	/** The contest code a guest socket was admitted for. */
	guestCode: string | null;
	/** The contestant this socket plays as, once it joined. */
	seat: { contestId: number; contestantId: string } | null;
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
