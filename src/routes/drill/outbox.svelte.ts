// The page's view of the answer outbox (answer-queue.ts): reactive counts and outcomes, one
// flush at a time, and flushing again when the phone comes back online.
import {
	enqueue,
	flushQueue,
	readQueue,
	serialised,
	type AnswerResult,
	type KeyValueStore,
	type QueuedAnswer,
	type SendOutcome
} from './answer-queue';

const RETRY_MS = 20_000;

/** localStorage, or memory where the browser refuses it (private mode, full quota). */
function storage(): KeyValueStore {
	try {
		localStorage.setItem('lianbing.probe', '1');
		return localStorage;
	} catch {
		const data = new Map<string, string>();
		return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
	}
}

export type Outbox = ReturnType<typeof outbox>;

export function outbox(userId: () => string) {
	let store: KeyValueStore | undefined;
	const db = () => (store ??= storage());
	let pending = $state(0);
	let status = $state<'ok' | 'offline' | 'signed-out'>('ok');
	let refusal = $state('');
	const recorded = $state<Record<number, Record<number, boolean>>>({});
	const outcomes = new Map<string, SendOutcome>();
	let onRecorded: ((answer: QueuedAnswer, result: AnswerResult) => void) | undefined;

	const count = () => (pending = readQueue(db(), userId()).length);

	const flush = serialised(async () => {
		const state = await flushQueue(db(), userId(), fetch, (answer, outcome) => {
			outcomes.set(answer.key, outcome);
			if (outcome.kind === 'recorded') {
				(recorded[answer.sessionId] ??= {})[answer.position] = outcome.result.correct;
				onRecorded?.(answer, outcome.result);
			} else if (outcome.kind === 'refused') {
				refusal = outcome.message;
			}
		});
		status = state === 'done' ? 'ok' : state;
		count();
		return state;
	});

	return {
		get pending() {
			return pending;
		},
		get status() {
			return status;
		},
		get refusal() {
			return refusal;
		},
		recorded: (sessionId: number) => recorded[sessionId] ?? {},
		outcome: (key: string) => outcomes.get(key),
		add(answer: QueuedAnswer) {
			enqueue(db(), userId(), answer);
			count();
		},
		flush,
		/** Call from onMount: sends what earlier visits left, and keeps trying. */
		start(recordedLater?: (answer: QueuedAnswer, result: AnswerResult) => void) {
			onRecorded = recordedLater;
			if (count() > 0) void flush();
			const online = () => void flush();
			window.addEventListener('online', online);
			const timer = setInterval(() => {
				if (pending > 0 && status !== 'signed-out') void flush();
			}, RETRY_MS);
			return () => {
				window.removeEventListener('online', online);
				clearInterval(timer);
			};
		}
	};
}
