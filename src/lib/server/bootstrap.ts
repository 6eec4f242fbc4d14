// What happens once per process start, after migrations: reference data, demo data on the
// embedded database, and the one-time first-admin token on an empty real deployment.
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { sql } from 'drizzle-orm';
import type { Database } from './db/client';
import { countAdmins } from './accounts/users';
import { sessionIdFromToken } from './auth/session';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isDemoSeeded, seedDemoData } from './demo/seed';
import { log } from './log';
import { ensureReferenceUnits } from './org/units';
import { setSetting } from './settings';

const BOOTSTRAP_LOCK_ID = 741_852_964;

export interface StartupInfo {
	database: string;
	demoAccounts: { username: string; description: string }[];
	demoPassword?: string;
	setupPath?: string;
}

export function wantsDemoData(
	kind: Database['kind'],
	argv = process.argv,
	env = process.env
): boolean {
	if (argv.includes('--demo') || env.DEMO_DATA === 'on') return true;
	if (env.DEMO_DATA === 'off') return false;
	return kind === 'pglite';
}

export async function bootstrap(
	database: Database,
	options: { demo?: boolean } = {}
): Promise<StartupInfo> {
	const { db, kind } = database;
	const info: StartupInfo = {
		database: `${kind === 'pglite' ? 'embedded PGlite at' : 'PostgreSQL'} ${database.location}`,
		demoAccounts: []
	};
	const demo = options.demo ?? wantsDemoData(kind);
	// Several app processes may start at once: one at a time creates the reference data.
	await db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK_ID})`);
		await ensureReferenceUnits(tx);
		if (demo && !(await isDemoSeeded(tx))) {
			await seedDemoData(tx);
			log.info('demo data seeded');
		}
	});
	if (demo) {
		info.demoAccounts = DEMO_ACCOUNTS;
		info.demoPassword = DEMO_PASSWORD;
	}
	if ((await countAdmins(db)) === 0) {
		const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
		await setSetting(db, 'setupTokenHash', sessionIdFromToken(token));
		info.setupPath = `/setup?token=${token}`;
		log.warn('no admin account yet: open the setup link printed below', {
			setupPath: info.setupPath
		});
	}
	return info;
}
