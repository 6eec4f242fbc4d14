// Saves each answer as it is given (debounced, so typing sends one request), through the JSON
// endpoint; the form buttons still save on their own when JavaScript is off or a save failed.
type SaveState = 'saving' | 'saved' | 'failed';

export function createAutosave(url: () => string, onClosed: (late: boolean) => void) {
	let status = $state<{ position: number; state: SaveState | null }>({ position: 0, state: null });
	const answered = $state<Record<number, boolean>>({});
	let timer: ReturnType<typeof setTimeout> | undefined;
	let waiting: { position: number; value: string | boolean } | null = null;

	async function send(position: number, value: string | boolean) {
		const response = value === '' ? null : value;
		status = { position, state: 'saving' };
		try {
			const res = await fetch(url(), {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ position, response })
			});
			if (res.ok) {
				answered[position] = response !== null;
				status = { position, state: 'saved' };
				return;
			}
			const body = (await res.json().catch(() => null)) as { code?: string } | null;
			if (body?.code === 'exam_late' || body?.code === 'exam_submitted') {
				return onClosed(body.code === 'exam_late');
			}
		} catch {
			// Offline or the server is restarting: say so; the form buttons save again.
		}
		status = { position, state: 'failed' };
	}

	/** Sends what is still waiting, e.g. before the paper is handed in at the deadline. */
	async function flush() {
		clearTimeout(timer);
		const next = waiting;
		waiting = null;
		if (next) await send(next.position, next.value);
	}

	return {
		get status() {
			return status;
		},
		answered,
		queue(position: number, value: string | boolean) {
			clearTimeout(timer);
			waiting = { position, value };
			status = { position, state: 'saving' };
			timer = setTimeout(() => void flush(), 400);
		},
		flush
	};
}
