// What a phone needs to know about a contest before joining it: whether it takes guests, is
// still open, and which teams there are to choose from.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { getContestByCode, type ContestSummary } from './service';
import type { ContestConfig, ContestTeam } from './types';

export interface JoinInfo {
	id: number;
	code: string;
	title: string;
	status: ContestSummary['status'];
	allowGuests: boolean;
	allowLateJoin: boolean;
	teams: ContestTeam[];
}

export async function getJoinInfo(db: Db, code: string): Promise<JoinInfo | null> {
	const summary = await getContestByCode(db, code);
	if (!summary) return null;
	// Teams as the log's first event set them up (the ids players send back).
	const [created] = await db
		.select({ payload: table.contestEvent.payload })
		.from(table.contestEvent)
		.where(and(eq(table.contestEvent.contestId, summary.id), eq(table.contestEvent.seq, 1)));
	const config = (created?.payload as { config?: ContestConfig } | undefined)?.config;
	return {
		id: summary.id,
		code: summary.code,
		title: summary.title,
		status: summary.status,
		allowGuests: summary.allowGuests,
		allowLateJoin: summary.allowLateJoin,
		teams: config?.teams ?? []
	};
}
