import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { hasRole, STAFF_ROLES } from '$lib/server/auth/scope';
import { getDb } from '$lib/server/db';
import { runStatuses } from '$lib/server/scenario/runs';
import { listScenarios } from '$lib/server/scenario/store';
import { positiveInt } from './format';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const params = event.url.searchParams;
	const staff = hasRole(user, ...STAFF_ROLES);
	const [playable, editable] = await Promise.all([
		listScenarios(db, user, { mode: 'play', page: positiveInt(params.get('page')) ?? 1 }),
		staff
			? listScenarios(db, user, { mode: 'edit', page: positiveInt(params.get('mine')) ?? 1 })
			: null
	]);
	const statuses = await runStatuses(
		db,
		user.id,
		playable.rows.map((r) => r.id)
	);
	const pick = (r: (typeof playable.rows)[number]) => ({
		slug: r.slug,
		title: r.title,
		summary: r.summary,
		topic: r.topic,
		difficulty: r.difficulty,
		status: r.status,
		version: r.version,
		unitNameZh: r.unitNameZh,
		unitNameEn: r.unitNameEn
	});
	return {
		playable: {
			rows: playable.rows.map((r) => ({ ...pick(r), run: statuses.get(r.id) ?? null })),
			page: playable.page,
			pages: playable.pages,
			total: playable.total
		},
		editable: editable && {
			rows: editable.rows.map(pick),
			page: editable.page,
			pages: editable.pages,
			total: editable.total
		}
	};
};
