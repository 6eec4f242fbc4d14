import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { getUnitByCode } from '../../src/lib/server/org/units';
import {
	applyChoice,
	availableChoices,
	checkScenario,
	startState,
	type RunState,
	type ScenarioGraph
} from '../../src/lib/server/scenario/engine';
import { seedDemoData } from '../../src/lib/server/demo/seed';
import { loadStarterScenarios } from '../../src/lib/server/scenario/starter';
import { listScenarios } from '../../src/lib/server/scenario/store';
import { getScenarioBySlug } from '../../src/lib/server/scenario/store';
import { decide, decisionsOf, startRun } from '../../src/lib/server/scenario/runs';

const dir = path.resolve('src/lib/server/bank/starter/scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

interface Walk {
	paths: number;
	endings: Map<string, number>;
	visited: Set<string>;
	stuck: string[];
	longest: number;
	best: { score: number; choices: string[] };
}

/** Every path from the start, trying every choice on offer at every decision. */
function walkAllPaths(graph: ScenarioGraph): Walk {
	const walk: Walk = {
		paths: 0,
		endings: new Map(),
		visited: new Set(),
		stuck: [],
		longest: 0,
		best: { score: -Infinity, choices: [] }
	};
	const step = (state: RunState, choices: string[], seen: Set<string>) => {
		walk.visited.add(state.nodeId);
		if (state.finished) {
			walk.paths++;
			walk.endings.set(state.nodeId, (walk.endings.get(state.nodeId) ?? 0) + 1);
			walk.longest = Math.max(walk.longest, choices.length);
			if (state.score > walk.best.score) walk.best = { score: state.score, choices };
			return;
		}
		const offered = availableChoices(graph.nodes[state.nodeId], state.flags);
		if (offered.length === 0) walk.stuck.push(state.nodeId);
		for (const choice of offered) {
			const result = applyChoice(graph, state, choice.id);
			if (!result.ok) throw new Error(`${choice.id} offered but refused`);
			// A loop back to a state already on this path adds nothing new.
			const key = `${result.state.nodeId}:${JSON.stringify(result.state.flags)}`;
			if (seen.has(key)) continue;
			step(result.state, [...choices, choice.id], new Set([...seen, key]));
		}
	};
	step(startState(graph), [], new Set());
	return walk;
}

describe('starter scenario files', () => {
	it('are there: three of them', () => {
		expect(files).toHaveLength(3);
	});

	it.each(files)('%s validates without problems and every path reaches an ending', (file) => {
		const { graph, problems } = checkScenario(readFileSync(path.join(dir, file), 'utf8'));
		expect(problems).toEqual([]);
		expect(`${graph!.slug}.json`).toBe(file);
		const walk = walkAllPaths(graph!);
		expect(walk.stuck).toEqual([]);
		expect(walk.paths).toBeGreaterThan(0);
		expect([...walk.visited].sort()).toEqual(
			Object.keys(graph!.nodes)
				.filter((id) => graph!.nodes[id].kind !== 'content')
				.sort()
		);
		const endings = Object.entries(graph!.nodes).filter(([, n]) => n.kind === 'ending');
		for (const [id] of endings) expect(walk.endings.get(id), id).toBeGreaterThan(0);
		// The authoring rules of the starter bank.
		const grades = new Set(endings.map(([, n]) => (n.kind === 'ending' ? n.grade : '')));
		expect(grades.size).toBeGreaterThanOrEqual(3);
		expect(walk.longest).toBeGreaterThanOrEqual(4);
		const decisions = Object.values(graph!.nodes).flatMap((n) =>
			n.kind === 'decision' ? n.choices : []
		);
		expect(decisions.some((c) => Object.keys(c.requires).length > 0)).toBe(true);
	});
});

describe('loading the starter scenarios', () => {
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

	it('loads each file once, published, and plays its best path to an ending', async () => {
		const national = (await getUnitByCode(t.db, '000000'))!;
		const first = await loadStarterScenarios(t.db, { unitId: national.id });
		expect(first.invalid).toEqual([]);
		expect(first.created.sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
		const again = await loadStarterScenarios(t.db, { unitId: national.id });
		expect([again.created, again.existing.length]).toEqual([[], files.length]);

		const officer = await makeUser(t.db, 'xj.officer', 'officer', '650000');
		for (const slug of first.created) {
			const scenario = (await getScenarioBySlug(t.db, slug))!;
			expect(scenario.status).toBe('published');
			const { best } = walkAllPaths(scenario.graph);
			const run = await startRun(t.db, officer, scenario);
			let last = run;
			for (const choiceId of best.choices) {
				last = (await decide(t.db, officer, { runId: run.id, choiceId })).run;
			}
			expect(last.finishedAt).not.toBeNull();
			expect([last.score, last.grade]).toEqual([best.score, 'A']);
			expect((await decisionsOf(t.db, run.id)).map((d) => d.choiceId)).toEqual(best.choices);
		}
	});

	it('come with the demo data, visible to a demo officer', async () => {
		await seedDemoData(t.db);
		const officer = await makeUser(t.db, 'demo.check', 'officer', '210102');
		const { rows } = await listScenarios(t.db, officer, { mode: 'play' });
		expect(rows.map((r) => r.slug).sort()).toEqual(
			files.map((f) => f.replace(/\.json$/, '')).sort()
		);
	});
});
