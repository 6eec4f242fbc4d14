// Units a staff member may pick in the /manage forms: their own unit and every unit below it.
import type { Unit } from '$lib/server/org/units';

export interface UnitOption {
	id: number;
	code: string;
	nameZh: string;
	nameEn: string;
	depth: number;
}

/** Depth is counted from the actor's own unit, so the select indents the subtree under it. */
export function toUnitOptions(units: Unit[], rootPath: string): UnitOption[] {
	const rootDepth = rootPath.split('/').length;
	return units.map((u) => ({
		id: u.id,
		code: u.code,
		nameZh: u.nameZh,
		nameEn: u.nameEn,
		depth: u.path.split('/').length - rootDepth
	}));
}
