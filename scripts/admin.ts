// Admin command line, on the configured database (DATABASE_URL, or the embedded one in DATA_DIR):
//   npm run admin -- create --username NAME --name 姓名 [--password P] [--unit CODE] [--role admin|trainer|officer]
//   npm run admin -- reset-password --username NAME [--password P]
//   npm run admin -- list-admins
import { parseArgs } from 'node:util';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/client';
import * as table from '../src/lib/server/db/schema';
import {
	createUser,
	getUserByUsername,
	isRole,
	checkNewPassword
} from '../src/lib/server/accounts/users';
import { hashPassword } from '../src/lib/server/auth/password';
import { invalidateUserSessions } from '../src/lib/server/auth/session';
import { isDomainError } from '../src/lib/server/errors';
import { translateError } from '../src/lib/server/i18n';
import { ensureReferenceUnits, getUnitByCode } from '../src/lib/server/org/units';
import { NATIONAL_UNIT } from '../src/lib/server/org/reference-units';

const USAGE = `Usage:
  npm run admin -- create --username NAME --name 姓名 [--password P] [--unit CODE] [--role admin|trainer|officer]
  npm run admin -- reset-password --username NAME [--password P]
  npm run admin -- list-admins
Without --password a strong random password is generated and printed once.`;

function randomPassword(): string {
	return `Lb-${encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)))}`;
}

async function main(): Promise<number> {
	const { positionals, values } = parseArgs({
		allowPositionals: true,
		options: {
			username: { type: 'string' },
			name: { type: 'string' },
			password: { type: 'string' },
			unit: { type: 'string' },
			role: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});
	const command = positionals[0];
	if (values.help || !command) {
		console.log(USAGE);
		return command ? 0 : 2;
	}
	const database = await openDatabase({ url: process.env.DATABASE_URL || undefined });
	const { db } = database;
	try {
		await ensureReferenceUnits(db);
		if (command === 'create') {
			if (!values.username) throw new Error('--username is required');
			const role = values.role ?? 'admin';
			if (!isRole(role)) throw new Error(`--role must be admin, trainer or officer`);
			const unitRow = await getUnitByCode(db, values.unit ?? NATIONAL_UNIT.code);
			if (!unitRow) throw new Error(`no unit with code ${values.unit}`);
			const password = values.password ?? randomPassword();
			const created = await createUser(db, {
				username: values.username,
				displayName: values.name ?? values.username,
				password,
				role,
				unitId: unitRow.id
			});
			console.log(
				`Created ${created.role} ${created.username} in ${unitRow.nameZh} (${unitRow.code}).`
			);
			if (!values.password) console.log(`Password (shown once): ${password}`);
		} else if (command === 'reset-password') {
			const found = values.username ? await getUserByUsername(db, values.username) : undefined;
			if (!found) throw new Error(`no account ${values.username ?? '(give --username)'}`);
			const password = values.password ?? randomPassword();
			checkNewPassword(password);
			await db
				.update(table.user)
				.set({ passwordHash: await hashPassword(password), passwordChangedAt: new Date() })
				.where(eq(table.user.id, found.id));
			await invalidateUserSessions(db, found.id);
			console.log(`Password of ${found.username} reset; all its sessions were signed out.`);
			if (!values.password) console.log(`New password (shown once): ${password}`);
		} else if (command === 'list-admins') {
			const admins = await db
				.select({
					username: table.user.username,
					name: table.user.displayName,
					unit: table.unit.nameZh
				})
				.from(table.user)
				.innerJoin(table.unit, eq(table.user.unitId, table.unit.id))
				.where(eq(table.user.role, 'admin'));
			for (const a of admins) console.log(`${a.username}\t${a.name}\t${a.unit}`);
			if (admins.length === 0) console.log('No admin accounts yet.');
		} else {
			console.error(USAGE);
			return 2;
		}
		return 0;
	} finally {
		await database.close();
	}
}

main().then(
	(code) => process.exit(code),
	(e) => {
		console.error(
			isDomainError(e) ? translateError(e.code, e.params, 'zh-CN') : (e as Error).message
		);
		process.exit(1);
	}
);
