import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import type { SessionUser } from '$lib/server/auth/session';
import { listQuestions } from '$lib/server/bank/list';
import { publishQuestion, returnToDraft } from '$lib/server/bank/workflow';
import { getDb, type Db } from '$lib/server/db';
import { field } from '$lib/server/forms';
import { positiveInt, refuse } from '../question-form';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'trainer', 'admin');
	const params = event.url.searchParams;
	const result = await listQuestions(getDb(), actor, {
		status: 'in_review',
		scope: 'edit',
		page: positiveInt(params.get('page')) ?? 1
	});
	return {
		questions: result.rows.map((r) => ({
			id: r.id,
			type: r.type,
			topic: r.topic,
			difficulty: r.difficulty,
			stem: r.stem,
			unitNameZh: r.unitNameZh,
			unitNameEn: r.unitNameEn,
			mine: r.mine
		})),
		page: result.page,
		pages: result.pages,
		total: result.total,
		done: params.get('done') ?? ''
	};
};

function step(run: (db: Db, actor: SessionUser, id: number) => Promise<void>, done: string) {
	return async (event: RequestEvent) => {
		const actor = requireRole(event, 'trainer', 'admin');
		const id = Number(field(await event.request.formData(), 'id'));
		try {
			await run(getDb(), actor, id);
		} catch (e) {
			return refuse(e, { id: String(id) });
		}
		redirect(303, `/bank/review?done=${done}`);
	};
}

export const actions: Actions = {
	publish: step(publishQuestion, 'published'),
	return: step(returnToDraft, 'returned')
};
