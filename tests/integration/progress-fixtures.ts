// Shared by the progress-*.test.ts files: published questions, officers, and a fixed clock.
import type { Db } from '../../src/lib/server/db/client';
import { insertQuestion } from '../../src/lib/server/bank/store';
import { getUnitByCode } from '../../src/lib/server/org/units';
import { sample } from './bank-fixtures';

/** Published questions of one area and difficulty; returns their ids. */
export async function publishedQuestions(
	db: Db,
	n: number,
	over: { topic?: string; difficulty?: number } = {}
): Promise<number[]> {
	const national = await getUnitByCode(db, '000000');
	const ids: number[] = [];
	for (let i = 0; i < n; i++) {
		ids.push(
			await insertQuestion(db, sample({ stem: `题目 ${i} ${Math.random()}`, ...over }), {
				unitId: national!.id,
				authorId: null,
				status: 'published'
			})
		);
	}
	return ids;
}

/** An instant given in China time, e.g. china('2025-03-10 09:30'). */
export function china(local: string): Date {
	return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}
