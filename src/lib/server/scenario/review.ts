// Looking back at runs: the player's own path, and trainers' review of officers in their scope.
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { DomainError } from '../errors';
import { canManageUnitPath, hasRole, STAFF_ROLES } from '../auth/scope';
import type { SessionUser } from '../auth/session';
import { findChoice, type EndingNode, type ScenarioGraph } from './engine';
import { decisionsOf, graphOfRun } from './runs';

export interface PathStep {
	nodeId: string;
	prompt: string;
	choiceId: string;
	label: string;
	feedback: string;
	legalBasis: string;
	scoreDelta: number;
	decidedAt: Date;
}

/** The recorded decisions, told with the words of the graph version they were taken on. */
export function describePath(
	graph: ScenarioGraph,
	decisions: Pick<table.ScenarioDecision, 'nodeId' | 'choiceId' | 'scoreDelta' | 'decidedAt'>[]
): PathStep[] {
	return decisions.map((d) => {
		const found = findChoice(graph, d.nodeId, d.choiceId);
		return {
			nodeId: d.nodeId,
			prompt: found?.prompt ?? d.nodeId,
			choiceId: d.choiceId,
			label: found?.choice.label ?? d.choiceId,
			feedback: found?.choice.feedback ?? '',
			legalBasis: found?.choice.legalBasis ?? '',
			scoreDelta: d.scoreDelta,
			decidedAt: d.decidedAt
		};
	});
}

export function endingOf(graph: ScenarioGraph, nodeId: string): EndingNode | null {
	const node = graph.nodes[nodeId];
	return node?.kind === 'ending' ? node : null;
}

export interface RunListQuery {
	page?: number;
	pageSize?: number;
	scenarioId?: number;
}

/** Runs of everyone in the staff member's units, newest first. */
export async function listRuns(db: Db, actor: SessionUser, q: RunListQuery = {}) {
	if (!hasRole(actor, ...STAFF_ROLES)) throw new DomainError('forbidden');
	const pageSize = Math.min(Math.max(q.pageSize ?? 20, 1), 100);
	const page = Math.max(q.page ?? 1, 1);
	const where = and(
		sql`${table.unit.path} like ${`${actor.unitPath}%`}`,
		q.scenarioId ? eq(table.scenarioRun.scenarioId, q.scenarioId) : undefined
	);
	const decisions = db
		.select({ runId: table.scenarioDecision.runId, n: count().as('n') })
		.from(table.scenarioDecision)
		.groupBy(table.scenarioDecision.runId)
		.as('decisions');
	const base = () =>
		db
			.select({
				id: table.scenarioRun.id,
				username: table.user.username,
				displayName: table.user.displayName,
				unitNameZh: table.unit.nameZh,
				unitNameEn: table.unit.nameEn,
				scenarioTitle: table.scenario.title,
				scenarioSlug: table.scenario.slug,
				scenarioVersion: table.scenarioRun.scenarioVersion,
				score: table.scenarioRun.score,
				grade: table.scenarioRun.grade,
				startedAt: table.scenarioRun.startedAt,
				finishedAt: table.scenarioRun.finishedAt,
				decisions: sql<number>`coalesce(${decisions.n}, 0)`.mapWith(Number)
			})
			.from(table.scenarioRun)
			.innerJoin(table.user, eq(table.scenarioRun.userId, table.user.id))
			.innerJoin(table.unit, eq(table.user.unitId, table.unit.id))
			.innerJoin(table.scenario, eq(table.scenarioRun.scenarioId, table.scenario.id))
			.leftJoin(decisions, eq(decisions.runId, table.scenarioRun.id))
			.where(where);
	const [rows, [{ total }]] = await Promise.all([
		base()
			.orderBy(desc(table.scenarioRun.startedAt), desc(table.scenarioRun.id))
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		db
			.select({ total: count() })
			.from(table.scenarioRun)
			.innerJoin(table.user, eq(table.scenarioRun.userId, table.user.id))
			.innerJoin(table.unit, eq(table.user.unitId, table.unit.id))
			.where(where)
	]);
	return { rows, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** One run with every decision; for its player, or for staff over the player's unit. */
export async function getRunReview(db: Db, viewer: SessionUser, runId: number) {
	const [row] = Number.isInteger(runId)
		? await db
				.select({
					run: table.scenarioRun,
					displayName: table.user.displayName,
					username: table.user.username,
					unitPath: table.unit.path,
					unitNameZh: table.unit.nameZh,
					unitNameEn: table.unit.nameEn,
					scenarioTitle: table.scenario.title,
					scenarioSlug: table.scenario.slug
				})
				.from(table.scenarioRun)
				.innerJoin(table.user, eq(table.scenarioRun.userId, table.user.id))
				.innerJoin(table.unit, eq(table.user.unitId, table.unit.id))
				.innerJoin(table.scenario, eq(table.scenarioRun.scenarioId, table.scenario.id))
				.where(eq(table.scenarioRun.id, runId))
		: [];
	if (!row) throw new DomainError('scn_run_not_found');
	if (row.run.userId !== viewer.id && !canManageUnitPath(viewer, row.unitPath)) {
		throw new DomainError('forbidden');
	}
	const graph = await graphOfRun(db, row.run);
	const { run, unitPath: _path, ...who } = row;
	return {
		...who,
		run,
		steps: describePath(graph, await decisionsOf(db, run.id)),
		ending: run.finishedAt ? endingOf(graph, run.currentNode) : null
	};
}
