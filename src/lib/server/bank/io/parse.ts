// Reads an uploaded or local question file of any supported format into import items; only
// the file itself is checked here (size, type, structure), each question in check.ts.
import { decodeCsvBytes } from '../../csv';
import { DomainError } from '../../errors';
import { readCsvItems } from './csv';
import { readGiftItems } from './gift';
import { readJsonItems } from './json';
import { IMPORT_MAX_BYTES, type BankFormat, type ParsedFile } from './types';
import { readXlsxItems } from './xlsx';

export function detectFormat(filename: string): BankFormat {
	const name = filename.toLowerCase();
	if (name.endsWith('.xlsx')) return 'xlsx';
	if (name.endsWith('.csv')) return 'csv';
	if (name.endsWith('.json')) return 'json';
	if (name.endsWith('.gift') || name.endsWith('.txt')) return 'gift';
	if (name.endsWith('.xls') || name.endsWith('.et')) throw new DomainError('import_file_old_excel');
	throw new DomainError('bankio_file_type');
}

export async function parseQuestionFile(bytes: Uint8Array, filename: string): Promise<ParsedFile> {
	if (bytes.byteLength === 0) throw new DomainError('import_file_empty');
	if (bytes.byteLength > IMPORT_MAX_BYTES) {
		throw new DomainError('import_file_too_large', { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 });
	}
	const format = detectFormat(filename);
	switch (format) {
		case 'xlsx':
			return { format, items: await readXlsxItems(bytes) };
		case 'csv':
			return { format, items: readCsvItems(bytes) };
		case 'gift':
			// Moodle writes UTF-8; the shared decoder also reads GB18030 from Chinese Windows tools.
			return { format, items: readGiftItems(decodeCsvBytes(bytes)) };
		case 'json':
			return { format, items: readJsonItems(decodeCsvBytes(bytes)) };
	}
}
