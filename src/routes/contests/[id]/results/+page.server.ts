import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getResults } from '$lib/server/contest/service';
import { getDb } from '$lib/server/db';
import { requireContestResults } from './access';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
	const { contest } = await requireContestResults(event);
	const results = await getResults(getDb(), contest.id);
	if (!results) error(404, { message: 'contest_not_found' });
	const params = event.url.searchParams;
	const pages = Math.max(1, Math.ceil(results.standings.length / PAGE_SIZE));
	const page = Math.min(Math.max(Number(params.get('page')) || 1, 1), pages);
	const chosen = results.standings.find((s) => s.contestantId === params.get('c')) ?? null;
	const numberOf = new Map(results.questions.map((q) => [`${q.round}:${q.index}`, q]));
	return {
		contest: {
			id: contest.id,
			code: contest.code,
			title: contest.title,
			status: contest.status,
			createdAt: contest.createdAt,
			endedAt: results.contest.endedAt
		},
		contestants: results.standings.length,
		standings: results.standings.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
		page,
		pages,
		teams: results.teams,
		questions: results.questions.map(({ question, ...q }) => ({
			...q,
			type: question.type,
			stem: question.stem,
			key: question.key
		})),
		chosen: chosen && {
			name: chosen.name,
			answers: (results.answersOf.get(chosen.contestantId) ?? []).map((a) => ({
				...a,
				number: numberOf.get(`${a.round}:${a.index}`)?.number ?? null,
				stem: numberOf.get(`${a.round}:${a.index}`)?.question.stem ?? ''
			}))
		}
	};
};
