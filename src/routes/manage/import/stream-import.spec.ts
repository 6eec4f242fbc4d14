import { afterEach, describe, expect, it, vi } from 'vitest';
import { streamImport, type Progress } from './stream-import';

const NDJSON = { 'content-type': 'application/x-ndjson; charset=utf-8' };

function form(): FormData {
	const data = new FormData();
	data.set('file', new File(['用户名\n'], 'a.csv'));
	data.set('digest', 'abc');
	return data;
}

/** A body that sends these chunks, then fails instead of ending when `breaks` is set. */
function body(chunks: string[], breaks = false): ReadableStream<Uint8Array> {
	return new ReadableStream({
		start(controller) {
			for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
			if (breaks) controller.error(new TypeError('network error'));
			else controller.close();
		}
	});
}

function answer(response: Response | Error, redirected = false) {
	if (redirected) Object.defineProperty(response, 'redirected', { value: true });
	const fetch = vi.fn(async () => {
		if (response instanceof Error) throw response;
		return response;
	});
	vi.stubGlobal('fetch', fetch);
	return fetch;
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('streamImport', () => {
	it('reports each progress line and ends with the imported count', async () => {
		const lines = ['{"phase":"hashing","done":1,"total":2}\n', '{"done":true,"imported":2}\n'];
		const fetch = answer(new Response(body(lines), { headers: NDJSON }));
		const seen: Progress[] = [];
		const outcome = await streamImport(form(), (p) => seen.push(p));
		expect(outcome).toEqual({ kind: 'imported', count: 2 });
		expect(seen).toEqual([{ phase: 'hashing', done: 1, total: 2 }]);
		expect(fetch).toHaveBeenCalledWith('/manage/import/commit', expect.anything());
	});

	it('passes on a streamed refusal with its problems', async () => {
		const error = { code: 'import_has_errors', message: '有问题', problems: [] };
		answer(new Response(body([JSON.stringify({ error }) + '\n']), { headers: NDJSON }));
		expect(await streamImport(form(), () => {})).toEqual({ kind: 'refused', refusal: error });
	});

	it('passes on a 400 JSON refusal', async () => {
		const error = { code: 'import_not_multipart', message: '格式不正确' };
		answer(Response.json({ error }, { status: 400 }));
		expect(await streamImport(form(), () => {})).toEqual({ kind: 'refused', refusal: error });
	});

	it('says the result is unknown when the answer breaks off before its last line', async () => {
		answer(
			new Response(body(['{"phase":"saving","done":0,"total":2}\n'], true), { headers: NDJSON })
		);
		expect(await streamImport(form(), () => {})).toEqual({ kind: 'lost' });
		answer(new TypeError('Failed to fetch'));
		expect(await streamImport(form(), () => {})).toEqual({ kind: 'lost' });
	});

	it('hands over to the form action when signed out or not allowed', async () => {
		answer(new Response('<html>', { headers: { 'content-type': 'text/html' } }), true);
		expect(await streamImport(form(), () => {})).toEqual({ kind: 'native' });
		answer(new Response('forbidden', { status: 403 }));
		expect(await streamImport(form(), () => {})).toEqual({ kind: 'native' });
	});

	it('sends nothing when the picked file can no longer be read', async () => {
		const fetch = answer(new Response(null));
		const data = form();
		const unreadable = new File([], 'gone.csv');
		unreadable.arrayBuffer = () => Promise.reject(new DOMException('changed', 'NotReadableError'));
		data.set('file', unreadable);
		expect(await streamImport(data, () => {})).toEqual({ kind: 'unreadable' });
		expect(fetch).not.toHaveBeenCalled();
	});
});
