// A contest page's own connection: the play page, host console and studio screen each open one
// when mounted and close it when left. It reconnects by itself (also after the server restarted
// and said goodbye), keeps the server clock offset fresh, and calls `onReady` after every
// (re)connect so the page can join or watch again.
import type { Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ConnectErrorData } from '../realtime-protocol';
import { createClientSocket, measureClockOffset, type ClientSocket } from './client';

export type LinkStatus = 'connecting' | 'online' | 'offline' | 'refused';

type AckOf<E extends keyof ClientToServerEvents> =
	Parameters<ClientToServerEvents[E]> extends [...unknown[], (res: infer R) => void] ? R : never;
type PayloadOf<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];

const CALL_TIMEOUT_MS = 8_000;
const RESYNC_EVERY_MS = 120_000;
const RETRY_AFTER_MS = 3_000;

export class ContestLink {
	status = $state<LinkStatus>('connecting');
	/** Add to Date.now() to get server time. */
	offset = $state(0);
	/** Why the server refused the connection, in the user's language. */
	refusal = $state('');
	readonly socket: ClientSocket;
	private stopped = false;
	private resync: ReturnType<typeof setInterval> | undefined;

	constructor(options: { contestCode?: string; onReady: () => void }) {
		const socket = createClientSocket(undefined, {
			auth: options.contestCode ? { contestCode: options.contestCode } : {},
			reconnectionDelayMax: 5_000
		});
		this.socket = socket;
		socket.on('connect', async () => {
			this.status = 'online';
			this.refusal = '';
			await this.syncClock();
			options.onReady();
		});
		socket.on('disconnect', (reason) => {
			this.status = 'offline';
			// A server shutting down (deploy, restart) says goodbye, and Socket.IO would not retry.
			if (reason === 'io server disconnect') this.retrySoon();
		});
		socket.on('connect_error', (err) => {
			const code = (err as Error & { data?: ConnectErrorData }).data?.code;
			if (!code) return; // network trouble: the client retries by itself
			this.status = code === 'internal' ? 'offline' : 'refused';
			this.refusal = err.message;
			if (code === 'internal') this.retrySoon();
		});
		socket.on('session:ended', () => this.close());
	}

	open(): void {
		this.stopped = false;
		this.socket.connect();
		this.resync = setInterval(() => void this.syncClock(), RESYNC_EVERY_MS);
	}

	close(): void {
		this.stopped = true;
		clearInterval(this.resync);
		this.socket.disconnect();
	}

	serverNow(): number {
		return Date.now() + this.offset;
	}

	/** Emits with an acknowledgement; a timeout becomes an `internal` error like a server failure. */
	async call<E extends keyof ClientToServerEvents>(
		event: E,
		payload: PayloadOf<E>
	): Promise<AckOf<E>> {
		const raw = this.socket as unknown as Socket;
		try {
			return (await raw.timeout(CALL_TIMEOUT_MS).emitWithAck(event, payload)) as AckOf<E>;
		} catch {
			return { error: { code: 'timeout', message: '' } } as Ack<never> as AckOf<E>;
		}
	}

	private async syncClock(): Promise<void> {
		const estimate = await measureClockOffset(this.socket);
		if (estimate) this.offset = estimate.offset;
	}

	private retrySoon(): void {
		setTimeout(
			() => {
				if (!this.stopped && !this.socket.connected) this.socket.connect();
			},
			RETRY_AFTER_MS + Math.random() * 2_000
		);
	}
}
