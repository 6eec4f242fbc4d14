import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole, requireUnitInScope } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { DomainError, isDomainError } from '$lib/server/errors';
import { failFromError } from '$lib/server/forms';
import {
	countAccountsByUnit,
	listAncestorsWithin,
	listMoveTargets
} from '$lib/server/org/unit-tree';
import {
	canEditUnitAt,
	createUnit,
	getUnit,
	isRegion,
	isUnitLevel,
	isWithin,
	levelsBelow,
	moveUnit,
	renameUnit
} from '$lib/server/org/units';
import { readUnitForm, refusalField, type Intent, type UnitFormValues } from './unit-form';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin');
	const db = getDb();
	const unit = await requireUnitInScope(db, user, Number(event.params.id));
	const editable = canEditUnitAt(user.unitPath, unit.path);
	const [trail, moveTargets, accounts] = await Promise.all([
		listAncestorsWithin(db, user.unitPath, unit.path),
		editable && unit.parentId !== null ? listMoveTargets(db, user.unitPath, unit) : [],
		countAccountsByUnit(db, [unit.id])
	]);
	const { id, code, nameZh, nameEn, level, region, parentId } = unit;
	return {
		unit: { id, code, nameZh, nameEn, level, region, parentId, accounts: accounts.get(id) ?? 0 },
		editable,
		trail: trail
			.filter((u) => u.id !== id)
			.map((u) => ({ id: u.id, nameZh: u.nameZh, nameEn: u.nameEn })),
		moveTargets: moveTargets.map((u) => ({
			id: u.id,
			code: u.code,
			nameZh: u.nameZh,
			nameEn: u.nameEn,
			depth: u.depth
		})),
		childLevels: levelsBelow(unit.level)
	};
};

/** Guards shared by every action: an admin, and a unit in their scope (403/404 otherwise). */
async function begin(event: RequestEvent<{ id: string }>, intent: Intent) {
	const user = requireRole(event, 'admin');
	const db = getDb();
	const unit = await requireUnitInScope(db, user, Number(event.params.id));
	const values = readUnitForm(await event.request.formData(), intent);
	return { user, db, unit, values };
}

function refuse(e: unknown, values: UnitFormValues, status = 400) {
	const field = isDomainError(e) ? refusalField(e, values.intent) : '';
	return failFromError(e, { ...values, field }, status);
}

const OUT_OF_SCOPE_CODES = new Set(['unit_own_readonly', 'unit_out_of_scope']);

async function attempt(values: UnitFormValues, run: () => Promise<void>) {
	try {
		await run();
		return null;
	} catch (e) {
		const status = isDomainError(e) && OUT_OF_SCOPE_CODES.has(e.code) ? 403 : 400;
		return refuse(e, values, status);
	}
}

export const actions: Actions = {
	rename: async (event) => {
		const { user, db, unit, values } = await begin(event, 'rename');
		const refused = await attempt(values, async () => {
			if (!canEditUnitAt(user.unitPath, unit.path)) throw new DomainError('unit_own_readonly');
			await renameUnit(db, unit.id, values.nameZh, values.nameEn);
		});
		return refused ?? { intent: 'rename' as const, done: true };
	},

	move: async (event) => {
		const { user, db, unit, values } = await begin(event, 'move');
		const refused = await attempt(values, async () => {
			if (!canEditUnitAt(user.unitPath, unit.path)) throw new DomainError('unit_own_readonly');
			const parentId = Number(values.parentId);
			const parent = Number.isInteger(parentId) ? await getUnit(db, parentId) : undefined;
			if (!parent) throw new DomainError('unit_not_found');
			if (!isWithin(user.unitPath, parent.path)) throw new DomainError('unit_out_of_scope');
			await moveUnit(db, unit.id, parent.id);
		});
		return refused ?? { intent: 'move' as const, done: true };
	},

	create: async (event) => {
		const { db, unit, values } = await begin(event, 'create');
		let created = { id: 0, nameZh: '', nameEn: '' };
		const refused = await attempt(values, async () => {
			const { code, nameZh, nameEn, level } = values;
			if (!isUnitLevel(level)) throw new DomainError('unit_level_invalid');
			const region = isRegion(values.region) ? values.region : null;
			const row = await createUnit(db, { code, nameZh, nameEn, level, region, parentId: unit.id });
			created = { id: row.id, nameZh: row.nameZh, nameEn: row.nameEn };
		});
		return refused ?? { intent: 'create' as const, done: true, created };
	}
};
