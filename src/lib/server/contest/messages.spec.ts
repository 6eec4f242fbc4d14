import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

// Every refusal a contestant or host can meet must read well in both languages.
const SOURCES = ['engine.ts', 'contest-hub.ts', 'hub.ts', 'draft.ts', 'draw.ts', 'service.ts'];

describe('contest refusal messages', () => {
	const codes = new Set<string>();
	for (const file of SOURCES) {
		for (const match of read(`./${file}`).matchAll(/'((?:contest_)[a-z_]+)'/g)) {
			codes.add(match[1]);
		}
	}

	it.each(['zh-CN', 'en'])('has err_ messages for every contest code in %s', (locale) => {
		const messages = JSON.parse(read(`../../../../messages/${locale}.json`));
		const missing = [...codes].filter(
			(c) => c !== 'contest_code_live_unique' && !messages[`err_${c}`]
		);
		expect(codes.size).toBeGreaterThan(20);
		expect(missing).toEqual([]);
	});
});
