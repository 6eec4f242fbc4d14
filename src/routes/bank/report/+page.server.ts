// The 纠错 endpoint for every signed-in user, officers included. The page itself only shows
// when a report submitted without JavaScript needs correcting.
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getReportableVersion, reportQuestion } from '$lib/server/bank/reports';
import { getDb } from '$lib/server/db';
import { isDomainError } from '$lib/server/errors';
import { failFromError, field, safeNextPath } from '$lib/server/forms';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const params = event.url.searchParams;
	try {
		const version = await getReportableVersion(getDb(), user, Number(params.get('version')));
		return {
			version: { id: version.id, version: version.version, stem: version.stem },
			next: safeNextPath(params.get('next'))
		};
	} catch (e) {
		if (isDomainError(e)) error(404, { message: e.code });
		throw e;
	}
};

function withReported(next: string, versionId: number): string {
	const url = new URL(next, 'http://localhost');
	url.searchParams.set('reported', String(versionId));
	return url.pathname + url.search + url.hash;
}

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const data = await event.request.formData();
		const values = {
			versionId: field(data, 'versionId'),
			next: safeNextPath(field(data, 'next')),
			reason: field(data, 'reason')
		};
		const versionId = Number(values.versionId);
		try {
			await reportQuestion(getDb(), user, { versionId, reason: values.reason });
		} catch (e) {
			if (isDomainError(e) && e.code === 'q_version_not_found') error(404, { message: e.code });
			return failFromError(e, values);
		}
		redirect(303, withReported(values.next, versionId));
	}
};
