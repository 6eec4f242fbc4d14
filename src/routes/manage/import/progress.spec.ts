import { describe, expect, it } from 'vitest';
import { readNdjson, type ImportLine } from './progress';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	return new ReadableStream({
		start(controller) {
			for (const c of chunks) controller.enqueue(encoder.encode(c));
			controller.close();
		}
	});
}

describe('readNdjson', () => {
	it('joins lines split across chunks and reads a last line without a newline', async () => {
		const lines: ImportLine[] = [];
		const body = streamOf([
			'{"phase":"hash',
			'ing","done":1,"total":2}\n\n{"done":t',
			'rue,"imported":2}'
		]);
		await readNdjson(body, (l) => lines.push(l));
		expect(lines).toEqual([
			{ phase: 'hashing', done: 1, total: 2 },
			{ done: true, imported: 2 }
		]);
	});

	it('keeps a Chinese character whose bytes arrive in two chunks', async () => {
		const bytes = new TextEncoder().encode('{"error":{"code":"x","message":"导入"}}\n');
		const cut = bytes.indexOf(0xe5) + 1;
		const body = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(bytes.slice(0, cut));
				controller.enqueue(bytes.slice(cut));
				controller.close();
			}
		});
		const lines: ImportLine[] = [];
		await readNdjson(body, (l) => lines.push(l));
		expect(lines).toEqual([{ error: { code: 'x', message: '导入' } }]);
	});
});
