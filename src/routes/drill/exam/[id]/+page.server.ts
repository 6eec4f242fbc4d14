import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { isDomainError } from '$lib/server/errors';
import { currentLocale, failFromError, field } from '$lib/server/forms';
import { saveExamAnswer, submitExam } from '$lib/server/drill/exam-submit';
import { paperView } from '$lib/server/drill/exam-view';
import { formatTime, positiveInt, rethrowAsHttp } from '../helpers';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const id = Number(event.params.id);
	const position = positiveInt(event.url.searchParams.get('q'));
	const now = new Date();
	const view = await paperView(getDb(), user, id, position, now).catch(rethrowAsHttp);
	if (view.phase === 'submitted') redirect(303, `/drill/exam/${view.examId}/result`);
	const answered = view.navigator.filter((n) => n.answered).length;
	return {
		exam: {
			id: view.exam.id,
			name: view.exam.name,
			questionCount: view.exam.questionCount,
			requestedCount: view.exam.requestedCount,
			deadlineAt: view.exam.deadlineAt.toISOString(),
			deadlineText: formatTime(view.exam.deadlineAt, currentLocale(), true)
		},
		/** The page corrects its countdown for the difference between the two clocks. */
		serverNow: now.getTime(),
		navigator: view.navigator,
		question: view.question,
		answered,
		confirming: event.url.searchParams.has('confirm')
	};
};

/** The late refusal leads to the result, where the automatic submission is explained. */
function afterRefusal(e: unknown, id: number, values: Record<string, unknown>) {
	if (isDomainError(e) && e.code === 'exam_late') redirect(303, `/drill/exam/${id}/result?late=1`);
	if (isDomainError(e) && e.code === 'exam_submitted') redirect(303, `/drill/exam/${id}/result`);
	if (isDomainError(e) && (e.code === 'exam_not_found' || e.code === 'exam_not_yours')) {
		rethrowAsHttp(e);
	}
	return failFromError(e, values);
}

export const actions: Actions = {
	/** Saves the answer on screen, then shows the question asked for (`goto`) or the hand-in step. */
	save: async (event) => {
		const user = requireUser(event);
		const id = Number(event.params.id);
		const data = await event.request.formData();
		const position = Number(field(data, 'position'));
		const values = data.getAll('response').filter((v): v is string => typeof v === 'string');
		try {
			await saveExamAnswer(getDb(), user, { examId: id, position, formValues: values }, new Date());
		} catch (e) {
			return afterRefusal(e, id, { position });
		}
		const goto = field(data, 'goto');
		if (goto === 'submit') redirect(303, `/drill/exam/${id}?q=${position}&confirm`);
		redirect(303, `/drill/exam/${id}?q=${positiveInt(goto) ?? position}`);
	},
	submit: async (event) => {
		const user = requireUser(event);
		const id = Number(event.params.id);
		try {
			await submitExam(getDb(), user, id, new Date());
		} catch (e) {
			return afterRefusal(e, id, {});
		}
		redirect(303, `/drill/exam/${id}/result`);
	}
};
