import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { isDomainError } from '$lib/server/errors';
import { currentLocale } from '$lib/server/forms';
import { getRunReview } from '$lib/server/scenario/review';
import { formatTime } from '../../format';

/** A run's every decision with its time: for staff over the player's unit, and the player. */
export const load: PageServerLoad = async (event) => {
	const viewer = requireUser(event);
	let review;
	try {
		review = await getRunReview(getDb(), viewer, Number(event.params.id));
	} catch (e) {
		if (isDomainError(e) && e.code === 'forbidden') error(403, { message: 'forbidden' });
		if (isDomainError(e)) error(404, { message: e.code });
		throw e;
	}
	const locale = currentLocale();
	const { run } = review;
	return {
		player: review.displayName,
		username: review.username,
		unitNameZh: review.unitNameZh,
		unitNameEn: review.unitNameEn,
		scenarioTitle: review.scenarioTitle,
		version: run.scenarioVersion,
		score: run.score,
		started: formatTime(run.startedAt, locale, true),
		finished: run.finishedAt ? formatTime(run.finishedAt, locale, true) : null,
		ending: review.ending,
		steps: review.steps.map(({ decidedAt, ...step }) => ({
			...step,
			time: formatTime(decidedAt, locale, true)
		}))
	};
};
