import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { failFromError, failWithCode, field } from '$lib/server/forms';
import { chinaDayKey } from '$lib/server/progress/china-time';
import { grantDutyDays, listDutyDays, revokeDutyDay } from '$lib/server/progress/duty';

function positiveInt(value: string | null): number | undefined {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : undefined;
}

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'trainer', 'admin');
	const params = event.url.searchParams;
	const q = (params.get('q') ?? '').trim().slice(0, 64);
	const result = await listDutyDays(getDb(), {
		rootPath: actor.unitPath,
		search: q,
		page: positiveInt(params.get('page')) ?? 1
	});
	return { q, today: chinaDayKey(new Date()), ...result };
};

export const actions: Actions = {
	grant: async (event) => {
		const actor = requireRole(event, 'trainer', 'admin');
		const data = await event.request.formData();
		const values = {
			username: field(data, 'username').trim(),
			from: field(data, 'from'),
			to: field(data, 'to') || field(data, 'from'),
			kind: field(data, 'kind'),
			note: field(data, 'note')
		};
		try {
			const granted = await grantDutyDays(getDb(), actor, values);
			return { granted: { name: granted.displayName, days: granted.days } };
		} catch (e) {
			return failFromError(e, values);
		}
	},
	revoke: async (event) => {
		const actor = requireRole(event, 'trainer', 'admin');
		const id = positiveInt(field(await event.request.formData(), 'id'));
		if (!id) return failWithCode('progress_duty_not_found', {});
		try {
			await revokeDutyDay(getDb(), actor, id);
			return { revoked: true };
		} catch (e) {
			return failFromError(e, {});
		}
	}
};
