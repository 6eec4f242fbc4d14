// The XP ledger as the officer sees it: every grant with its reason, newest first, paged.
import { count, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';

export async function xpLedger(db: Db, userId: string, page = 1, pageSize = 20) {
	const size = Math.min(Math.max(pageSize, 1), 100);
	const current = Math.max(page, 1);
	const where = eq(table.xpEvent.userId, userId);
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				id: table.xpEvent.id,
				at: table.xpEvent.at,
				mode: table.xpEvent.mode,
				reason: table.xpEvent.reason,
				amount: table.xpEvent.amount,
				questionId: table.xpEvent.questionId
			})
			.from(table.xpEvent)
			.where(where)
			.orderBy(desc(table.xpEvent.at), desc(table.xpEvent.id))
			.limit(size)
			.offset((current - 1) * size),
		db.select({ total: count() }).from(table.xpEvent).where(where)
	]);
	return { rows, total, page: current, pages: Math.max(1, Math.ceil(total / size)) };
}
