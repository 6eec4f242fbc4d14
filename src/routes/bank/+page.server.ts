import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import {
	countByStatus,
	isQuestionStatus,
	isQuestionType,
	listQuestions
} from '$lib/server/bank/list';
import { getDb } from '$lib/server/db';
import { topics } from '$lib/server/db/schema/bank';
import { positiveInt } from './question-form';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'trainer', 'admin');
	const db = getDb();
	const params = event.url.searchParams;
	const type = params.get('type') ?? '';
	const status = params.get('status') ?? '';
	const topic = params.get('topic') ?? '';
	const difficulty = positiveInt(params.get('difficulty'));
	const filters = {
		text: (params.get('q') ?? '').trim().slice(0, 100),
		type: isQuestionType(type) ? type : undefined,
		status: isQuestionStatus(status) ? status : undefined,
		topic: (topics as readonly string[]).includes(topic) ? topic : undefined,
		difficulty: difficulty && difficulty <= 5 ? difficulty : undefined,
		tag: (params.get('tag') ?? '').trim().slice(0, 30)
	};
	const [result, counts] = await Promise.all([
		listQuestions(db, actor, { ...filters, page: positiveInt(params.get('page')) ?? 1 }),
		countByStatus(db, actor, filters)
	]);
	return {
		filters: {
			q: filters.text,
			type: filters.type ?? '',
			status: filters.status ?? '',
			topic: filters.topic ?? '',
			difficulty: filters.difficulty ? String(filters.difficulty) : '',
			tag: filters.tag
		},
		topics: [...topics],
		counts,
		questions: result.rows.map((r) => ({
			id: r.id,
			status: r.status,
			type: r.type,
			topic: r.topic,
			subtopic: r.subtopic,
			difficulty: r.difficulty,
			tags: r.tags,
			stem: r.stem,
			unitNameZh: r.unitNameZh,
			unitNameEn: r.unitNameEn,
			updatedAt: r.updatedAt
		})),
		page: result.page,
		pages: result.pages,
		total: result.total
	};
};
