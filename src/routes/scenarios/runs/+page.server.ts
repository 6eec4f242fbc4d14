import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/forms';
import { listRuns } from '$lib/server/scenario/review';
import { formatTime, positiveInt } from '../format';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'trainer', 'admin');
	const page = positiveInt(event.url.searchParams.get('page')) ?? 1;
	const result = await listRuns(getDb(), actor, { page });
	const locale = currentLocale();
	return {
		runs: result.rows.map((r) => ({
			id: r.id,
			player: r.displayName,
			username: r.username,
			unitNameZh: r.unitNameZh,
			unitNameEn: r.unitNameEn,
			scenarioTitle: r.scenarioTitle,
			version: r.scenarioVersion,
			score: r.score,
			grade: r.finishedAt ? r.grade : null,
			decisions: r.decisions,
			started: formatTime(r.startedAt, locale)
		})),
		page: result.page,
		pages: result.pages,
		total: result.total
	};
};
