import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { createQuestion } from '$lib/server/bank/questions';
import { getDb } from '$lib/server/db';
import { editorChoices } from '../editor-data';
import { readQuestionForm, refuse, toQuestionInput } from '../question-form';
import { emptyValues } from '../question-values';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'trainer', 'admin');
	return { values: emptyValues(), ...editorChoices() };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireRole(event, 'trainer', 'admin');
		const values = readQuestionForm(await event.request.formData());
		let id: number;
		try {
			id = await createQuestion(getDb(), actor, toQuestionInput(values));
		} catch (e) {
			return refuse(e, values);
		}
		redirect(303, `/bank/${id}?done=created`);
	}
};
