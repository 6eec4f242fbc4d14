// Shared by the drill-*.test.ts files: published questions and answers at fixed times.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Db } from '../../src/lib/server/db/client';
import * as table from '../../src/lib/server/db/schema';
import { insertQuestion } from '../../src/lib/server/bank/store';
import { getUnitByCode } from '../../src/lib/server/org/units';
import { recordAnswer } from '../../src/lib/server/drill/answer';
import { sample } from './bank-fixtures';
import type { QuestionInput } from '../../src/lib/server/bank/question-input';

export interface DrillTest {
	t: TestDatabase;
	/** An officer in Liaoning, made afresh for each test. */
	officer: SessionUser;
}

/**
 * The database of a drill test file: opened once, emptied before each test, with the officer
 * and whatever `seed` adds.
 */
export function drillTest(seed?: (db: Db) => Promise<void>): DrillTest {
	const ctx = {} as DrillTest;
	beforeAll(async () => {
		ctx.t = await openTestDatabase();
	});
	afterAll(async () => {
		await ctx.t?.close();
	});
	beforeEach(async () => {
		await ctx.t.reset();
		ctx.officer = await makeUser(ctx.t.db, 'ln.officer', 'officer', '210000');
		await seed?.(ctx.t.db);
	});
	return ctx;
}

/** Publishes a question owned by the national unit; the key is always 'A'. */
export async function publishQuestion(db: Db, over: Partial<QuestionInput> = {}): Promise<number> {
	const national = await getUnitByCode(db, '000000');
	return insertQuestion(db, sample(over), {
		unitId: national!.id,
		authorId: null,
		status: 'published'
	});
}

export async function publishMany(db: Db, n: number, over: Partial<QuestionInput> = {}) {
	const ids: number[] = [];
	for (let i = 0; i < n; i++) ids.push(await publishQuestion(db, { stem: `题目 ${i}`, ...over }));
	return ids;
}

export async function unpublish(db: Db, questionId: number): Promise<void> {
	await db
		.update(table.question)
		.set({ status: 'retired' })
		.where(eq(table.question.id, questionId));
}

export async function questionOfVersion(db: Db, versionId: number): Promise<number> {
	const [row] = await db
		.select({ questionId: table.questionVersion.questionId })
		.from(table.questionVersion)
		.where(eq(table.questionVersion.id, versionId));
	return row.questionId;
}

/** Answers the session's next question right ('A') or wrong ('B') at `at`. */
export async function answerNext(
	db: Db,
	userId: string,
	sessionId: number,
	correct: boolean,
	at: Date,
	timeMs = 15_000
) {
	const [session] = await db
		.select()
		.from(table.drillSession)
		.where(eq(table.drillSession.id, sessionId));
	return recordAnswer(
		db,
		userId,
		{
			key: crypto.randomUUID(),
			sessionId,
			position: session.position,
			versionId: session.versionIds[session.position],
			response: correct ? 'A' : 'B',
			timeMs,
			answeredAt: at
		},
		at
	);
}
