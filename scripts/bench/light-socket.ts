// A minimal Socket.IO v4 client over a bare WebSocket (Engine.IO 4 text frames only), so one
// load process can hold thousands of contestants without becoming the bottleneck it measures.
// Enough of the protocol for the bench: connect with auth, events, acknowledgements, pings.
import WebSocket from 'ws';

export const now = () => performance.timeOrigin + performance.now();

export class LightSocket {
	private nextId = 0;
	private readonly acks = new Map<number, (res: unknown) => void>();
	/** Called with the time the frame arrived, before anything else is done with it. */
	onEvent: (event: string, payload: unknown, at: number) => void = () => {};

	private constructor(private readonly ws: WebSocket) {}

	static connect(baseUrl: string, auth?: object, cookie?: string): Promise<LightSocket> {
		const url = `${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
		const ws = new WebSocket(url, { headers: cookie ? { cookie } : {}, perMessageDeflate: false });
		const socket = new LightSocket(ws);
		return new Promise((resolve, reject) => {
			ws.on('error', reject);
			ws.on('message', (raw) => {
				const at = now();
				const text = raw.toString();
				if (text.startsWith('0')) ws.send(auth ? `40${JSON.stringify(auth)}` : '40');
				else if (text.startsWith('40')) resolve(socket);
				else if (text.startsWith('44')) reject(new Error(`refused: ${text.slice(2)}`));
				else socket.receive(text, at);
			});
		});
	}

	private receive(text: string, at: number): void {
		if (text === '2') {
			this.ws.send('3');
			return;
		}
		if (text.startsWith('42')) {
			const [event, payload] = JSON.parse(text.slice(2)) as [string, unknown];
			this.onEvent(event, payload, at);
		} else if (text.startsWith('43')) {
			const bracket = text.indexOf('[');
			const id = Number(text.slice(2, bracket));
			const [res] = JSON.parse(text.slice(bracket)) as [unknown];
			this.acks.get(id)?.(res);
			this.acks.delete(id);
		}
	}

	/** Emits with an acknowledgement; resolves with the ack's payload. */
	call(event: string, payload: unknown): Promise<unknown> {
		const id = this.nextId++;
		return new Promise((resolve) => {
			this.acks.set(id, resolve);
			this.ws.send(`42${id}${JSON.stringify([event, payload])}`);
		});
	}

	close(): void {
		this.ws.close();
	}
}
