import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { isMonthKey } from '$lib/server/progress/china-time';
import { MIN_RIVALS, zoneSizes, COHORT_SIZE } from '$lib/server/progress/league-rules';
import { MASTERED } from '$lib/server/progress/mastery';
import { progressOverview } from '$lib/server/progress/overview';
import { MAX_FREEZES, STREAK_MIN_ANSWERS } from '$lib/server/progress/streak';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const month = event.url.searchParams.get('month') ?? '';
	return {
		overview: await progressOverview(
			getDb(),
			user.id,
			new Date(),
			isMonthKey(month) ? month : undefined
		),
		rules: {
			maxFreezes: MAX_FREEZES,
			minAnswers: STREAK_MIN_ANSWERS,
			mastered: MASTERED,
			minRivals: MIN_RIVALS,
			fullZones: zoneSizes(COHORT_SIZE)
		}
	};
};
