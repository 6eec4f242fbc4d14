// The contests a staff member may host or review: those of their unit and the units below it,
// newest first, paged, with how many contestants joined.
import { and, count, desc, eq, like, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { contestStatuses, type ContestStatus } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { escapeLike, isStaff } from '../bank/scope';
import { DomainError } from '../errors';

export function isContestStatus(value: unknown): value is ContestStatus {
	return typeof value === 'string' && (contestStatuses as readonly string[]).includes(value);
}

export interface ContestListQuery {
	status?: ContestStatus;
	page?: number;
	pageSize?: number;
}

export async function listContests(db: Db, actor: SessionUser, q: ContestListQuery = {}) {
	if (!isStaff(actor)) throw new DomainError('forbidden');
	const pageSize = Math.min(Math.max(q.pageSize ?? 20, 1), 100);
	const page = Math.max(q.page ?? 1, 1);
	const filters: SQL[] = [like(table.unit.path, `${escapeLike(actor.unitPath)}%`)];
	if (q.status) filters.push(eq(table.contest.status, q.status));
	const where = and(...filters);
	const host = alias(table.user, 'host');
	const joined = db
		.select({ n: count() })
		.from(table.contestContestant)
		.where(eq(table.contestContestant.contestId, table.contest.id));
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				id: table.contest.id,
				code: table.contest.code,
				title: table.contest.title,
				status: table.contest.status,
				createdAt: table.contest.createdAt,
				endedAt: table.contest.endedAt,
				unitNameZh: table.unit.nameZh,
				unitNameEn: table.unit.nameEn,
				hostName: host.displayName,
				contestants: sql<number>`(${joined})`.mapWith(Number)
			})
			.from(table.contest)
			.innerJoin(table.unit, eq(table.contest.unitId, table.unit.id))
			.leftJoin(host, eq(table.contest.hostId, host.id))
			.where(where)
			.orderBy(desc(table.contest.createdAt), desc(table.contest.id))
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		db
			.select({ total: count() })
			.from(table.contest)
			.innerJoin(table.unit, eq(table.contest.unitId, table.unit.id))
			.where(where)
	]);
	return { rows, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}
