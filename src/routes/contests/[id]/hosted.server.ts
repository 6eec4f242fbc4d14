// The host console and the studio screen share one guard: host rights on the contest.
import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { canHostContest, getContest } from '$lib/server/contest/service';

export async function requireHostedContest(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireRole(event, 'trainer', 'admin');
	const contest = await getContest(getDb(), Number(event.params.id));
	if (!contest) error(404, { message: 'contest_not_found' });
	if (!canHostContest(user, contest)) error(403, { message: 'forbidden' });
	return {
		contest: { id: contest.id, code: contest.code, title: contest.title, status: contest.status },
		joinUrl: `${event.url.origin}/contests/${contest.code}/play`
	};
}
