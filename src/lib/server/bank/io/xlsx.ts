// Excel workbooks with the template's columns: the downloadable template (with a sheet of
// instructions), reading an upload, and the XLSX export.
import ExcelJS from 'exceljs';
import { topics } from '../../db/schema/bank';
import { readXlsxRecords } from '../../xlsx';
import type { QuestionInput } from '../question-input';
import { EXTRA_HEADERS, inputToRow, TEMPLATE_HEADERS } from './columns';
import { itemsFromRecords } from './table';
import { IMPORT_MAX_BYTES, IMPORT_MAX_QUESTIONS, type ImportItem } from './types';

export async function readXlsxItems(bytes: Uint8Array): Promise<ImportItem[]> {
	return itemsFromRecords(await readXlsxRecords(bytes));
}

const INSTRUCTIONS: [string, string][] = [
	['题型', '单选、多选、判断、填空、排序之一。'],
	['题干', '必填，不超过 2000 字。填空题用 ____（四个下划线）标出空格位置。'],
	[
		'选项A…选项H',
		'单选至少 2 个、多选至少 3 个、排序至少 3 个选项，从选项A起连续填写，中间不留空；判断题和填空题不填。'
	],
	[
		'答案',
		'单选填一个字母，如 B；多选填多个字母，如 ACD；判断填“对”或“错”；填空填可接受的答案，多个用 | 分隔，如 30日|三十日；排序按正确顺序填选项字母，如 CADB。'
	],
	['解析', '说明正确答案的理由，注明条款。'],
	['法律依据', '必填：法律法规名称及条款，如《中华人民共和国环境保护法》第二十五条。'],
	['专题', `必填，为以下之一：${topics.join('、')}。`],
	['难度', '必填，1–5 的整数，1 最易。'],
	['标签', '可选，多个用顿号（、）分隔。'],
	[
		'子专题、适用范围',
		'可选列，可加在“标签”之后：子专题如“大气污染防治法”；适用范围为 national（全国）或省级行政区划代码。'
	],
	[
		'限制',
		`单个文件不超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB、${IMPORT_MAX_QUESTIONS} 道题。第一张工作表为试题，本说明页不会导入。`
	]
];

export async function buildTemplateXlsx(): Promise<Uint8Array<ArrayBuffer>> {
	const workbook = new ExcelJS.Workbook();
	addQuestionSheet(workbook, TEMPLATE_HEADERS, []);
	const help = workbook.addWorksheet('填写说明');
	help.columns = [
		{ header: '列', key: 'column', width: 18 },
		{ header: '填写要求', key: 'rule', width: 100 }
	];
	for (const [column, rule] of INSTRUCTIONS) help.addRow({ column, rule });
	help.getRow(1).font = { bold: true };
	help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
	return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function addQuestionSheet(
	workbook: ExcelJS.Workbook,
	headers: string[],
	rows: (string | number)[][]
): void {
	const sheet = workbook.addWorksheet('试题');
	// Text format keeps answers such as 1|01 and codes from turning into numbers in Excel.
	sheet.columns = headers.map((header) => ({
		header,
		width: header === '题干' || header === '解析' ? 48 : header === '难度' ? 6 : 16,
		style: header === '难度' ? {} : { numFmt: '@' }
	}));
	sheet.addRows(rows);
	sheet.getRow(1).font = { bold: true };
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function writeXlsx(inputs: QuestionInput[]): Promise<Uint8Array<ArrayBuffer>> {
	const workbook = new ExcelJS.Workbook();
	addQuestionSheet(
		workbook,
		[...TEMPLATE_HEADERS, ...EXTRA_HEADERS],
		inputs.map((q) => inputToRow(q, true))
	);
	return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
