import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { listReports, resolveReport } from '$lib/server/bank/reports';
import { getDb } from '$lib/server/db';
import { field } from '$lib/server/forms';
import { positiveInt, refuse } from '../question-form';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'trainer', 'admin');
	const params = event.url.searchParams;
	const all = params.get('all') === '1';
	const result = await listReports(getDb(), actor, {
		openOnly: !all,
		page: positiveInt(params.get('page')) ?? 1
	});
	return {
		all,
		reports: result.rows.map((r) => ({
			id: r.report.id,
			questionId: r.report.questionId,
			status: r.report.status,
			reason: r.report.reason,
			resolution: r.report.resolution,
			resolvedAt: r.report.resolvedAt,
			createdAt: r.report.createdAt,
			version: r.version,
			stem: r.stem,
			outdated: r.currentVersionId !== r.report.versionId,
			reporterName: r.reporterName,
			resolverName: r.resolverName
		})),
		page: result.page,
		pages: result.pages,
		total: result.total,
		done: params.get('done') ?? ''
	};
};

export const actions: Actions = {
	resolve: async (event) => {
		const actor = requireRole(event, 'trainer', 'admin');
		const data = await event.request.formData();
		const values = {
			id: field(data, 'id'),
			status: field(data, 'status'),
			resolution: field(data, 'resolution')
		};
		try {
			await resolveReport(getDb(), actor, Number(values.id), values);
		} catch (e) {
			return refuse(e, values);
		}
		redirect(303, '/bank/reports?done=resolved');
	}
};
