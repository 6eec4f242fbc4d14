// What /manage/import/commit streams: one JSON object per line, read by the page as it arrives.
import type { ImportPhase } from '$lib/server/accounts/import';
import type { ProblemRow } from './preview';

export type { ImportPhase, ProblemRow };

export interface ImportRefusal {
	code: string;
	message: string;
	problems?: ProblemRow[];
}

export type ImportLine =
	| { phase: ImportPhase; done: number; total: number }
	| { done: true; imported: number }
	| { error: ImportRefusal };

export const NDJSON_TYPE = 'application/x-ndjson';

/** Calls `onLine` with each line of an NDJSON body as soon as the line is complete. */
export async function readNdjson(
	body: ReadableStream<Uint8Array>,
	onLine: (line: ImportLine) => void
): Promise<void> {
	const reader = body.getReader();
	const decoder = new TextDecoder();
	let pending = '';
	for (;;) {
		const { value, done } = await reader.read();
		if (done) break;
		const lines = (pending + decoder.decode(value, { stream: true })).split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) if (line.trim()) onLine(JSON.parse(line));
	}
	pending += decoder.decode();
	if (pending.trim()) onLine(JSON.parse(pending));
}
