// GIFT text handling: splitting a file into questions, escapes, comments with our metadata,
// $CATEGORY lines and the [html]/[markdown]/[plain] format markers.

// Escaped control characters become private-use characters while the structure is parsed.
const ESCAPES: Record<string, string> = {
	'\\': '\uE000',
	'~': '\uE001',
	'=': '\uE002',
	'#': '\uE003',
	'{': '\uE004',
	'}': '\uE005',
	':': '\uE006',
	n: '\uE007'
};
const RESTORE = new Map(Object.entries(ESCAPES).map(([c, p]) => [p, c === 'n' ? '\n' : c]));

export function protectEscapes(text: string): string {
	return text.replace(/\\([\\~=#{}:n])/g, (_, c: string) => ESCAPES[c]);
}

/** Escaped characters back to text; `\n` (a deliberate line break) becomes a newline. */
export function restoreEscapes(text: string): string {
	return text.replace(/[\uE000-\uE007]/g, (p) => RESTORE.get(p) ?? p);
}

export function escapeGift(text: string): string {
	return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** Comment lines we read as metadata, e.g. `// 法律依据：《…》第…条`. */
export const META_KEYS = ['法律依据', '难度', '标签', '专题', '子专题', '适用范围'] as const;
export type MetaKey = (typeof META_KEYS)[number];
const META_LINE = new RegExp(`^//\\s*(${META_KEYS.join('|')})\\s*[:：]\\s*(.*)$`);

export type GiftEvent =
	| { kind: 'category'; path: string }
	| { kind: 'question'; line: number; text: string; meta: Partial<Record<MetaKey, string>> };

/** Questions are separated by blank lines; `//` lines are comments (Moodle's rules). */
export function splitGift(source: string): GiftEvent[] {
	const events: GiftEvent[] = [];
	let lines: string[] = [];
	let meta: Partial<Record<MetaKey, string>> = {};
	let start = 0;
	const flush = () => {
		if (lines.length > 0)
			events.push({ kind: 'question', line: start, text: lines.join('\n'), meta });
		lines = [];
		meta = {};
	};
	source
		.replace(/^\uFEFF/, '')
		.split(/\r\n|\r|\n/)
		.forEach((raw, i) => {
			const line = raw.trim();
			if (line === '') return flush();
			if (line.startsWith('//')) {
				const m = META_LINE.exec(line);
				if (m) meta[m[1] as MetaKey] = m[2].trim();
				return;
			}
			if (line.startsWith('$CATEGORY:')) {
				flush();
				return void events.push({ kind: 'category', path: line.slice(10).trim() });
			}
			if (lines.length === 0) start = i + 1;
			lines.push(raw);
		});
	flush();
	return events;
}

const CJK = '[\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F]';
const CJK_BREAK = new RegExp(`(${CJK})\\s*\\n\\s*(?=${CJK})`, 'g');

function decodeEntities(text: string): string {
	const named: Record<string, string> = {
		amp: '&',
		lt: '<',
		gt: '>',
		quot: '"',
		apos: "'",
		nbsp: ' '
	};
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
		if (e[0] === '#') {
			const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
			return Number.isFinite(code) ? String.fromCodePoint(code) : all;
		}
		return named[e.toLowerCase()] ?? all;
	});
}

export type TextFormat = 'moodle' | 'html' | 'markdown' | 'plain';

/** Plain text for the bank from protected text: markup removed, line breaks joined, escapes restored. */
export function cleanText(text: string, format: TextFormat): string {
	let out = text;
	if (format === 'html') {
		out = decodeEntities(out.replace(/<br\s*\/?>|<\/(p|div|li)>/gi, '\n').replace(/<[^>]*>/g, ''));
	} else if (format === 'markdown') {
		out = out.replace(/\*\*|__/g, '');
	}
	// A line break in the file inside Chinese text is not a space; between Latin words it is.
	// Spaces within a line stay: "（  ）" is how Chinese papers mark where the answer goes.
	out = out.replace(CJK_BREAK, '$1').replace(/[ \t]*\n\s*/g, ' ');
	if (format === 'html') out = out.replace(/\s+/g, ' ');
	out = out.trim();
	return restoreEscapes(out).replace(/ *\n */g, '\n');
}

/** Splits off `::title::` and a `[format]` marker from the start of a question. */
export function readHead(text: string): { title?: string; format: TextFormat; body: string } {
	let body = text.trim();
	let title: string | undefined;
	const t = /^::([\s\S]*?)::/.exec(body);
	if (t) {
		title = cleanText(t[1], 'plain');
		body = body.slice(t[0].length).trim();
	}
	let format: TextFormat = 'moodle';
	const f = /^\[(html|markdown|plain|moodle)\]/i.exec(body);
	if (f) {
		format = f[1].toLowerCase() as TextFormat;
		body = body.slice(f[0].length);
	}
	return { title, format, body };
}
