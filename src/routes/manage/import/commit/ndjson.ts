// Streams the import's progress to the browser that sent the file, in the same response: no job
// store is needed, so it works with any number of app processes behind a load balancer.
import { log } from '$lib/server/log';
import { NDJSON_TYPE, type ImportLine } from '../progress';

const encoder = new TextEncoder();

/** Lets through each phase's first and last step and about `steps` in between. */
export function progressGate(steps = 100) {
	let last: { phase: string; done: number } | undefined;
	return (done: number, total: number, phase: string): boolean => {
		const step = Math.max(1, Math.ceil(total / steps));
		const pass = !last || last.phase !== phase || done >= total || done - last.done >= step;
		if (pass) last = { phase, done };
		return pass;
	};
}

type Work = (send: (line: ImportLine) => void, signal: AbortSignal) => Promise<void>;

/**
 * Runs `work` while the response streams its lines. A thrown error becomes the last line via
 * `refusal`. When the client goes away the stream is cancelled and `signal` aborts the work.
 */
export function ndjsonResponse(work: Work, refusal: (e: unknown) => ImportLine): Response {
	const abort = new AbortController();
	let open = true;
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (line: ImportLine) => {
				if (open) controller.enqueue(encoder.encode(JSON.stringify(line) + '\n'));
			};
			const run = async () => {
				try {
					await work(send, abort.signal);
				} catch (e) {
					if (!abort.signal.aborted) send(refusal(e));
				} finally {
					if (open) controller.close();
					open = false;
				}
			};
			// Nobody awaits the stream's work: an escaped error would be an unhandled rejection.
			run().catch((e: unknown) => log.error('import stream failed', { err: e }));
		},
		cancel() {
			open = false;
			abort.abort();
		}
	});
	return new Response(body, {
		headers: {
			'Content-Type': `${NDJSON_TYPE}; charset=utf-8`,
			// Proxies must pass each line on at once, not buffer or compress the whole answer.
			'Cache-Control': 'no-cache, no-transform',
			'X-Accel-Buffering': 'no'
		}
	});
}
