// Shared by the bank-io-*.test.ts files: one question of each type (content from the starter
// bank's verified articles), with the characters that formats must escape: # : = ~ , " and a
// line break.
import ExcelJS from 'exceljs';
import type { QuestionInput } from '../../src/lib/server/bank/question-input';
import { NEEDS_LEGAL_BASIS_TAG } from '../../src/lib/server/bank/io/types';

export { NEEDS_LEGAL_BASIS_TAG };

const SEIZURE = '《环境保护主管部门实施查封、扣押办法》';

export const QUESTIONS: QuestionInput[] = [
	{
		type: 'single',
		stem: '检查发现某企业1#排放口通过暗管违法排放污染物，造成严重污染。依据《环境保护法》第二十五条，可以查封、扣押的对象是：',
		options: [
			'企业的全部生产经营场所',
			'企业的银行账户及资金',
			'造成污染物排放的设施、设备',
			'企业的原辅材料和产成品'
		],
		answer: 'C',
		explanation:
			'解析：查封、扣押的对象限于造成污染物排放的设施、设备。\n另见《环境保护法》第二十五条。',
		legalBasis: '《中华人民共和国环境保护法》第二十五条',
		topic: '执法质量提升',
		subtopic: '查封扣押',
		difficulty: 1,
		tags: ['查封扣押', '适用对象'],
		jurisdiction: 'national',
		sourceFacts: ['F01']
	},
	{
		type: 'multiple',
		stem: '排污者有下列哪些情形的，环境保护主管部门“应当”实施查封、扣押？',
		options: [
			'在饮用水水源一级保护区违法排放污染物，尚未造成严重污染的',
			'较大以上突发环境事件发生后，未按照要求执行停产、停排措施，继续违法排放污染物的',
			'通过暗管、渗井、渗坑、灌注等逃避监管的方式违法排放污染物的',
			'违法排放污染物已造成严重污染的'
		],
		answer: 'BCD',
		explanation: '解析：见查封、扣押办法第四条，"应当"与"可以"的情形不同。',
		legalBasis: `${SEIZURE}第四条`,
		topic: '执法质量提升',
		subtopic: '查封扣押',
		difficulty: 3,
		tags: ['应当与可以'],
		jurisdiction: 'national',
		sourceFacts: ['F02']
	},
	{
		type: 'truefalse',
		stem: '排污者在自然保护区核心区违法排放污染物，尚未造成严重污染的，属于“应当”实施查封、扣押的情形。',
		options: [],
		answer: false,
		explanation: '解析：属于“可以”查封、扣押的情形。',
		legalBasis: `${SEIZURE}第四条`,
		topic: '执法质量提升',
		subtopic: '',
		difficulty: 2,
		tags: [],
		jurisdiction: '210000',
		sourceFacts: []
	},
	{
		type: 'fill',
		stem: '情况紧急，需要当场实施查封、扣押的，应当在实施后____小时内补办批准手续。',
		options: [],
		answer: ['24', '二十四'],
		explanation: '解析：依据查封、扣押办法第十三条：二十四小时内补办。',
		legalBasis: `${SEIZURE}第十三条`,
		topic: '执法质量提升',
		subtopic: '查封扣押',
		difficulty: 2,
		tags: ['紧急实施'],
		jurisdiction: 'national',
		sourceFacts: ['F03']
	},
	{
		type: 'ordering',
		stem: '情况紧急需当场查封偷排用的水泵时，请按法定程序的先后顺序排列下列步骤。',
		options: [
			'当场实施查封并制作现场笔录',
			'实施后二十四小时内补办批准手续',
			'两名以上执法人员到场，出示执法证件'
		],
		answer: 'CAB',
		explanation: '',
		legalBasis: `${SEIZURE}第十二条、第十三条`,
		topic: '队伍能力建设',
		subtopic: '',
		difficulty: 3,
		tags: ['程序'],
		jurisdiction: 'national',
		sourceFacts: ['F03']
	}
];

export function fileOf(body: string | Uint8Array, name: string): File {
	const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
	return new File([bytes as Uint8Array<ArrayBuffer>], name);
}

export async function bytesOf(file: File): Promise<Uint8Array> {
	return new Uint8Array(await file.arrayBuffer());
}

export function bankJson(questions: unknown[]): string {
	return JSON.stringify({ format: 'lianbing-bank', version: 1, questions });
}

export async function xlsxOf(rows: unknown[][]): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('试题');
	for (const r of rows) sheet.addRow(r);
	return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The fields every format carries, for comparing round trips. */
export function carried(q: QuestionInput) {
	const { type, stem, options, answer, explanation, legalBasis, topic, subtopic, difficulty } = q;
	const { tags, jurisdiction } = q;
	return {
		type,
		stem,
		options,
		answer,
		explanation,
		legalBasis,
		topic,
		subtopic,
		difficulty,
		tags,
		jurisdiction
	};
}
