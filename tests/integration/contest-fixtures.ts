// Shared by the contest-*.test.ts files: published questions and a draft to vary per test.
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as table from '../../src/lib/server/db/schema';
import { insertQuestion } from '../../src/lib/server/bank/store';
import type { QuestionInput } from '../../src/lib/server/bank/question-input';
import type { ContestDraft, DraftRound } from '../../src/lib/server/contest/draft';
import { getUnitByCode } from '../../src/lib/server/org/units';

export function question(over: Partial<QuestionInput> = {}): QuestionInput {
	return {
		type: 'single',
		stem: '对拒不改正的违法排污行为，可以实施哪种处罚？',
		options: ['按日连续处罚', '警告', '通报批评', '约谈'],
		answer: 'A',
		explanation: '环境保护法第五十九条规定按日连续处罚。',
		legalBasis: '《中华人民共和国环境保护法》第五十九条',
		topic: '执法质量提升',
		subtopic: '',
		difficulty: 3,
		tags: [],
		jurisdiction: 'national',
		...over
	};
}

/** Published questions owned by the unit with this code; returns their ids. */
export async function publishQuestions(
	db: Db,
	unitCode: string,
	inputs: QuestionInput[]
): Promise<number[]> {
	const unit = await getUnitByCode(db, unitCode);
	const ids: number[] = [];
	for (const input of inputs) {
		ids.push(
			await insertQuestion(db, input, { unitId: unit!.id, authorId: null, status: 'published' })
		);
	}
	return ids;
}

export async function currentVersion(db: Db, questionId: number): Promise<number> {
	const [row] = await db
		.select({ v: table.question.currentVersionId })
		.from(table.question)
		.where(eq(table.question.id, questionId));
	return row.v!;
}

export function round(over: Partial<DraftRound> = {}): DraftRound {
	return {
		title: '必答题',
		questionIds: [],
		draw: null,
		limitSeconds: 20,
		points: 1000,
		speedWeighted: true,
		streak: true,
		...over
	};
}

export function draft(over: Partial<ContestDraft> = {}): ContestDraft {
	return {
		title: '2024年执法大练兵技能比武',
		rounds: [round()],
		allowGuests: true,
		allowLateJoin: true,
		podiumSize: 3,
		teams: [],
		...over
	};
}
