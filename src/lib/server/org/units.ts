import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { DomainError } from '../errors';
import { DEMO_LOCAL_UNITS, NATIONAL_UNIT, PROVINCES } from './reference-units';

export type Unit = table.Unit;
const LEVEL_DEPTH: Record<table.UnitLevel, number> = {
	national: 0,
	province: 1,
	city: 2,
	county: 3
};

export function isWithin(ancestorPath: string, path: string): boolean {
	return path.startsWith(ancestorPath);
}

export function isUnitLevel(value: unknown): value is table.UnitLevel {
	return typeof value === 'string' && (table.unitLevels as readonly string[]).includes(value);
}

export function isRegion(value: unknown): value is table.Region {
	return typeof value === 'string' && (table.regions as readonly string[]).includes(value);
}

/** Levels a unit at `level` may hold directly or indirectly, highest first. */
export function levelsBelow(level: table.UnitLevel): table.UnitLevel[] {
	return table.unitLevels.filter((l) => LEVEL_DEPTH[l] > LEVEL_DEPTH[level]);
}

/** Levels a parent of a unit at `level` may have. */
export function levelsAbove(level: table.UnitLevel): table.UnitLevel[] {
	return table.unitLevels.filter((l) => LEVEL_DEPTH[l] < LEVEL_DEPTH[level]);
}

/** The root (national) unit's path holds a single id: "/1/". */
export function isRootPath(path: string): boolean {
	return /^\/\d+\/$/.test(path);
}

/**
 * Whether an admin whose unit has `actorPath` may rename or move the unit at `path`: anything
 * below their own unit. Their own unit is kept by the level above, except the national unit,
 * which has nobody above it.
 */
export function canEditUnitAt(actorPath: string, path: string): boolean {
	if (!isWithin(actorPath, path)) return false;
	return path !== actorPath || isRootPath(actorPath);
}

export async function getUnit(db: Db, id: number): Promise<Unit | undefined> {
	const [row] = await db.select().from(table.unit).where(eq(table.unit.id, id));
	return row;
}

export async function getUnitByCode(db: Db, code: string): Promise<Unit | undefined> {
	const [row] = await db.select().from(table.unit).where(eq(table.unit.code, code));
	return row;
}

/** The unit at `rootPath` and every unit below it, in tree order. */
export async function listUnitsWithin(db: Db, rootPath: string): Promise<Unit[]> {
	return db
		.select()
		.from(table.unit)
		.where(like(table.unit.path, `${rootPath}%`))
		.orderBy(sql`${table.unit.path} collate "C"`);
}

export async function listChildren(db: Db, parentId: number): Promise<Unit[]> {
	return db
		.select()
		.from(table.unit)
		.where(eq(table.unit.parentId, parentId))
		.orderBy(asc(table.unit.code));
}

function checkLevelUnder(parent: Unit, level: table.UnitLevel): void {
	if (LEVEL_DEPTH[level] <= LEVEL_DEPTH[parent.level]) {
		throw new DomainError('unit_level_order', { parent: parent.nameZh });
	}
}

function cleanName(value: string, field: string): string {
	const name = value.trim();
	if (!name || name.length > 60) throw new DomainError('unit_name_invalid', { field });
	return name;
}

export interface NewUnit {
	code: string;
	parentId: number | null;
	level: table.UnitLevel;
	nameZh: string;
	nameEn: string;
	region?: table.Region | null;
}

export async function createUnit(db: Db, input: NewUnit): Promise<Unit> {
	const code = input.code.trim();
	if (!/^[0-9A-Za-z-]{2,20}$/.test(code)) throw new DomainError('unit_code_invalid');
	const nameZh = cleanName(input.nameZh, 'nameZh');
	const nameEn = cleanName(input.nameEn, 'nameEn');
	return db.transaction(async (tx) => {
		const parent = input.parentId === null ? null : await getUnit(tx, input.parentId);
		if (input.parentId !== null && !parent) throw new DomainError('unit_not_found');
		if (parent) checkLevelUnder(parent, input.level);
		else if (input.level !== 'national') throw new DomainError('unit_needs_parent');
		if (await getUnitByCode(tx, code)) throw new DomainError('unit_code_taken', { code });
		// Below a province the region is the province's; only provinces choose theirs.
		const inherits = parent && parent.level !== 'national';
		const region = (inherits ? parent.region : input.region) ?? null;
		const [row] = await tx
			.insert(table.unit)
			.values({ code, parentId: parent?.id ?? null, level: input.level, nameZh, nameEn, region })
			.returning();
		const path = `${parent?.path ?? '/'}${row.id}/`;
		await tx.update(table.unit).set({ path }).where(eq(table.unit.id, row.id));
		return { ...row, path };
	});
}

export async function renameUnit(
	db: Db,
	id: number,
	nameZh: string,
	nameEn: string
): Promise<void> {
	const values = { nameZh: cleanName(nameZh, 'nameZh'), nameEn: cleanName(nameEn, 'nameEn') };
	const updated = await db.update(table.unit).set(values).where(eq(table.unit.id, id)).returning();
	if (updated.length === 0) throw new DomainError('unit_not_found');
}

/** Moves a unit and its whole subtree under a new parent, rewriting their paths. */
export async function moveUnit(db: Db, id: number, newParentId: number): Promise<void> {
	await db.transaction(async (tx) => {
		const [moving, parent] = await Promise.all([getUnit(tx, id), getUnit(tx, newParentId)]);
		if (!moving || !parent) throw new DomainError('unit_not_found');
		if (moving.level === 'national') throw new DomainError('unit_move_root');
		if (isWithin(moving.path, parent.path)) throw new DomainError('unit_move_into_self');
		checkLevelUnder(parent, moving.level);
		const oldPrefix = moving.path;
		const newPrefix = `${parent.path}${moving.id}/`;
		await tx
			.update(table.unit)
			.set({ path: sql`${newPrefix} || substr(${table.unit.path}, ${oldPrefix.length + 1})` })
			.where(like(table.unit.path, `${oldPrefix}%`));
		await tx.update(table.unit).set({ parentId: parent.id }).where(eq(table.unit.id, id));
		if (parent.level !== 'national') {
			await tx
				.update(table.unit)
				.set({ region: parent.region })
				.where(like(table.unit.path, `${newPrefix}%`));
		}
	});
}

/** Creates the national unit and the 32 provincial units if missing. Safe to run every start. */
export async function ensureReferenceUnits(db: Db): Promise<Unit> {
	let national = await getUnitByCode(db, NATIONAL_UNIT.code);
	national ??= await createUnit(db, { ...NATIONAL_UNIT, parentId: null, level: 'national' });
	for (const p of PROVINCES) {
		if (!(await getUnitByCode(db, p.code))) {
			await createUnit(db, { ...p, parentId: national.id, level: 'province' });
		}
	}
	return national;
}

export async function ensureDemoLocalUnits(db: Db): Promise<void> {
	for (const u of DEMO_LOCAL_UNITS) {
		if (await getUnitByCode(db, u.code)) continue;
		const parent = await getUnitByCode(db, u.parent);
		if (!parent) throw new Error(`demo unit ${u.code}: parent ${u.parent} missing`);
		await createUnit(db, { ...u, parentId: parent.id });
	}
}

export async function countUnitsWithin(db: Db, rootPath: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(table.unit)
		.where(and(like(table.unit.path, `${rootPath}%`)));
	return row?.n ?? 0;
}
