// Demo data for a trainer's laptop or a try-out: a few cities and counties and one account of
// each kind. Never applied to a real PostgreSQL unless asked (`--demo` or npm run demo:seed).
import type { Db } from '../db/client';
import { createUser, getUserByUsername, type Role } from '../accounts/users';
import { loadStarterBank } from '../bank/starter';
import { ensureDefaultBlueprint } from '../drill/exam-blueprints';
import { ensureDemoLocalUnits, ensureReferenceUnits, getUnitByCode } from '../org/units';
import { loadStarterScenarios } from '../scenario/starter';
import { getSetting, setSetting } from '../settings';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_ACCOUNTS: {
	username: string;
	displayName: string;
	role: Role;
	unitCode: string;
	description: string;
}[] = [
	{
		username: 'admin',
		displayName: '系统管理员',
		role: 'admin',
		unitCode: '000000',
		description: '全国管理员 national admin'
	},
	{
		username: 'ln.trainer',
		displayName: '辽宁教练',
		role: 'trainer',
		unitCode: '210000',
		description: '辽宁省 trainer'
	},
	{
		username: 'xj.trainer',
		displayName: '新疆教练',
		role: 'trainer',
		unitCode: '650000',
		description: '新疆 trainer'
	},
	{
		username: 'ln.officer',
		displayName: '张执法',
		role: 'officer',
		unitCode: '210102',
		description: '沈阳市和平区 officer'
	},
	{
		username: 'xj.officer',
		displayName: '阿依古丽',
		role: 'officer',
		unitCode: '653101',
		description: '喀什市 officer'
	},
	{
		username: 'zj.officer',
		displayName: '王监察',
		role: 'officer',
		unitCode: '330106',
		description: '杭州市西湖区 officer'
	}
];

/** Idempotent: fills in whatever part of the demo data is missing. */
export async function seedDemoData(db: Db): Promise<void> {
	await ensureReferenceUnits(db);
	await ensureDemoLocalUnits(db);
	for (const a of DEMO_ACCOUNTS) {
		if (await getUserByUsername(db, a.username)) continue;
		const unitRow = await getUnitByCode(db, a.unitCode);
		if (!unitRow) throw new Error(`demo unit ${a.unitCode} missing`);
		await createUser(db, { ...a, password: DEMO_PASSWORD, unitId: unitRow.id });
	}
	const national = await getUnitByCode(db, '000000');
	if (national) await loadStarterScenarios(db, { unitId: national.id });
	if (national) await loadStarterBank(db, { unitId: national.id });
	await ensureDefaultBlueprint(db);
	await setSetting(db, 'demoSeeded', true);
}

export async function isDemoSeeded(db: Db): Promise<boolean> {
	return getSetting(db, 'demoSeeded');
}
