// Spreadsheet records (from XLSX or CSV) to import items: header first, blank rows skipped,
// every data row keeping the row number the user sees in Excel.
import { DomainError } from '../../errors';
import type { SheetRecord } from '../../xlsx';
import { mapColumns, rowToInput } from './columns';
import { IMPORT_MAX_QUESTIONS, type ImportItem } from './types';

export function checkQuestionCount(count: number): void {
	if (count === 0) throw new DomainError('bankio_no_questions');
	if (count > IMPORT_MAX_QUESTIONS) {
		throw new DomainError('bankio_too_many', { max: IMPORT_MAX_QUESTIONS, count });
	}
}

export function itemsFromRecords(records: SheetRecord[]): ImportItem[] {
	const filled = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
	if (filled.length === 0) throw new DomainError('import_file_empty');
	const [header, ...data] = filled;
	const { map, missing } = mapColumns(header.cells);
	if (missing.length > 0) {
		throw new DomainError('import_missing_columns', { columns: missing.join('、') });
	}
	checkQuestionCount(data.length);
	return data.map(({ row, cells }) => {
		const { input, problems } = rowToInput(cells, map);
		return { position: row, input, problems, notes: [] };
	});
}
