// CSV with the template's columns: read through the shared CSV reader, written for Excel.
import { decodeCsvBytes, formatCsv, parseCsv } from '../../csv';
import type { QuestionInput } from '../question-input';
import { EXTRA_HEADERS, inputToRow, TEMPLATE_HEADERS } from './columns';
import { itemsFromRecords } from './table';
import type { ImportItem } from './types';

export function readCsvItems(bytes: Uint8Array): ImportItem[] {
	const records = parseCsv(decodeCsvBytes(bytes)).map((cells, i) => ({ row: i + 1, cells }));
	return itemsFromRecords(records);
}

export function buildTemplateCsv(): string {
	return formatCsv([TEMPLATE_HEADERS]);
}

export function writeCsv(inputs: QuestionInput[]): string {
	const rows = inputs.map((q) => inputToRow(q, true).map(String));
	return formatCsv([[...TEMPLATE_HEADERS, ...EXTRA_HEADERS], ...rows]);
}
