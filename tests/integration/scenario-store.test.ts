import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import * as table from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { isDomainError } from '../../src/lib/server/errors';
import { sampleScenario } from '../../src/lib/server/scenario/sample';
import {
	getScenarioBySlug,
	listScenarios,
	saveScenario
} from '../../src/lib/server/scenario/store';
import { decide, decisionsOf, startRun } from '../../src/lib/server/scenario/runs';
import { getRunReview, listRuns } from '../../src/lib/server/scenario/review';
import type { ScenarioGraph } from '../../src/lib/server/scenario/engine';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

let admin: SessionUser;
let lnTrainer: SessionUser;
let lnOfficer: SessionUser;
let xjOfficer: SessionUser;
beforeEach(async () => {
	await t.reset();
	admin = await makeUser(t.db, 'nat.admin', 'admin', '000000');
	lnTrainer = await makeUser(t.db, 'ln.trainer', 'trainer', '210000');
	lnOfficer = await makeUser(t.db, 'ln.officer', 'officer', '210000');
	xjOfficer = await makeUser(t.db, 'xj.officer', 'officer', '650000');
});

async function publish(actor: SessionUser, graph: ScenarioGraph = sampleScenario(), id?: number) {
	const result = await saveScenario(t.db, actor, { json: graph, status: 'published', id });
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return (await getScenarioBySlug(t.db, result.slug))!;
}

async function codeOf(run: () => Promise<unknown>): Promise<string> {
	try {
		await run();
	} catch (e) {
		if (isDomainError(e)) return e.code;
		throw e;
	}
	return 'no error';
}

describe('saving scenarios', () => {
	it('refuses an invalid graph with its problems and writes nothing', async () => {
		const broken = sampleScenario();
		broken.start = 'nowhere';
		const result = await saveScenario(t.db, admin, { json: broken, status: 'published' });
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems.map((p) => p.code)).toContain('scn_start_missing');
		expect(await t.db.select().from(table.scenario)).toHaveLength(0);
	});

	it('refuses officers, a taken slug, and edits out of the trainer scope', async () => {
		expect(
			await codeOf(() => saveScenario(t.db, lnOfficer, { json: sampleScenario(), status: 'draft' }))
		).toBe('forbidden');
		const national = await publish(admin);
		expect(await codeOf(() => publish(lnTrainer))).toBe('scn_slug_taken');
		expect(await codeOf(() => publish(lnTrainer, sampleScenario(), national.id))).toBe('forbidden');
	});

	it('keeps a published graph and starts a new version when it is edited', async () => {
		const v1 = await publish(admin);
		expect(v1.version).toBe(1);
		const run = await startRun(t.db, lnOfficer, v1);
		const edited = sampleScenario();
		edited.title = '样例案件（修订）';
		const v2 = await publish(admin, edited, v1.id);
		expect(v2.version).toBe(2);
		const versions = await t.db
			.select()
			.from(table.scenarioVersion)
			.where(eq(table.scenarioVersion.scenarioId, v1.id));
		expect(versions.map((v) => [v.version, (v.graph as ScenarioGraph).title])).toEqual([
			[1, '样例案件'],
			[2, '样例案件（修订）']
		]);
		// The run started on version 1 keeps playing version 1.
		const { run: after } = await decide(t.db, lnOfficer, { runId: run.id, choiceId: 'd1-a' });
		expect(after.scenarioVersion).toBe(1);
		// Saving the same graph again is not a new version.
		expect((await publish(admin, edited, v1.id)).version).toBe(2);
	});

	it('shows national scenarios to everyone and a province’s only to that province', async () => {
		await publish(admin);
		await publish(lnTrainer, sampleScenario('liaoning-case'));
		const slugs = async (u: SessionUser) =>
			(await listScenarios(t.db, u, { mode: 'play' })).rows.map((r) => r.slug).sort();
		expect(await slugs(lnOfficer)).toEqual(['liaoning-case', 'sample-case']);
		expect(await slugs(xjOfficer)).toEqual(['sample-case']);
		expect(await slugs(admin)).toEqual(['liaoning-case', 'sample-case']);
		const editable = await listScenarios(t.db, lnTrainer, { mode: 'edit' });
		expect(editable.rows.map((r) => r.slug)).toEqual(['liaoning-case']);
		expect(await codeOf(() => listScenarios(t.db, lnOfficer, { mode: 'edit' }))).toBe('forbidden');
	});
});

describe('runs and decisions', () => {
	it('records every decision with who, when and which choice, with the run update', async () => {
		const s = await publish(admin);
		const run = await startRun(t.db, lnOfficer, s);
		expect(run.currentNode).toBe('d1');
		const before = Date.now();
		await decide(t.db, lnOfficer, { runId: run.id, nodeId: 'd1', choiceId: 'd1-a' });
		const { run: done } = await decide(t.db, lnOfficer, { runId: run.id, choiceId: 'd2-a' });
		expect(done).toMatchObject({ currentNode: 'end-a', score: 20, grade: 'A' });
		expect(done.finishedAt).toBeInstanceOf(Date);
		const rows = await decisionsOf(t.db, run.id);
		expect(rows.map((d) => [d.userId, d.nodeId, d.choiceId, d.scoreDelta])).toEqual([
			[lnOfficer.id, 'd1', 'd1-a', 10],
			[lnOfficer.id, 'd2', 'd2-a', 10]
		]);
		for (const d of rows) expect(d.decidedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
	});

	it('refuses unavailable choices, finished runs, other users’ runs and stale forms', async () => {
		const s = await publish(admin);
		const run = await startRun(t.db, lnOfficer, s);
		const refuse = (user: SessionUser, choiceId: string, nodeId?: string) =>
			codeOf(() => decide(t.db, user, { runId: run.id, choiceId, nodeId }));
		expect(await refuse(lnOfficer, 'd2-b')).toBe('scn_choice_unavailable');
		expect(await refuse(lnOfficer, 'made-up')).toBe('scn_choice_unavailable');
		expect(await refuse(xjOfficer, 'd1-a')).toBe('scn_run_not_yours');
		expect(await refuse(lnTrainer, 'd1-a')).toBe('scn_run_not_yours');
		await decide(t.db, lnOfficer, { runId: run.id, choiceId: 'd1-b' });
		// Evidence was not collected, so the penalty is not on offer.
		expect(await refuse(lnOfficer, 'd2-a')).toBe('scn_choice_unavailable');
		expect(await refuse(lnOfficer, 'd1-a', 'd1')).toBe('scn_decision_stale');
		await decide(t.db, lnOfficer, { runId: run.id, choiceId: 'd2-b' });
		expect(await refuse(lnOfficer, 'd2-b')).toBe('scn_run_finished');
		expect(await codeOf(() => decide(t.db, lnOfficer, { runId: 999_999, choiceId: 'd1-a' }))).toBe(
			'scn_run_not_found'
		);
		expect((await decisionsOf(t.db, run.id)).map((d) => d.choiceId)).toEqual(['d1-b', 'd2-b']);
	});

	it('takes one of two simultaneous submissions of the same step', async () => {
		const s = await publish(admin);
		const run = await startRun(t.db, lnOfficer, s);
		const results = await Promise.allSettled([
			decide(t.db, lnOfficer, { runId: run.id, nodeId: 'd1', choiceId: 'd1-a' }),
			decide(t.db, lnOfficer, { runId: run.id, nodeId: 'd1', choiceId: 'd1-b' })
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(await decisionsOf(t.db, run.id)).toHaveLength(1);
	});

	it('resumes the unfinished run and starts a new one only after it ended', async () => {
		const s = await publish(admin);
		const first = await startRun(t.db, lnOfficer, s);
		expect((await startRun(t.db, lnOfficer, s)).id).toBe(first.id);
		await decide(t.db, lnOfficer, { runId: first.id, choiceId: 'd1-b' });
		await decide(t.db, lnOfficer, { runId: first.id, choiceId: 'd2-b' });
		const second = await startRun(t.db, lnOfficer, s);
		expect(second.id).not.toBe(first.id);
		expect(second.score).toBe(0);
	});

	it('refuses to start a draft, or a province’s scenario from another province', async () => {
		await saveScenario(t.db, admin, { json: sampleScenario('draft-case'), status: 'draft' });
		const draft = (await getScenarioBySlug(t.db, 'draft-case'))!;
		expect(await codeOf(() => startRun(t.db, lnOfficer, draft))).toBe('scn_not_playable');
		const ln = await publish(lnTrainer, sampleScenario('liaoning-case'));
		expect(await codeOf(() => startRun(t.db, xjOfficer, ln))).toBe('scn_not_playable');
	});
});

describe('reviewing runs', () => {
	it('lists runs of people in the trainer’s units only, and refuses officers', async () => {
		const s = await publish(admin);
		const ln = await startRun(t.db, lnOfficer, s);
		await startRun(t.db, xjOfficer, s);
		await decide(t.db, lnOfficer, { runId: ln.id, choiceId: 'd1-a' });
		const seen = await listRuns(t.db, lnTrainer);
		expect(seen.rows.map((r) => [r.username, r.decisions])).toEqual([['ln.officer', 1]]);
		expect((await listRuns(t.db, admin)).total).toBe(2);
		expect(await codeOf(() => listRuns(t.db, lnOfficer))).toBe('forbidden');
	});

	it('shows a run to its player and to staff in scope, with each decision in words', async () => {
		const s = await publish(admin);
		const run = await startRun(t.db, xjOfficer, s);
		await decide(t.db, xjOfficer, { runId: run.id, choiceId: 'd1-a' });
		await decide(t.db, xjOfficer, { runId: run.id, choiceId: 'd2-a' });
		const own = await getRunReview(t.db, xjOfficer, run.id);
		expect(own.steps.map((step) => [step.prompt, step.label, step.scoreDelta])).toEqual([
			['先做什么？', '出示证件并取证', 10],
			['接下来？', '依法立案处罚', 10]
		]);
		expect(own.ending).toMatchObject({ grade: 'A', title: '依法办结' });
		expect((await getRunReview(t.db, admin, run.id)).steps).toHaveLength(2);
		expect(await codeOf(() => getRunReview(t.db, lnTrainer, run.id))).toBe('forbidden');
		expect(await codeOf(() => getRunReview(t.db, lnOfficer, run.id))).toBe('forbidden');
	});
});
