import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { isContestStatus, listContests } from '$lib/server/contest/list';
import { getDb } from '$lib/server/db';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'trainer', 'admin');
	const params = event.url.searchParams;
	const status = params.get('status');
	const page = Math.max(Number(params.get('page')) || 1, 1);
	const result = await listContests(getDb(), actor, {
		status: isContestStatus(status) ? status : undefined,
		page
	});
	const created = params.get('created');
	return {
		status: isContestStatus(status) ? status : '',
		created: created && /^\d{6}$/.test(created) ? created : null,
		contests: result.rows,
		page: result.page,
		pages: result.pages,
		total: result.total
	};
};
