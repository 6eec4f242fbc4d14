// The phone's outbox for drill answers. Every answer is written here before it is sent, and
// leaves only when the server has either recorded it or refused it for good; a dropped
// connection just leaves it for the next flush. The idempotency key makes resending safe.
// Kept per user in localStorage, so a shared phone never sends one officer's answers as
// another's.

export interface QueuedAnswer {
	key: string;
	sessionId: number;
	position: number;
	versionId: number;
	response: string | boolean;
	timeMs: number;
	answeredAt: string;
}

/** What the server returns for a recorded answer (AnswerResult on the server). */
export interface AnswerResult {
	position: number;
	correct: boolean;
	key: string | boolean | string[];
	explanation: string;
	legalBasis: string;
	xp: number;
	finished: boolean;
}

export type SendOutcome =
	| { kind: 'recorded'; result: AnswerResult }
	| { kind: 'refused'; code: string; message: string }
	| { kind: 'signed-out' }
	| { kind: 'offline' };

export interface KeyValueStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export const ENDPOINT = '/drill/answer';

function storageKey(userId: string): string {
	return `lianbing.drill.outbox.${userId}`;
}

export function readQueue(store: KeyValueStore, userId: string): QueuedAnswer[] {
	try {
		const parsed = JSON.parse(store.getItem(storageKey(userId)) ?? '[]');
		return Array.isArray(parsed) ? parsed : [];
	} catch {
		return [];
	}
}

function writeQueue(store: KeyValueStore, userId: string, queue: QueuedAnswer[]): void {
	store.setItem(storageKey(userId), JSON.stringify(queue));
}

export function enqueue(store: KeyValueStore, userId: string, answer: QueuedAnswer): void {
	const queue = readQueue(store, userId).filter((a) => a.key !== answer.key);
	writeQueue(store, userId, [...queue, answer]);
}

function drop(store: KeyValueStore, userId: string, key: string): void {
	writeQueue(
		store,
		userId,
		readQueue(store, userId).filter((a) => a.key !== key)
	);
}

export async function sendAnswer(fetchFn: Fetch, answer: QueuedAnswer): Promise<SendOutcome> {
	let response: Response;
	try {
		response = await fetchFn(ENDPOINT, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(answer),
			// A weak signal can hang a request for minutes; keep the answer queued instead.
			signal: AbortSignal.timeout(20_000)
		});
	} catch {
		return { kind: 'offline' };
	}
	if (response.status === 401) return { kind: 'signed-out' };
	const body = await response.json().catch(() => null);
	if (response.ok && body?.result) return { kind: 'recorded', result: body.result };
	if (response.status >= 400 && response.status < 500 && response.status !== 408 && body?.code) {
		return { kind: 'refused', code: String(body.code), message: String(body.message ?? '') };
	}
	return { kind: 'offline' };
}

/**
 * Sends the queued answers in the order they were given (the server takes a session's answers
 * in order), including any queued meanwhile. Stops at the first one that cannot be sent now.
 */
export async function flushQueue(
	store: KeyValueStore,
	userId: string,
	fetchFn: Fetch,
	onSettled: (answer: QueuedAnswer, outcome: SendOutcome) => void = () => {}
): Promise<'done' | 'offline' | 'signed-out'> {
	const tried = new Set<string>();
	for (;;) {
		const answer = readQueue(store, userId).find((a) => !tried.has(a.key));
		if (!answer) return 'done';
		tried.add(answer.key);
		const outcome = await sendAnswer(fetchFn, answer);
		if (outcome.kind === 'offline' || outcome.kind === 'signed-out') return outcome.kind;
		drop(store, userId, answer.key);
		onSettled(answer, outcome);
	}
}

/** One flush at a time per page: a second call waits for the running one and reuses it. */
export function serialised<T>(run: () => Promise<T>): () => Promise<T> {
	let running: Promise<T> | null = null;
	return () => {
		running ??= run().finally(() => {
			running = null;
		});
		return running;
	};
}

/** A v4 UUID; crypto.randomUUID exists only on https and localhost, getRandomValues always. */
export function newKey(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
	const b = crypto.getRandomValues(new Uint8Array(16));
	b[6] = (b[6] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;
	const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
