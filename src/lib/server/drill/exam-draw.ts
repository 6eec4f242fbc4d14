// Drawing a paper from the published bank: per type, at random, limited to the blueprint's
// topics and to national questions plus those on the officer's own province's rules.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { blueprintCounts, type Blueprint } from './exam-blueprints';
import { optionOrderFor, PAPER_TYPE_ORDER } from './exam-paper';

export interface DrawnItem {
	position: number;
	questionVersionId: number;
	optionOrder: number[];
}

/** 'national' plus the code of the province the unit belongs to (its path's second id). */
export async function jurisdictionsFor(db: Db, unitPath: string): Promise<string[]> {
	const provinceId = Number(unitPath.split('/').filter(Boolean)[1]);
	if (!Number.isInteger(provinceId) || provinceId < 1) return ['national'];
	const [row] = await db
		.select({ code: table.unit.code })
		.from(table.unit)
		.where(eq(table.unit.id, provinceId));
	return row ? ['national', row.code] : ['national'];
}

/**
 * Questions in paper order (by type, random within a type), each with its option order for
 * this officer. Takes what exists when the bank has fewer than the blueprint asks for.
 */
export async function drawPaper(
	db: Db,
	blueprint: Blueprint,
	jurisdictions: string[],
	random: () => number = Math.random
): Promise<DrawnItem[]> {
	const counts = blueprintCounts(blueprint);
	const items: DrawnItem[] = [];
	for (const type of PAPER_TYPE_ORDER) {
		if (counts[type] <= 0) continue;
		const where: SQL[] = [
			eq(table.question.status, 'published'),
			eq(table.question.type, type),
			inArray(table.question.jurisdiction, jurisdictions)
		];
		if (blueprint.topics.length > 0) where.push(inArray(table.question.topic, blueprint.topics));
		const rows = await db
			.select({ versionId: table.questionVersion.id, options: table.questionVersion.options })
			.from(table.question)
			.innerJoin(
				table.questionVersion,
				eq(table.questionVersion.id, table.question.currentVersionId)
			)
			.where(and(...where))
			.orderBy(sql`random()`)
			.limit(counts[type]);
		for (const row of rows) {
			items.push({
				position: items.length + 1,
				questionVersionId: row.versionId,
				optionOrder: optionOrderFor(type, row.options, random)
			});
		}
	}
	return items;
}
