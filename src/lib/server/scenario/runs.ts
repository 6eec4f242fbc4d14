// Play-throughs: start or resume a run, and take decisions. Every decision is recorded (who,
// when, which choice) in the same transaction that moves the run on, so the record and the run
// never disagree.
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { DomainError } from '../errors';
import type { SessionUser } from '../auth/session';
import { applyChoice, startState, type Choice, type RunState, type ScenarioGraph } from './engine';
import { canPlay, getGraphVersion, type StoredScenario } from './store';

export type Run = table.ScenarioRun;

export function runState(run: Run): RunState {
	return {
		nodeId: run.currentNode,
		flags: run.state,
		score: run.score,
		finished: run.finishedAt !== null,
		grade: (run.grade as RunState['grade']) ?? null
	};
}

async function openRun(db: Db, userId: string, scenarioId: number): Promise<Run | undefined> {
	const [run] = await db
		.select()
		.from(table.scenarioRun)
		.where(
			and(
				eq(table.scenarioRun.userId, userId),
				eq(table.scenarioRun.scenarioId, scenarioId),
				isNull(table.scenarioRun.finishedAt)
			)
		);
	return run;
}

/** The unfinished run if there is one, else the most recent finished one. */
export async function latestRun(
	db: Db,
	userId: string,
	scenarioId: number
): Promise<Run | undefined> {
	const [run] = await db
		.select()
		.from(table.scenarioRun)
		.where(and(eq(table.scenarioRun.userId, userId), eq(table.scenarioRun.scenarioId, scenarioId)))
		.orderBy(desc(isNull(table.scenarioRun.finishedAt)), desc(table.scenarioRun.id))
		.limit(1);
	return run;
}

export async function graphOfRun(db: Db, run: Pick<Run, 'scenarioId' | 'scenarioVersion'>) {
	const graph = await getGraphVersion(db, run.scenarioId, run.scenarioVersion);
	if (!graph) throw new Error(`scenario ${run.scenarioId} v${run.scenarioVersion} has no graph`);
	return graph;
}

/**
 * Resumes the player's unfinished run of this scenario, or starts one on the current published
 * version. Two tabs starting at once end up on the same run (unique index on open runs).
 */
export async function startRun(db: Db, user: SessionUser, scenario: StoredScenario): Promise<Run> {
	const existing = await openRun(db, user.id, scenario.id);
	if (existing) return existing;
	if (!canPlay(user, scenario)) throw new DomainError('scn_not_playable');
	const graph = await getGraphVersion(db, scenario.id, scenario.version);
	if (!graph) throw new DomainError('scn_not_playable');
	const state = startState(graph);
	const [created] = await db
		.insert(table.scenarioRun)
		.values({
			scenarioId: scenario.id,
			scenarioVersion: scenario.version,
			userId: user.id,
			currentNode: state.nodeId,
			state: state.flags,
			score: state.score,
			grade: state.grade,
			finishedAt: state.finished ? new Date() : null
		})
		.onConflictDoNothing()
		.returning();
	return created ?? (await openRun(db, user.id, scenario.id))!;
}

export interface DecideInput {
	runId: number;
	choiceId: string;
	/** The node the player saw; a mismatch means the form was sent twice or from an old tab. */
	nodeId?: string;
}

export interface DecideResult {
	run: Run;
	choice: Choice;
	graph: ScenarioGraph;
}

export async function decide(db: Db, user: SessionUser, input: DecideInput): Promise<DecideResult> {
	return db.transaction(async (tx) => {
		const [run] = Number.isInteger(input.runId)
			? await tx
					.select()
					.from(table.scenarioRun)
					.where(eq(table.scenarioRun.id, input.runId))
					.for('update')
			: [];
		if (!run) throw new DomainError('scn_run_not_found');
		if (run.userId !== user.id) throw new DomainError('scn_run_not_yours');
		if (run.finishedAt) throw new DomainError('scn_run_finished');
		if (input.nodeId !== undefined && input.nodeId !== run.currentNode) {
			throw new DomainError('scn_decision_stale');
		}
		const graph = await graphOfRun(tx, run);
		const result = applyChoice(graph, runState(run), input.choiceId);
		if (!result.ok) throw new DomainError(result.code);
		const now = new Date();
		const [updated] = await tx
			.update(table.scenarioRun)
			.set({
				currentNode: result.state.nodeId,
				state: result.state.flags,
				score: result.state.score,
				grade: result.state.grade,
				finishedAt: result.state.finished ? now : null
			})
			.where(eq(table.scenarioRun.id, run.id))
			.returning();
		await tx.insert(table.scenarioDecision).values({
			runId: run.id,
			userId: user.id,
			nodeId: run.currentNode,
			choiceId: result.choice.id,
			scoreDelta: result.choice.score,
			decidedAt: now
		});
		return { run: updated, choice: result.choice, graph };
	});
}

export async function decisionsOf(db: Db, runId: number) {
	return db
		.select()
		.from(table.scenarioDecision)
		.where(eq(table.scenarioDecision.runId, runId))
		.orderBy(table.scenarioDecision.id);
}

/** For a list of scenarios: is the player in the middle of one, or what grade did they last get. */
export async function runStatuses(db: Db, userId: string, scenarioIds: number[]) {
	const statuses = new Map<number, { inProgress: boolean; grade: string | null }>();
	if (scenarioIds.length === 0) return statuses;
	const rows = await db
		.select({
			scenarioId: table.scenarioRun.scenarioId,
			finishedAt: table.scenarioRun.finishedAt,
			grade: table.scenarioRun.grade
		})
		.from(table.scenarioRun)
		.where(
			and(eq(table.scenarioRun.userId, userId), inArray(table.scenarioRun.scenarioId, scenarioIds))
		)
		.orderBy(desc(table.scenarioRun.id));
	for (const r of rows) {
		const known = statuses.get(r.scenarioId);
		if (!r.finishedAt)
			statuses.set(r.scenarioId, { inProgress: true, grade: known?.grade ?? null });
		else if (!known) statuses.set(r.scenarioId, { inProgress: false, grade: r.grade });
		else if (!known.grade) known.grade = r.grade;
	}
	return statuses;
}
