import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/forms';
import { resultView } from '$lib/server/drill/exam-result';
import { formatTime, positiveInt, rethrowAsHttp } from '../../helpers';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const params = event.url.searchParams;
	const wrongOnly = params.get('show') === 'wrong';
	const view = await resultView(getDb(), user, Number(event.params.id), new Date(), {
		page: positiveInt(params.get('page')) ?? 1,
		wrongOnly
	}).catch(rethrowAsHttp);
	// Nothing about the key leaves the server while the attempt is still open.
	if (view.phase === 'open') redirect(303, `/drill/exam/${view.examId}`);
	const { exam } = view;
	const locale = currentLocale();
	return {
		exam: {
			id: exam.id,
			name: exam.name,
			score: exam.score ?? 0,
			passed: exam.passed === true,
			correctCount: exam.correctCount ?? 0,
			questionCount: exam.questionCount,
			requestedCount: exam.requestedCount,
			passPercent: exam.passPercent,
			autoSubmitted: exam.autoSubmitted,
			started: formatTime(exam.startedAt, locale),
			submitted: formatTime(exam.submittedAt ?? exam.deadlineAt, locale)
		},
		late: params.has('late'),
		wrongOnly,
		breakdown: view.breakdown,
		marks: view.marks,
		review: view.review
	};
};
