// Shared by the drill-exam-*.test.ts files: a small published bank with known topics, a
// blueprint drawing all of it, and the right and a wrong answer of each item as displayed.
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as table from '../../src/lib/server/db/schema';
import type { QuestionStatus, QuestionType } from '../../src/lib/server/db/schema/bank';
import type { Response } from '../../src/lib/server/bank/check-answer';
import { validateQuestionInput } from '../../src/lib/server/bank/question-input';
import { insertQuestion } from '../../src/lib/server/bank/store';
import { toDisplayed } from '../../src/lib/server/drill/exam-paper';
import { getUnitByCode } from '../../src/lib/server/org/units';

export const EXPLANATION = '解析：只在交卷后显示的说明文字。';

let serial = 0;

async function add(
	db: Db,
	type: QuestionType,
	topic: string,
	over: { status?: QuestionStatus; jurisdiction?: string } = {}
): Promise<void> {
	serial += 1;
	const choice = type === 'single' || type === 'multiple';
	const { value, problems } = validateQuestionInput({
		type,
		stem: `第${serial}题：${topic}的${type}题干`,
		options: choice ? [`甲${serial}`, `乙${serial}`, `丙${serial}`, `丁${serial}`] : [],
		answer: type === 'single' ? 'A' : type === 'multiple' ? 'AC' : true,
		explanation: EXPLANATION,
		legalBasis: '《中华人民共和国环境保护法》第五十九条',
		topic,
		subtopic: '',
		difficulty: 3,
		tags: [],
		jurisdiction: over.jurisdiction ?? 'national'
	});
	if (problems.length > 0) throw new Error(JSON.stringify(problems));
	const national = await getUnitByCode(db, '000000');
	await insertQuestion(db, value, {
		unitId: national!.id,
		authorId: null,
		status: over.status ?? 'published'
	});
}

/**
 * 5 single (3 大气监督帮扶, 2 执法质量提升), 2 multiple (重点专项行动), 3 true/false
 * (队伍能力建设), all published; plus a draft and a Xinjiang-only question never drawn for
 * others. Returns a blueprint asking for exactly the published national ones.
 */
export async function seedExamBank(db: Db, minutes = 30): Promise<number> {
	for (let i = 0; i < 3; i++) await add(db, 'single', '大气监督帮扶');
	for (let i = 0; i < 2; i++) await add(db, 'single', '执法质量提升');
	for (let i = 0; i < 2; i++) await add(db, 'multiple', '重点专项行动');
	for (let i = 0; i < 3; i++) await add(db, 'truefalse', '队伍能力建设');
	await add(db, 'single', '大气监督帮扶', { status: 'draft' });
	await add(db, 'single', '大气监督帮扶', { jurisdiction: '650000' });
	const [bp] = await db
		.insert(table.examBlueprint)
		.values({
			slug: `test-${serial}`,
			name: '测试试卷',
			singleCount: 5,
			multipleCount: 2,
			truefalseCount: 3,
			minutes,
			passPercent: 60
		})
		.returning();
	return bp.id;
}

export interface ItemKey {
	position: number;
	type: QuestionType;
	topic: string;
	stem: string;
	status: QuestionStatus;
	jurisdiction: string;
	optionOrder: number[];
	right: Response;
	wrong: Response;
}

/** Per position: the key in the letters this officer sees, and one wrong answer. */
export async function keysOf(db: Db, examId: number): Promise<ItemKey[]> {
	const rows = await db
		.select({
			position: table.drillExamItem.position,
			optionOrder: table.drillExamItem.optionOrder,
			version: table.questionVersion,
			status: table.question.status,
			jurisdiction: table.question.jurisdiction
		})
		.from(table.drillExamItem)
		.innerJoin(
			table.questionVersion,
			eq(table.questionVersion.id, table.drillExamItem.questionVersionId)
		)
		.innerJoin(table.question, eq(table.question.id, table.questionVersion.questionId))
		.where(eq(table.drillExamItem.examId, examId))
		.orderBy(table.drillExamItem.position);
	return rows.map(({ version: v, ...r }) => {
		const right = toDisplayed(v.type, r.optionOrder, v.options.length, v.answer as Response);
		const wrong =
			typeof right === 'boolean' ? !right : 'ABCD'.split('').find((l) => !right.includes(l))!;
		return { ...r, type: v.type, topic: v.topic, stem: v.stem, right, wrong };
	});
}
