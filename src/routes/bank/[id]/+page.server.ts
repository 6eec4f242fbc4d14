import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { updateQuestion } from '$lib/server/bank/questions';
import { getQuestionWithVersions } from '$lib/server/bank/versions';
import {
	publishQuestion,
	retireQuestion,
	returnToDraft,
	submitForReview,
	unretireQuestion
} from '$lib/server/bank/workflow';
import { getDb, type Db } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/session';
import { field } from '$lib/server/forms';
import { editorChoices } from '../editor-data';
import {
	loadRefusal,
	positiveInt,
	readQuestionForm,
	refuse,
	toQuestionInput,
	valuesFromVersion
} from '../question-form';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'trainer', 'admin');
	const params = event.url.searchParams;
	const view = await getQuestionWithVersions(
		getDb(),
		actor,
		Number(event.params.id),
		positiveInt(params.get('vpage')) ?? 1
	).catch(loadRefusal);
	const q = view.question;
	return {
		question: {
			id: q.id,
			status: q.status,
			jurisdiction: q.jurisdiction,
			publishedAt: q.publishedAt,
			unitNameZh: view.unitNameZh,
			unitNameEn: view.unitNameEn,
			authorName: view.authorName,
			reviewerName: view.reviewerName
		},
		current: {
			id: view.current.id,
			published: view.current.publishedAt !== null
		},
		values: valuesFromVersion(view.current, q.jurisdiction),
		versions: view.versions.rows.map(({ version: v, writerName }) => ({
			id: v.id,
			version: v.version,
			type: v.type,
			stem: v.stem,
			options: v.options,
			answer: v.answer,
			explanation: v.explanation,
			legalBasis: v.legalBasis,
			createdAt: v.createdAt,
			publishedAt: v.publishedAt,
			writerName,
			current: v.id === q.currentVersionId
		})),
		versionPage: view.versions.page,
		versionPages: view.versions.pages,
		versionTotal: view.versions.total,
		canEdit: view.canEdit,
		// Four eyes: whoever wrote the question or its current version may not publish it.
		mine: q.authorId === actor.id || view.current.createdBy === actor.id,
		done: params.get('done') ?? '',
		...editorChoices()
	};
};

type Step = (db: Db, actor: SessionUser, id: number) => Promise<void>;

/** The workflow buttons: guard, one domain call, back to the page with what happened. */
function step(run: Step, done: string) {
	return async (event: RequestEvent<{ id: string }>) => {
		const actor = requireRole(event, 'trainer', 'admin');
		const id = Number(event.params.id);
		try {
			await run(getDb(), actor, id);
		} catch (e) {
			return refuse(e, { intent: done });
		}
		redirect(303, `/bank/${id}?done=${done}`);
	};
}

export const actions: Actions = {
	save: async (event) => {
		const actor = requireRole(event, 'trainer', 'admin');
		const id = Number(event.params.id);
		const data = await event.request.formData();
		const values = readQuestionForm(data);
		let done: string;
		try {
			const result = await updateQuestion(getDb(), actor, id, toQuestionInput(values), {
				baseVersionId: positiveInt(field(data, 'baseVersionId'))
			});
			done = result.newVersion ? 'new_version' : result.changed ? 'saved' : 'unchanged';
		} catch (e) {
			return refuse(e, values);
		}
		redirect(303, `/bank/${id}?done=${done}`);
	},
	submit: step(submitForReview, 'submitted'),
	publish: step(publishQuestion, 'published'),
	return: step(returnToDraft, 'returned'),
	retire: step(retireQuestion, 'retired'),
	unretire: step(unretireQuestion, 'restored')
};
