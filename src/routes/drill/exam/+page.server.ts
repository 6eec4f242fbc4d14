import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { currentLocale, failFromError, field } from '$lib/server/forms';
import { listOwnExams, openExamsByBlueprint, startExam } from '$lib/server/drill/exam-attempts';
import {
	blueprintCounts,
	blueprintTotal,
	listActiveBlueprints
} from '$lib/server/drill/exam-blueprints';
import { submitExpiredExams } from '$lib/server/drill/exam-submit';
import { formatTime, positiveInt } from './helpers';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	// Attempts whose time ran out while the page was closed are handed in before listing them.
	await submitExpiredExams(db, new Date(), { userId: user.id });
	const params = event.url.searchParams;
	const [blueprints, attempts, open] = await Promise.all([
		listActiveBlueprints(db, positiveInt(params.get('papers')) ?? 1),
		listOwnExams(db, user.id, positiveInt(params.get('page')) ?? 1),
		openExamsByBlueprint(db, user.id)
	]);
	const locale = currentLocale();
	return {
		blueprints: {
			...blueprints,
			rows: blueprints.rows.map((bp) => ({
				id: bp.id,
				name: bp.name,
				description: bp.description,
				counts: blueprintCounts(bp),
				total: blueprintTotal(bp),
				minutes: bp.minutes,
				passPercent: bp.passPercent,
				openExamId: open.get(bp.id) ?? null
			}))
		},
		attempts: {
			...attempts,
			rows: attempts.rows.map((e) => ({
				id: e.id,
				name: e.name,
				started: formatTime(e.startedAt, locale),
				submitted: e.submittedAt !== null,
				autoSubmitted: e.autoSubmitted,
				score: e.score,
				passed: e.passed,
				correctCount: e.correctCount,
				questionCount: e.questionCount
			}))
		}
	};
};

export const actions: Actions = {
	/** Starts a paper, or resumes the unfinished attempt on it. */
	start: async (event) => {
		const user = requireUser(event);
		const data = await event.request.formData();
		let examId: number;
		try {
			const exam = await startExam(getDb(), user, Number(field(data, 'blueprint')), new Date());
			examId = exam.id;
		} catch (e) {
			return failFromError(e, { blueprint: field(data, 'blueprint') });
		}
		redirect(303, `/drill/exam/${examId}`);
	}
};
