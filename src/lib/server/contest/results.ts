// Reading a contest's results from the database: the contestants, the stored answers and the
// removals recorded in the log, summarised by results-summary.ts. Kept after the contest ends.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { summariseResults, type ResultsSummary } from './results-summary';
import { getContest, type ContestSummary } from './summary';
import type { ContestConfig } from './types';

export interface ContestResults extends ResultsSummary {
	contest: ContestSummary & { endedAt: Date | null; config: ContestConfig | null };
}

export async function getResults(db: Db, contestId: number): Promise<ContestResults | null> {
	const summary = await getContest(db, contestId);
	if (!summary) return null;
	const [[row], people, answers, kicks] = await Promise.all([
		db
			.select({ config: table.contest.config, endedAt: table.contest.endedAt })
			.from(table.contest)
			.where(eq(table.contest.id, contestId)),
		db
			.select()
			.from(table.contestContestant)
			.where(eq(table.contestContestant.contestId, contestId))
			.orderBy(asc(table.contestContestant.joinedAt)),
		db.select().from(table.contestAnswer).where(eq(table.contestAnswer.contestId, contestId)),
		db
			.select({ payload: table.contestEvent.payload })
			.from(table.contestEvent)
			.where(
				and(eq(table.contestEvent.contestId, contestId), eq(table.contestEvent.type, 'kicked'))
			)
	]);
	const kicked = new Set(kicks.map((k) => (k.payload as { contestantId: string }).contestantId));
	const contestants = people.map((p) => ({
		contestantId: p.contestantId,
		name: p.name,
		idField: p.idField,
		teamId: p.teamId,
		guest: p.userId === null && p.guestTokenHash !== null,
		kicked: kicked.has(p.contestantId)
	}));
	return {
		contest: { ...summary, endedAt: row.endedAt, config: row.config },
		...summariseResults(row.config, contestants, answers)
	};
}
