import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { isQuestionType } from '$lib/server/bank/list';
import { describePicked, searchPickable } from '$lib/server/contest/builder-data';
import { ContestDraftError, createContest } from '$lib/server/contest/service';
import { getDb } from '$lib/server/db';
import { topics } from '$lib/server/db/schema/bank';
import type { SessionUser } from '$lib/server/auth/session';
import { isDomainError } from '$lib/server/errors';
import { currentLocale, field } from '$lib/server/forms';
import { translateError } from '$lib/server/i18n';
import { m } from '$lib/paraglide/messages.js';
import {
	emptyBuilder,
	readBuilderForm,
	roundIndex,
	toDraft,
	withoutPick,
	withoutRound,
	withPick,
	withRound,
	type BuilderValues
} from './builder-form';

const roundTitle = (n: number) => m.contest_build_round_default({ n });

/** Everything the page shows for these values: the picked questions and a page of the bank. */
async function builderState(actor: SessionUser, values: BuilderValues) {
	const db = getDb();
	const { search } = values;
	const [picked, results] = await Promise.all([
		describePicked(
			db,
			actor,
			values.rounds.flatMap((r) => r.picks)
		),
		searchPickable(db, actor, {
			text: search.q.trim(),
			topic: (topics as readonly string[]).includes(search.topic) ? search.topic : undefined,
			type: isQuestionType(search.type) ? search.type : undefined,
			page: Math.max(Number(search.page) || 1, 1)
		})
	]);
	return { values, picked: Object.fromEntries(picked), results, topics: [...topics] };
}

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'trainer', 'admin');
	return builderState(actor, emptyBuilder(roundTitle));
};

/** Reads the posted builder, lets `change` edit it, and sends the whole builder back. */
async function rebuild(
	event: RequestEvent,
	change: (values: BuilderValues, data: FormData) => BuilderValues
) {
	const actor = requireRole(event, 'trainer', 'admin');
	const data = await event.request.formData();
	return builderState(actor, change(readBuilderForm(data), data));
}

function pickTarget(data: FormData, name: string): { round: string; id: number } {
	const [round, id] = field(data, name).split(':');
	return { round, id: Number(id) };
}

export const actions: Actions = {
	search: (event) =>
		rebuild(event, (v, data) => ({
			...v,
			search: { ...v.search, page: field(data, 'goto') || '1' }
		})),
	pick: (event) =>
		rebuild(event, (v, data) => {
			const id = Number(field(data, 'pick'));
			return Number.isInteger(id) && id > 0 ? withPick(v, roundIndex(v, v.search.round), id) : v;
		}),
	unpick: (event) =>
		rebuild(event, (v, data) => {
			const { round, id } = pickTarget(data, 'unpick');
			return withoutPick(v, roundIndex(v, round), id);
		}),
	addRound: (event) => rebuild(event, (v) => withRound(v, roundTitle)),
	removeRound: (event) =>
		rebuild(event, (v, data) => withoutRound(v, roundIndex(v, field(data, 'removeRound')))),
	create: async (event) => {
		const actor = requireRole(event, 'trainer', 'admin');
		const values = readBuilderForm(await event.request.formData());
		let created: { id: number; code: string };
		try {
			created = await createContest(getDb(), actor, toDraft(values));
		} catch (e) {
			if (!isDomainError(e)) throw e;
			const errors: Record<string, string> = {};
			for (const p of e instanceof ContestDraftError ? e.problems : []) {
				errors[p.field] ??= translateError(p.code, p.params ?? {}, currentLocale());
			}
			return fail(400, {
				...(await builderState(actor, values)),
				errors,
				message: translateError(e.code, e.params, currentLocale())
			});
		}
		redirect(303, `/contests?created=${created.code}`);
	}
};
