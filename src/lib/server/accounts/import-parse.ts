// Reads an uploaded account list (CSV or XLSX) into raw rows; checks only the file itself.
// Row-level checks live in import.ts so that a preview can show every problem at once.
import { decodeCsvBytes, parseCsv } from '../csv';
import { DomainError } from '../errors';
import { readXlsxRecords } from '../xlsx';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;

export const IMPORT_FIELDS = ['username', 'displayName', 'role', 'unitCode', 'password'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The template's header row, in order: Chinese first, as officers' spreadsheets are. */
export const IMPORT_HEADERS: Record<ImportField, string> = {
	username: '用户名',
	displayName: '姓名',
	role: '角色',
	unitCode: '单位代码',
	password: '初始密码'
};

const HEADER_ALIASES: Record<ImportField, string[]> = {
	username: ['用户名', '账号', 'username'],
	displayName: ['姓名', 'displayname', 'name', 'fullname'],
	role: ['角色', 'role'],
	unitCode: ['单位代码', 'unitcode', 'unit'],
	password: ['初始密码', '密码', 'password', 'initialpassword']
};

/** One data row as written in the file; `row` is the spreadsheet row number (header = 1). */
export type RawRow = { row: number } & Record<ImportField, string>;

function normaliseHeader(cell: string): string {
	return cell
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\s*_-]/g, '');
}

/** Maps each field to its column index; throws when a required column is missing. */
export function mapHeader(header: string[]): Record<ImportField, number> {
	const names = header.map(normaliseHeader);
	const found = {} as Record<ImportField, number>;
	const missing: string[] = [];
	for (const f of IMPORT_FIELDS) {
		const index = names.findIndex((n) => HEADER_ALIASES[f].includes(n));
		if (index < 0) missing.push(IMPORT_HEADERS[f]);
		else found[f] = index;
	}
	if (missing.length > 0)
		throw new DomainError('import_missing_columns', { columns: missing.join('、') });
	return found;
}

/**
 * Turns numbered records (header first) into raw rows: skips blank lines, keeps row numbers,
 * and enforces the row limit.
 */
export function rowsFromRecords(records: { row: number; cells: string[] }[]): RawRow[] {
	const filled = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
	if (filled.length === 0) throw new DomainError('import_file_empty');
	const [header, ...data] = filled;
	const columns = mapHeader(header.cells);
	if (data.length === 0) throw new DomainError('import_no_rows');
	if (data.length > IMPORT_MAX_ROWS) {
		throw new DomainError('import_too_many_rows', { max: IMPORT_MAX_ROWS, count: data.length });
	}
	return data.map(({ row, cells }) => {
		const raw = { row } as RawRow;
		for (const f of IMPORT_FIELDS) raw[f] = (cells[columns[f]] ?? '').trim();
		return raw;
	});
}

function fileKind(bytes: Uint8Array, filename: string): 'csv' | 'xlsx' {
	const name = filename.toLowerCase();
	if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
	if (name.endsWith('.xlsx')) return 'xlsx';
	if (name.endsWith('.xls') || name.endsWith('.et') || name.endsWith('.numbers')) {
		throw new DomainError('import_file_old_excel');
	}
	throw new DomainError('import_file_type');
}

/** Parses an uploaded .csv or .xlsx; throws a DomainError for any file-level problem. */
export async function parseAccountFile(
	bytes: Uint8Array,
	filename: string
): Promise<{ rows: RawRow[] }> {
	if (bytes.byteLength === 0) throw new DomainError('import_file_empty');
	if (bytes.byteLength > IMPORT_MAX_BYTES) {
		throw new DomainError('import_file_too_large', { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 });
	}
	const kind = fileKind(bytes, filename);
	const records =
		kind === 'xlsx'
			? await readXlsxRecords(bytes)
			: parseCsv(decodeCsvBytes(bytes)).map((cells, i) => ({ row: i + 1, cells }));
	return { rows: rowsFromRecords(records) };
}
