import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { getContestByCode } from '$lib/server/contest/service';
import { failWithCode, field } from '$lib/server/forms';

export const load: PageServerLoad = ({ url }) => ({
	code: /^\d{6}$/.test(url.searchParams.get('code') ?? '') ? url.searchParams.get('code')! : ''
});

export const actions: Actions = {
	default: async ({ request }) => {
		const code = field(await request.formData(), 'code')
			.normalize('NFKC')
			.replace(/\s/g, '');
		if (!/^\d{6}$/.test(code)) return failWithCode('contest_code_invalid', { code });
		const contest = await getContestByCode(getDb(), code);
		if (!contest) return failWithCode('contest_not_found', { code });
		if (contest.status === 'ended') return failWithCode('contest_ended', { code });
		redirect(303, `/contests/${code}/play`);
	}
};
