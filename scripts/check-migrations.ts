// Fails when the Drizzle schema and the committed migrations disagree: drizzle-kit generates
// into a scratch copy of drizzle/, and any new file there is a migration nobody committed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';

// drizzle-kit wants a relative --out; .svelte-kit/ is already ignored by git.
const scratch = `.svelte-kit/migration-check-${process.pid}`;
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
try {
	cpSync('drizzle', scratch, { recursive: true });
	const before = new Set(readdirSync(scratch, { recursive: true }).map(String));
	const result = spawnSync(
		process.execPath,
		[
			'node_modules/drizzle-kit/bin.cjs',
			'generate',
			'--dialect=postgresql',
			'--schema=./src/lib/server/db/schema/index.ts',
			`--out=${scratch}`,
			'--name=unsynced'
		],
		{ encoding: 'utf8' }
	);
	if (result.status !== 0 || /error/i.test(result.stderr)) {
		console.error(result.stdout, result.stderr);
		throw new Error('drizzle-kit generate failed');
	}
	const added = readdirSync(scratch, { recursive: true })
		.map(String)
		.filter((f) => !before.has(f) && f.endsWith('.sql'));
	if (added.length > 0) {
		console.error(
			`The schema has changes without a migration (${added.join(', ')}). Run: npm run db:generate`
		);
		process.exitCode = 1;
	} else {
		console.log('migrations: in sync with the schema');
	}
} finally {
	rmSync(scratch, { recursive: true, force: true });
}
