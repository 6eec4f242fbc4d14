// Reads the first sheet of an uploaded .xlsx into numbered rows of cell text; shared by every
// spreadsheet import (accounts, question bank).
import ExcelJS from 'exceljs';
import { DomainError } from './errors';

/** One spreadsheet row: `row` is the number Excel shows (header = 1). */
export interface SheetRecord {
	row: number;
	cells: string[];
}

export async function readXlsxRecords(bytes: Uint8Array): Promise<SheetRecord[]> {
	// An XLSX file is a ZIP archive: anything else (often an .xls renamed) is refused early.
	const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	if (!isZip) throw new DomainError('import_file_unreadable');
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes.slice().buffer);
	} catch {
		throw new DomainError('import_file_unreadable');
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) throw new DomainError('import_file_empty');
	const records: SheetRecord[] = [];
	sheet.eachRow((row, number) => {
		const cells: string[] = [];
		for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
		records.push({ row: number, cells });
	});
	return records;
}
