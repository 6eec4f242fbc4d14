// Shared by the progress-*.test.ts files: published questions, officers, and a fixed clock.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as table from '../../src/lib/server/db/schema';
import { chinaDayKey } from '../../src/lib/server/progress/china-time';
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

/** Officers without password hashing (fast): ids are returned in creation order. */
export async function quickOfficers(db: Db, prefix: string, n: number, unitCode = '210000') {
	const unitRow = await getUnitByCode(db, unitCode);
	const rows = Array.from({ length: n }, (_, i) => ({
		id: `${prefix}${String(i).padStart(2, '0')}`,
		username: `${prefix}${String(i).padStart(2, '0')}`,
		displayName: `${prefix} ${i}`,
		passwordHash: 'x',
		role: 'officer' as const,
		unitId: unitRow!.id
	}));
	await db.insert(table.user).values(rows);
	return rows.map((r) => r.id);
}

/** Writes XP as the ledger would (event, day total, running total), without questions. */
export async function grantXp(db: Db, userId: string, amount: number, at: Date): Promise<void> {
	const day = chinaDayKey(at);
	await db.insert(table.xpEvent).values({
		userId,
		at,
		day,
		mode: 'topic',
		reason: 'answer_correct',
		amount
	});
	await db
		.insert(table.activityDay)
		.values({ userId, day, answers: 1, correct: 1, xp: amount })
		.onConflictDoUpdate({
			target: [table.activityDay.userId, table.activityDay.day],
			set: { xp: sql`${table.activityDay.xp} + ${amount}` }
		});
	await db
		.insert(table.progressProfile)
		.values({ userId, xpTotal: amount })
		.onConflictDoUpdate({
			target: table.progressProfile.userId,
			set: { xpTotal: sql`${table.progressProfile.xpTotal} + ${amount}` }
		});
}
