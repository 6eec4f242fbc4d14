import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { isDomainError } from '$lib/server/errors';
import { failFromError, field } from '$lib/server/forms';
import { decide, startRun } from '$lib/server/scenario/runs';
import { canPlay, getScenarioBySlug } from '$lib/server/scenario/store';
import { playView } from '$lib/server/scenario/view';
import type { SessionUser } from '$lib/server/auth/session';

/** A published scenario this user may play; anything else is "not found" to them. */
async function playable(user: SessionUser, slug: string) {
	const scenario = await getScenarioBySlug(getDb(), slug);
	if (!scenario || !canPlay(user, scenario)) error(404, { message: 'scn_not_found' });
	return scenario;
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const scenario = await playable(user, event.params.slug);
	return {
		scenario: {
			slug: scenario.slug,
			title: scenario.title,
			summary: scenario.summary,
			topic: scenario.topic,
			difficulty: scenario.difficulty
		},
		view: await playView(getDb(), user, scenario)
	};
};

const STATUS: Record<string, number> = { scn_run_not_yours: 403, scn_run_not_found: 404 };

export const actions: Actions = {
	/** Starts a run, or resumes the unfinished one; after an ending, starts afresh. */
	start: async (event) => {
		const user = requireUser(event);
		const scenario = await playable(user, event.params.slug);
		try {
			await startRun(getDb(), user, scenario);
		} catch (e) {
			return failFromError(e, {});
		}
		redirect(303, `/scenarios/${scenario.slug}/play`);
	},
	decide: async (event) => {
		const user = requireUser(event);
		const scenario = await playable(user, event.params.slug);
		const data = await event.request.formData();
		try {
			await decide(getDb(), user, {
				runId: Number(field(data, 'run')),
				nodeId: field(data, 'node') || undefined,
				choiceId: field(data, 'choice')
			});
		} catch (e) {
			return failFromError(e, {}, isDomainError(e) ? (STATUS[e.code] ?? 400) : 400);
		}
		redirect(303, `/scenarios/${scenario.slug}/play`);
	}
};
