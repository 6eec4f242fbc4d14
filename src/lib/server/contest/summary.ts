// Reading contests: one contest by id or join code, and who may host it.
import { and, desc, eq, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { ContestStatus, Role } from '../db/schema';
import { STAFF_ROLES } from '../auth/scope';
import type { SessionUser } from '../auth/session';

export interface ContestSummary {
	id: number;
	code: string;
	title: string;
	unitId: number;
	unitPath: string;
	hostId: string | null;
	status: ContestStatus;
	allowGuests: boolean;
	allowLateJoin: boolean;
	createdAt: Date;
}

function summaryQuery(db: Db) {
	return db
		.select({
			id: table.contest.id,
			code: table.contest.code,
			title: table.contest.title,
			unitId: table.contest.unitId,
			unitPath: table.unit.path,
			hostId: table.contest.hostId,
			status: table.contest.status,
			draft: table.contest.draft,
			createdAt: table.contest.createdAt
		})
		.from(table.contest)
		.innerJoin(table.unit, eq(table.contest.unitId, table.unit.id))
		.$dynamic();
}

type SummaryRow = Awaited<ReturnType<typeof summaryQuery>>[number];

function toSummary({ draft, ...row }: SummaryRow): ContestSummary {
	return { ...row, allowGuests: draft.allowGuests, allowLateJoin: draft.allowLateJoin };
}

export async function getContest(db: Db, id: number): Promise<ContestSummary | null> {
	if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) return null;
	const [row] = await summaryQuery(db).where(eq(table.contest.id, id));
	return row ? toSummary(row) : null;
}

/** The live contest with this code, else the latest ended one (so a late visitor learns it ended). */
export async function getContestByCode(db: Db, code: string): Promise<ContestSummary | null> {
	if (!/^\d{6}$/.test(code)) return null;
	const [live] = await summaryQuery(db).where(
		and(eq(table.contest.code, code), ne(table.contest.status, 'ended'))
	);
	if (live) return toSummary(live);
	const [ended] = await summaryQuery(db)
		.where(eq(table.contest.code, code))
		.orderBy(desc(table.contest.createdAt))
		.limit(1);
	return ended ? toSummary(ended) : null;
}

/** Host rights: the creator, and staff of the contest's unit or any unit above it. */
export function canHostContest(
	user: Pick<SessionUser, 'id' | 'role' | 'unitPath'> | null | undefined,
	contest: Pick<ContestSummary, 'hostId' | 'unitPath'>
): boolean {
	if (!user || !STAFF_ROLES.includes(user.role)) return false;
	return contest.hostId === user.id || contest.unitPath.startsWith(user.unitPath);
}

/** canHostContest for callers that know only the user's id, role and unit (socket handlers). */
export async function mayHostContest(
	db: Db,
	user: { id: string; role: Role; unitId: number },
	contestId: number
): Promise<boolean> {
	const contest = await getContest(db, contestId);
	if (!contest) return false;
	const own = alias(table.unit, 'own');
	const [row] = await db.select({ path: own.path }).from(own).where(eq(own.id, user.unitId));
	return !!row && canHostContest({ ...user, unitPath: row.path }, contest);
}
