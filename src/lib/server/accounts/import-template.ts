// Downloadable templates for the account import: the header row plus one example row.
import ExcelJS from 'exceljs';
import { IMPORT_FIELDS, IMPORT_HEADERS, type ImportField } from './import-parse';

export function templateExample(unitCode: string): Record<ImportField, string> {
	return {
		username: 'zhangsan01',
		displayName: '张三',
		role: '执法队员',
		unitCode,
		password: 'Lianbing-2024'
	};
}

function quoteCsv(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** UTF-8 with a BOM and CRLF, so Excel on Windows opens the Chinese headers correctly. */
export function buildTemplateCsv(unitCode: string): string {
	const example = templateExample(unitCode);
	const lines = [
		IMPORT_FIELDS.map((f) => IMPORT_HEADERS[f]),
		IMPORT_FIELDS.map((f) => example[f])
	].map((cells) => cells.map(quoteCsv).join(','));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function buildTemplateXlsx(unitCode: string): Promise<Uint8Array<ArrayBuffer>> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('账号');
	const example = templateExample(unitCode);
	// Text format on every column keeps unit codes and numeric passwords from turning into numbers.
	sheet.columns = IMPORT_FIELDS.map((f) => ({
		header: IMPORT_HEADERS[f],
		key: f,
		width: f === 'displayName' ? 14 : 18,
		style: { numFmt: '@' }
	}));
	sheet.addRow(example);
	sheet.getRow(1).font = { bold: true };
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
