// `npm run demo:seed`: adds the demo units and accounts to the configured database, including a
// real PostgreSQL (DATABASE_URL), where start-up never adds them on its own.
import { openDatabase } from '../src/lib/server/db/client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '../src/lib/server/demo/seed';

const database = await openDatabase({ url: process.env.DATABASE_URL || undefined });
try {
	await seedDemoData(database.db);
	console.log(`Demo data is in ${database.location}. Sign-ins (password ${DEMO_PASSWORD}):`);
	for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(14)} ${a.description}`);
} finally {
	await database.close();
}
