// Results are for the contest's hosts: its creator and staff of its unit or a unit above it.
import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { canHostContest, getContest } from '$lib/server/contest/service';
import { getDb } from '$lib/server/db';

interface Event {
	locals: App.Locals;
	url: URL;
	params: { id: string };
}

export async function requireContestResults(event: Event) {
	const actor = requireRole(event, 'trainer', 'admin');
	const id = Number(event.params.id);
	const contest = Number.isInteger(id) ? await getContest(getDb(), id) : null;
	if (!contest) error(404, { message: 'contest_not_found' });
	if (!canHostContest(actor, contest)) error(403, { message: 'forbidden' });
	return { actor, contest };
}
