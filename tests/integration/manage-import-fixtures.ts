// Files and accounts shared by the import progress and streaming tests.
import type { Db } from '../../src/lib/server/db/client';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { createUnit, getUnitByCode } from '../../src/lib/server/org/units';
import { parseAccountFile, type RawRow } from '../../src/lib/server/accounts/import-parse';
import { makeUser } from '../helpers/events';

export const HEADER = '用户名,姓名,角色,单位代码,初始密码';

/** A CSV of `count` good officer rows (`p.1`, `p.2`, …) for the unit with this code. */
export function officersCsv(count: number, unitCode = '210100', prefix = 'p'): string {
	const rows = Array.from(
		{ length: count },
		(_, i) => `${prefix}.${i + 1},队员${i + 1},执法队员,${unitCode},Init-pass${i + 1}`
	);
	return [HEADER, ...rows].join('\n');
}

export function csvFile(text: string, name = 'accounts.csv'): File {
	return new File([new TextEncoder().encode(text)], name, { type: 'text/csv' });
}

export async function rowsOf(text: string): Promise<RawRow[]> {
	return (await parseAccountFile(new TextEncoder().encode(text), 'accounts.csv')).rows;
}

/** Adds Shenyang under Liaoning and returns a Liaoning provincial trainer. */
export async function liaoningTrainer(db: Db): Promise<SessionUser> {
	const liaoning = (await getUnitByCode(db, '210000'))!;
	await createUnit(db, {
		code: '210100',
		parentId: liaoning.id,
		level: 'city',
		nameZh: '沈阳市',
		nameEn: 'Shenyang'
	});
	return makeUser(db, 'ln.trainer', 'trainer', '210000');
}

export async function countUsers(db: Db): Promise<number> {
	return (await db.query.user.findMany({ columns: { id: true } })).length;
}
