import { readdirSync, readFileSync } from 'node:fs';
import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import * as table from '../../src/lib/server/db/schema';
import { loadStarterBank, STARTER_FILES } from '../../src/lib/server/bank/starter';
import { seedDemoData } from '../../src/lib/server/demo/seed';
import { getUnitByCode } from '../../src/lib/server/org/units';

const STARTER_DIR = 'src/lib/server/bank/starter';

interface StarterQuestion {
	stem: string;
	status: 'published' | 'in_review';
	sourceFacts: string[];
}
const starterQuestions = (name: string): StarterQuestion[] =>
	JSON.parse(readFileSync(`${STARTER_DIR}/${name}`, 'utf8')).questions;

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t?.close();
});
beforeEach(async () => {
	await t.reset();
});

async function nationalId(): Promise<number> {
	return (await getUnitByCode(t.db, '000000'))!.id;
}

describe('loadStarterBank', () => {
	it('knows every question file in the starter folder', () => {
		const files = readdirSync(STARTER_DIR).filter((f) => /^questions-.*\.json$/.test(f));
		expect(Object.keys(STARTER_FILES).sort()).toEqual(files.sort());
	});

	it('imports every starter question with the status written in its file, then nothing more', async () => {
		const all = Object.keys(STARTER_FILES).flatMap(starterQuestions);
		const unitId = await nationalId();
		const first = await loadStarterBank(t.db, { unitId });
		expect(first.imported).toBe(all.length - first.skipped);
		const rows = await t.db
			.select({
				status: table.question.status,
				unitId: table.question.unitId,
				stem: table.question.stem
			})
			.from(table.question);
		expect(rows).toHaveLength(first.imported);
		expect(rows.every((r) => r.unitId === unitId)).toBe(true);
		const published = all.filter((q) => q.status === 'published').map((q) => q.stem);
		const byStem = new Map(rows.map((r) => [r.stem, r.status]));
		expect(byStem.get(published[0])).toBe('published');
		const inReview = all.find((q) => q.status === 'in_review');
		if (inReview) expect(byStem.get(inReview.stem)).toBe('in_review');
		const again = await loadStarterBank(t.db, { unitId });
		expect(again.imported).toBe(0);
		expect(again.skipped).toBe(all.length);
	});

	it('meets the starter bank promise: 150+ published, every area and type, each explained and cited', async () => {
		const result = await loadStarterBank(t.db, { unitId: await nationalId() });
		expect(result.skipped).toBe(0);
		const rows = await t.db
			.select({
				status: table.question.status,
				type: table.question.type,
				topic: table.question.topic,
				explanation: table.questionVersion.explanation,
				legalBasis: table.questionVersion.legalBasis,
				stem: table.questionVersion.stem
			})
			.from(table.question)
			.innerJoin(
				table.questionVersion,
				eq(table.question.currentVersionId, table.questionVersion.id)
			);
		const published = rows.filter((r) => r.status === 'published');
		expect(published.length).toBeGreaterThanOrEqual(150);
		for (const topic of [
			'大气监督帮扶',
			'重点专项行动',
			'科技手段运用',
			'执法质量提升',
			'队伍能力建设'
		]) {
			expect(
				published.some((r) => r.topic === topic),
				topic
			).toBe(true);
		}
		for (const type of ['single', 'multiple', 'truefalse', 'fill', 'ordering']) {
			expect(
				published.some((r) => r.type === type),
				type
			).toBe(true);
		}
		expect(rows.every((r) => r.explanation.length > 0 && r.legalBasis.length > 0)).toBe(true);
		expect(rows.some((r) => /待核/.test(r.stem + r.explanation))).toBe(false);
	});

	it('keeps the source facts of each question on its first version', async () => {
		await loadStarterBank(t.db, { unitId: await nationalId() });
		const sample = starterQuestions('questions-law.json')[0];
		const [version] = await t.db
			.select({
				sourceFacts: table.questionVersion.sourceFacts,
				version: table.questionVersion.version
			})
			.from(table.questionVersion)
			.where(eq(table.questionVersion.stem, sample.stem));
		expect(version).toEqual({ sourceFacts: sample.sourceFacts, version: 1 });
	});

	it('is part of the demo seed: owned by the national unit, with no author', async () => {
		await seedDemoData(t.db);
		const [{ n }] = await t.db
			.select({ n: count() })
			.from(table.question)
			.where(and(eq(table.question.unitId, await nationalId()), isNull(table.question.authorId)));
		expect(n).toBeGreaterThan(100);
	});
});
