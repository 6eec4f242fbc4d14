import type { RequestHandler } from './$types';
import { exportResultsXlsx } from '$lib/server/contest/service';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/forms';
import { requireContestResults } from '../access';

/** The results workbook: standings, teams, question statistics and every answer. */
export const GET: RequestHandler = async (event) => {
	const { contest } = await requireContestResults(event);
	const body = await exportResultsXlsx(getDb(), contest.id, currentLocale());
	const date = new Date().toISOString().slice(0, 10);
	return new Response(body as Uint8Array<ArrayBuffer>, {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="lianbing-contest-${contest.code}-${date}.xlsx"`
		}
	});
};
