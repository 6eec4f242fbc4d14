// Saving and finding scenarios. A scenario's `graph` is its working copy; every version that
// was ever published is also kept unchanged in scenario_version, and runs play that copy.
// Editing a scenario whose current version was published therefore starts a new version, so a
// run (and its review) always sees exactly the graph it was played on.
import { and, asc, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { DomainError } from '../errors';
import { canManageUnitPath, hasRole, STAFF_ROLES } from '../auth/scope';
import type { SessionUser } from '../auth/session';
import { checkScenario, hasErrors } from './engine';
import type { ScenarioGraph, ScenarioProblem } from './types';

export type ScenarioStatus = (typeof table.scenarioStatuses)[number];

export function isScenarioStatus(value: unknown): value is ScenarioStatus {
	return (table.scenarioStatuses as readonly unknown[]).includes(value);
}

/** Scenarios of the user's own unit and the units above it, and for staff those below too. */
function visibleTo(user: SessionUser): SQL {
	const own = sql`${user.unitPath} like ${table.unit.path} || '%'`;
	if (!hasRole(user, ...STAFF_ROLES)) return own;
	return or(own, sql`${table.unit.path} like ${`${user.unitPath}%`}`)!;
}

const summaryColumns = {
	id: table.scenario.id,
	slug: table.scenario.slug,
	title: table.scenario.title,
	summary: table.scenario.summary,
	topic: table.scenario.topic,
	difficulty: table.scenario.difficulty,
	status: table.scenario.status,
	version: table.scenario.version,
	unitPath: table.unit.path,
	unitNameZh: table.unit.nameZh,
	unitNameEn: table.unit.nameEn,
	updatedAt: table.scenario.updatedAt
};

export interface ScenarioListQuery {
	/** Published scenarios the user may play, or (staff) every scenario they may edit. */
	mode: 'play' | 'edit';
	page?: number;
	pageSize?: number;
}

export async function listScenarios(db: Db, user: SessionUser, q: ScenarioListQuery) {
	const pageSize = Math.min(Math.max(q.pageSize ?? 20, 1), 100);
	const page = Math.max(q.page ?? 1, 1);
	const where =
		q.mode === 'play'
			? and(eq(table.scenario.status, 'published'), visibleTo(user))
			: sql`${table.unit.path} like ${`${user.unitPath}%`}`;
	if (q.mode === 'edit' && !hasRole(user, ...STAFF_ROLES)) throw new DomainError('forbidden');
	const from = () =>
		db
			.select(summaryColumns)
			.from(table.scenario)
			.innerJoin(table.unit, eq(table.scenario.unitId, table.unit.id))
			.where(where);
	const [rows, [{ total }]] = await Promise.all([
		from()
			.orderBy(q.mode === 'play' ? asc(table.scenario.title) : desc(table.scenario.updatedAt))
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		db
			.select({ total: count() })
			.from(table.scenario)
			.innerJoin(table.unit, eq(table.scenario.unitId, table.unit.id))
			.where(where)
	]);
	return { rows, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

export async function getScenarioBySlug(db: Db, slug: string) {
	const [row] = await db
		.select({ ...summaryColumns, graph: table.scenario.graph, unitId: table.scenario.unitId })
		.from(table.scenario)
		.innerJoin(table.unit, eq(table.scenario.unitId, table.unit.id))
		.where(eq(table.scenario.slug, slug));
	return row && { ...row, graph: row.graph as ScenarioGraph };
}

export type StoredScenario = NonNullable<Awaited<ReturnType<typeof getScenarioBySlug>>>;

/** A published scenario the user may play, or a refusal. */
export function canPlay(user: SessionUser, s: Pick<StoredScenario, 'status' | 'unitPath'>) {
	const visible = user.unitPath.startsWith(s.unitPath) || canManageUnitPath(user, s.unitPath);
	return s.status === 'published' && visible;
}

export function canEdit(user: SessionUser, s: Pick<StoredScenario, 'unitPath'>): boolean {
	return canManageUnitPath(user, s.unitPath);
}

/** The graph of one published version, exactly as it was published. */
export async function getGraphVersion(db: Db, scenarioId: number, version: number) {
	const [row] = await db
		.select({ graph: table.scenarioVersion.graph })
		.from(table.scenarioVersion)
		.where(
			and(
				eq(table.scenarioVersion.scenarioId, scenarioId),
				eq(table.scenarioVersion.version, version)
			)
		);
	return row?.graph as ScenarioGraph | undefined;
}

export type SaveResult =
	| { ok: true; id: number; slug: string; version: number }
	| { ok: false; graph: ScenarioGraph | null; problems: ScenarioProblem[] };

export interface SaveInput {
	json: unknown;
	status: ScenarioStatus;
	/** The scenario being edited; a new one when absent. */
	id?: number;
	/** Owner of a new scenario; defaults to the actor's unit. */
	unitId?: number;
}

/** Validates and saves; an invalid graph is refused with every problem, nothing written. */
export async function saveScenario(
	db: Db,
	actor: SessionUser,
	input: SaveInput
): Promise<SaveResult> {
	if (!hasRole(actor, ...STAFF_ROLES)) throw new DomainError('forbidden');
	if (!isScenarioStatus(input.status)) throw new DomainError('scn_status_invalid');
	const { graph, problems } = checkScenario(input.json);
	if (!graph || hasErrors(problems)) return { ok: false, graph, problems };
	return db.transaction(async (tx) => {
		const [taken] = await tx
			.select({ id: table.scenario.id })
			.from(table.scenario)
			.where(eq(table.scenario.slug, graph.slug));
		if (taken && taken.id !== input.id)
			throw new DomainError('scn_slug_taken', { slug: graph.slug });
		const saved =
			input.id === undefined
				? await insertScenario(tx, actor, graph, input)
				: await updateScenario(tx, actor, input.id, graph, input.status);
		if (input.status === 'published') {
			await tx
				.insert(table.scenarioVersion)
				.values({ scenarioId: saved.id, version: saved.version, graph, createdBy: actor.id })
				.onConflictDoNothing();
		}
		return { ok: true as const, id: saved.id, slug: graph.slug, version: saved.version };
	});
}

function columnsOf(graph: ScenarioGraph) {
	const { slug, title, summary, topic, difficulty } = graph;
	return { slug, title, summary, topic, difficulty, graph };
}

async function insertScenario(db: Db, actor: SessionUser, graph: ScenarioGraph, input: SaveInput) {
	const unitId = input.unitId ?? actor.unitId;
	const [owner] = await db.select().from(table.unit).where(eq(table.unit.id, unitId));
	if (!owner) throw new DomainError('unit_not_found');
	if (!canManageUnitPath(actor, owner.path)) throw new DomainError('unit_out_of_scope');
	const [row] = await db
		.insert(table.scenario)
		.values({ ...columnsOf(graph), status: input.status, unitId, authorId: actor.id })
		.returning({ id: table.scenario.id, version: table.scenario.version });
	return row;
}

async function updateScenario(
	db: Db,
	actor: SessionUser,
	id: number,
	graph: ScenarioGraph,
	status: ScenarioStatus
) {
	const [current] = await db
		.select({ version: table.scenario.version, unitPath: table.unit.path })
		.from(table.scenario)
		.innerJoin(table.unit, eq(table.scenario.unitId, table.unit.id))
		.where(eq(table.scenario.id, id))
		.for('update', { of: table.scenario });
	if (!current) throw new DomainError('scn_not_found');
	if (!canManageUnitPath(actor, current.unitPath)) throw new DomainError('forbidden');
	const published = await getGraphVersion(db, id, current.version);
	const changed = published !== undefined && JSON.stringify(published) !== JSON.stringify(graph);
	const version = changed ? current.version + 1 : current.version;
	await db
		.update(table.scenario)
		.set({ ...columnsOf(graph), status, version, updatedAt: new Date() })
		.where(eq(table.scenario.id, id));
	return { id, version };
}
