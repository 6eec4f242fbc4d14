// Read models of the organisation tree for the admin pages: one branch (a child of the
// viewer's unit) at a time, so a national admin never loads all ~3,000 units at once.
import { and, count, eq, exists, ilike, inArray, like, not, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { levelsAbove, type Unit } from './units';

export interface UnitTreeRow {
	id: number;
	parentId: number | null;
	code: string;
	nameZh: string;
	nameEn: string;
	level: table.UnitLevel;
	region: table.Region | null;
	path: string;
	/** Levels below the listed root: its children are at depth 1. */
	depth: number;
	accounts: number;
	match: boolean;
}

export interface UnitTreeBranch {
	unit: UnitTreeRow;
	below: UnitTreeRow[];
}

export interface UnitTreeQuery {
	rootPath: string;
	search?: string;
	page?: number;
	pageSize?: number;
}

const treeColumns = {
	id: table.unit.id,
	parentId: table.unit.parentId,
	code: table.unit.code,
	nameZh: table.unit.nameZh,
	nameEn: table.unit.nameEn,
	level: table.unit.level,
	region: table.unit.region,
	path: table.unit.path
};
type TreeUnit = Pick<Unit, keyof typeof treeColumns>;

export function pathDepth(path: string): number {
	return path.split('/').filter(Boolean).length;
}

export function unitMatches(u: Pick<Unit, 'code' | 'nameZh' | 'nameEn'>, term: string): boolean {
	const t = term.trim().toLowerCase();
	return (
		!t ||
		u.code.toLowerCase().includes(t) ||
		u.nameZh.toLowerCase().includes(t) ||
		u.nameEn.toLowerCase().includes(t)
	);
}

/** Depth-first order with siblings by code, whatever order the rows came in. */
export function orderAsTree<T extends { id: number; parentId: number | null; code: string }>(
	rows: T[]
): T[] {
	const ids = new Set(rows.map((r) => r.id));
	const children = new Map<number | null, T[]>();
	for (const r of rows) {
		const key = r.parentId !== null && ids.has(r.parentId) ? r.parentId : null;
		children.set(key, [...(children.get(key) ?? []), r]);
	}
	const out: T[] = [];
	const visit = (key: number | null) => {
		const list = (children.get(key) ?? []).sort((a, b) => a.code.localeCompare(b.code));
		for (const r of list) {
			out.push(r);
			visit(r.id);
		}
	};
	visit(null);
	return out;
}

/**
 * The rows that match, with their ancestors (so the tree still reads right) and everything
 * below them (searching for a city shows its counties).
 */
export function keepMatchesInContext<T extends { id: number; path: string; match: boolean }>(
	rows: T[]
): T[] {
	const ancestors = new Set<number>();
	const matches = rows.filter((r) => r.match);
	for (const r of matches)
		for (const id of r.path.split('/').filter(Boolean)) ancestors.add(Number(id));
	return rows.filter(
		(r) => ancestors.has(r.id) || matches.some((hit) => r.path.startsWith(hit.path))
	);
}

function escapeLike(term: string): string {
	return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Accounts whose own unit is each of `unitIds` (not counting the units below). */
export async function countAccountsByUnit(db: Db, unitIds: number[]): Promise<Map<number, number>> {
	if (unitIds.length === 0) return new Map();
	const rows = await db
		.select({ unitId: table.user.unitId, n: count() })
		.from(table.user)
		.where(inArray(table.user.unitId, unitIds))
		.groupBy(table.user.unitId);
	return new Map(rows.map((r) => [r.unitId, r.n]));
}

/** The root unit, then a page of its children, each with the part of its subtree to show. */
export async function listUnitTree(db: Db, q: UnitTreeQuery) {
	const pageSize = Math.min(Math.max(q.pageSize ?? 8, 1), 50);
	const page = Math.max(q.page ?? 1, 1);
	const term = q.search?.trim() ?? '';
	const [root] = await db
		.select(treeColumns)
		.from(table.unit)
		.where(eq(table.unit.path, q.rootPath));
	if (!root) return { root: undefined, branches: [], total: 0, page, pageSize, pages: 1 };

	const filters: SQL[] = [eq(table.unit.parentId, root.id)];
	if (term) {
		const d = alias(table.unit, 'd');
		const pattern = `%${escapeLike(term)}%`;
		const hit = or(ilike(d.code, pattern), ilike(d.nameZh, pattern), ilike(d.nameEn, pattern));
		const inBranch = like(d.path, sql`${table.unit.path} || '%'`);
		filters.push(
			exists(
				db
					.select({ one: sql`1` })
					.from(d)
					.where(and(inBranch, hit))
			)
		);
	}
	const where = and(...filters);
	const [heads, [{ total }]] = await Promise.all([
		db
			.select(treeColumns)
			.from(table.unit)
			.where(where)
			.orderBy(table.unit.code)
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		db.select({ total: count() }).from(table.unit).where(where)
	]);
	const below = heads.length
		? await db
				.select(treeColumns)
				.from(table.unit)
				.where(or(...heads.map((h) => like(table.unit.path, `${h.path}_%`))))
		: [];
	const accounts = await countAccountsByUnit(
		db,
		[root, ...heads, ...below].map((u) => u.id)
	);
	const baseDepth = pathDepth(root.path);
	const toRow = (u: TreeUnit): UnitTreeRow => ({
		...u,
		depth: pathDepth(u.path) - baseDepth,
		accounts: accounts.get(u.id) ?? 0,
		match: term !== '' && unitMatches(u, term)
	});
	const branches = heads.map((h) => {
		const rows = orderAsTree(below.filter((u) => u.path.startsWith(h.path)).map(toRow));
		const head = toRow(h);
		return { unit: head, below: term && !head.match ? keepMatchesInContext(rows) : rows };
	});
	return {
		root: toRow(root),
		branches,
		total,
		page,
		pageSize,
		pages: Math.max(1, Math.ceil(total / pageSize))
	};
}

/**
 * Where `moving` may go within the scope at `scopePath`: units of a higher level that are not
 * in its own subtree. Counties never hold units, so this stays at a few hundred rows.
 */
export async function listMoveTargets(db: Db, scopePath: string, moving: Unit) {
	const levels = levelsAbove(moving.level);
	if (levels.length === 0) return [];
	const rows = await db
		.select(treeColumns)
		.from(table.unit)
		.where(
			and(
				like(table.unit.path, `${scopePath}%`),
				not(like(table.unit.path, `${moving.path}%`)),
				inArray(table.unit.level, levels)
			)
		);
	const baseDepth = pathDepth(scopePath);
	return orderAsTree(rows).map((u) => ({ ...u, depth: pathDepth(u.path) - baseDepth }));
}

/** The units from the viewer's own unit down to `path`, for a breadcrumb that leaks nothing. */
export async function listAncestorsWithin(db: Db, scopePath: string, path: string) {
	const ids = path.split('/').filter(Boolean).map(Number);
	const rows = await db
		.select(treeColumns)
		.from(table.unit)
		.where(and(inArray(table.unit.id, ids), like(table.unit.path, `${scopePath}%`)));
	return rows.sort((a, b) => a.path.length - b.path.length);
}
