// Exam blueprints (试卷蓝图): which questions a mock exam draws, how long it lasts, its pass mark.
import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { QuestionType } from '../db/schema/bank';

export type Blueprint = table.ExamBlueprint;

/** Shaped like the annual legal knowledge exam officers sit for their enforcement papers. */
export const DEFAULT_BLUEPRINT = {
	slug: 'annual-legal',
	name: '年度执法资格模拟考试',
	description: '仿照每年执法人员法律知识考试的题型、题量和时长组卷，用于考前自测。',
	singleCount: 25,
	multipleCount: 10,
	truefalseCount: 15,
	minutes: 60,
	passPercent: 60
} satisfies Partial<table.ExamBlueprint> & { slug: string; name: string; minutes: number };

/** Idempotent: seeding again leaves an existing (possibly edited) blueprint alone. */
export async function ensureDefaultBlueprint(db: Db): Promise<void> {
	await db.insert(table.examBlueprint).values(DEFAULT_BLUEPRINT).onConflictDoNothing();
}

export function blueprintCounts(bp: Blueprint): Record<QuestionType, number> {
	return {
		single: bp.singleCount,
		multiple: bp.multipleCount,
		truefalse: bp.truefalseCount,
		fill: bp.fillCount,
		ordering: bp.orderingCount
	};
}

export function blueprintTotal(bp: Blueprint): number {
	return Object.values(blueprintCounts(bp)).reduce((a, b) => a + b, 0);
}

export async function getActiveBlueprint(db: Db, id: number): Promise<Blueprint | undefined> {
	if (!Number.isInteger(id) || id < 1) return undefined;
	const [row] = await db.select().from(table.examBlueprint).where(eq(table.examBlueprint.id, id));
	return row?.active ? row : undefined;
}

export const BLUEPRINT_PAGE_SIZE = 10;

export async function listActiveBlueprints(db: Db, page = 1) {
	const current = Math.max(page, 1);
	const where = eq(table.examBlueprint.active, true);
	const [rows, [{ total }]] = await Promise.all([
		db
			.select()
			.from(table.examBlueprint)
			.where(where)
			.orderBy(asc(table.examBlueprint.id))
			.limit(BLUEPRINT_PAGE_SIZE)
			.offset((current - 1) * BLUEPRINT_PAGE_SIZE),
		db.select({ total: count() }).from(table.examBlueprint).where(where)
	]);
	return { rows, total, page: current, pages: Math.max(1, Math.ceil(total / BLUEPRINT_PAGE_SIZE)) };
}
