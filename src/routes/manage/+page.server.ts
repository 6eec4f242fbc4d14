import type { PageServerLoad } from './$types';
import { isRole, listUsers } from '$lib/server/accounts/users';
import { requireRole, requireUnitInScope } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listUnitsWithin } from '$lib/server/org/units';
import { toUnitOptions } from './unit-options';

function positiveInt(value: string | null): number | undefined {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : undefined;
}

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'trainer', 'admin');
	const db = getDb();
	const params = event.url.searchParams;
	const q = (params.get('q') ?? '').trim().slice(0, 64);
	const roleParam = params.get('role') ?? '';
	const role = isRole(roleParam) ? roleParam : undefined;
	const unitId = positiveInt(params.get('unit'));
	const chosen = unitId === undefined ? undefined : await requireUnitInScope(db, actor, unitId);
	const [units, result] = await Promise.all([
		listUnitsWithin(db, actor.unitPath),
		listUsers(db, {
			rootPath: chosen?.path ?? actor.unitPath,
			search: q,
			role,
			page: positiveInt(params.get('page')) ?? 1
		})
	]);
	return {
		filters: { q, role: role ?? '', unit: chosen ? String(chosen.id) : '' },
		units: toUnitOptions(units, actor.unitPath),
		created: params.get('created') ?? '',
		users: result.rows.map((u) => ({
			id: u.id,
			username: u.username,
			displayName: u.displayName,
			role: u.role,
			unitNameZh: u.unitNameZh,
			unitNameEn: u.unitNameEn
		})),
		page: result.page,
		pages: result.pages,
		total: result.total
	};
};
