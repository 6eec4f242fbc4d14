// The page's import step when JS runs: posts the checked file to /manage/import/commit and
// follows the progress lines it streams back.
import {
	NDJSON_TYPE,
	readNdjson,
	type ImportLine,
	type ImportPhase,
	type ImportRefusal
} from './progress';

export interface Progress {
	phase: ImportPhase;
	done: number;
	total: number;
}

export type StreamOutcome =
	| { kind: 'imported'; count: number }
	| { kind: 'refused'; refusal: ImportRefusal }
	// The answer broke off: the accounts may or may not have been imported.
	| { kind: 'lost' }
	// The picked file was changed or moved since: nothing was sent.
	| { kind: 'unreadable' }
	// The server did not start (signed out, not allowed): the form action answers instead.
	| { kind: 'native' };

async function refusalOf(response: Response): Promise<StreamOutcome> {
	const body = (await response.json().catch(() => null)) as { error?: ImportRefusal } | null;
	return body?.error ? { kind: 'refused', refusal: body.error } : { kind: 'lost' };
}

/** Reads the picked file now, so a file changed on disk fails before anything is sent. */
async function readFileNow(body: FormData): Promise<boolean> {
	const file = body.get('file');
	if (!(file instanceof File)) return true;
	try {
		body.set('file', new File([await file.arrayBuffer()], file.name, { type: file.type }));
		return true;
	} catch {
		return false;
	}
}

export async function streamImport(
	body: FormData,
	onProgress: (progress: Progress) => void,
	signal?: AbortSignal
): Promise<StreamOutcome> {
	if (!(await readFileNow(body))) return { kind: 'unreadable' };
	let response: Response;
	try {
		const headers = { accept: NDJSON_TYPE };
		response = await fetch('/manage/import/commit', { method: 'POST', body, headers, signal });
	} catch {
		return { kind: 'lost' };
	}
	const type = response.headers.get('content-type') ?? '';
	if (response.redirected || response.status === 401 || response.status === 403) {
		return { kind: 'native' };
	}
	if (!response.ok && type.startsWith('application/json')) return refusalOf(response);
	if (!response.ok || !response.body || !type.startsWith(NDJSON_TYPE)) return { kind: 'lost' };
	let outcome: StreamOutcome = { kind: 'lost' };
	const follow = (line: ImportLine) => {
		if ('error' in line) outcome = { kind: 'refused', refusal: line.error };
		else if ('phase' in line) onProgress(line);
		else outcome = { kind: 'imported', count: line.imported };
	};
	try {
		await readNdjson(response.body, follow);
	} catch {
		// Keep whatever final line arrived before the break.
	}
	return outcome;
}
