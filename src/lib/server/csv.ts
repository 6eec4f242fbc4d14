// CSV as spreadsheets really write it: RFC 4180 quoting, CRLF or LF, a UTF-8 BOM or none, and
// GB18030 from Excel on Chinese Windows ("CSV (逗号分隔)" saves in the system code page).
// Shared by every CSV import and export (accounts, question bank).
import { DomainError } from './errors';

/** UTF-8 (BOM stripped) when the bytes are valid UTF-8, UTF-16 with a BOM, else GB18030. */
export function decodeCsvBytes(bytes: Uint8Array): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return new TextDecoder('gb18030').decode(bytes);
	}
}

/** Comma, unless the first line has tabs and no commas (Excel's "Unicode text" export). */
function detectDelimiter(text: string): string {
	const firstLine = text.slice(0, text.search(/\r?\n|$/));
	return !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
}

/**
 * Splits CSV text into records of fields. Quoted fields may hold delimiters, doubled quotes and
 * line breaks; a quote inside an unquoted field is kept as text, as Excel does.
 */
export function parseCsv(text: string): string[][] {
	const delimiter = detectDelimiter(text);
	const records: string[][] = [];
	let record: string[] = [];
	let value = '';
	let quoted = false;
	let fieldStart = true;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c !== '"') value += c;
			else if (text[i + 1] === '"') {
				value += '"';
				i++;
			} else quoted = false;
		} else if (c === '"' && fieldStart) {
			quoted = true;
			fieldStart = false;
		} else if (c === delimiter) {
			record.push(value);
			value = '';
			fieldStart = true;
		} else if (c === '\r' || c === '\n') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			record.push(value);
			records.push(record);
			record = [];
			value = '';
			fieldStart = true;
		} else {
			value += c;
			fieldStart = false;
		}
	}
	if (quoted) throw new DomainError('import_csv_unclosed_quote', { row: records.length + 1 });
	if (!fieldStart || value !== '' || record.length > 0) {
		record.push(value);
		records.push(record);
	}
	return records;
}

function quoteCsvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** UTF-8 with a BOM and CRLF, so Excel on Windows opens Chinese text correctly. */
export function formatCsv(records: string[][]): string {
	return `\uFEFF${records.map((r) => r.map(quoteCsvField).join(',')).join('\r\n')}\r\n`;
}
