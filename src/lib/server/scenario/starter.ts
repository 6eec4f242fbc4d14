// The starter scenarios shipped in bank/starter/scenarios/*.json, loaded once per slug: a
// scenario that exists (perhaps edited by staff since) is left alone.
import { readdirSync, readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { checkScenario, hasErrors, type ScenarioProblem } from './engine';

/**
 * Vite bundles the files into the server build (where src/ does not exist); plain Node (tsx
 * scripts) has no import.meta.glob and reads them from the source folder instead.
 */
function starterFiles(): Record<string, unknown> {
	try {
		return import.meta.glob('../bank/starter/scenarios/*.json', { eager: true, import: 'default' });
	} catch {
		const dir = new URL('../bank/starter/scenarios/', import.meta.url);
		const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
		return Object.fromEntries(
			names.map((n) => [n, JSON.parse(readFileSync(new URL(n, dir), 'utf8')) as unknown])
		);
	}
}

export interface StarterReport {
	created: string[];
	existing: string[];
	invalid: { file: string; problems: ScenarioProblem[] }[];
}

export async function loadStarterScenarios(
	db: Db,
	{ unitId, files = starterFiles() }: { unitId: number; files?: Record<string, unknown> }
): Promise<StarterReport> {
	const report: StarterReport = { created: [], existing: [], invalid: [] };
	for (const [file, json] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
		const { graph, problems } = checkScenario(json);
		if (!graph || hasErrors(problems)) {
			report.invalid.push({ file, problems });
			continue;
		}
		const [row] = await db
			.insert(table.scenario)
			.values({
				slug: graph.slug,
				title: graph.title,
				summary: graph.summary,
				topic: graph.topic,
				difficulty: graph.difficulty,
				status: 'published',
				graph,
				unitId
			})
			.onConflictDoNothing({ target: table.scenario.slug })
			.returning({ id: table.scenario.id });
		if (!row) {
			report.existing.push(graph.slug);
			continue;
		}
		await db.insert(table.scenarioVersion).values({ scenarioId: row.id, version: 1, graph });
		report.created.push(graph.slug);
	}
	return report;
}

export async function getScenarioIdBySlug(db: Db, slug: string): Promise<number | undefined> {
	const [row] = await db
		.select({ id: table.scenario.id })
		.from(table.scenario)
		.where(eq(table.scenario.slug, slug));
	return row?.id;
}
