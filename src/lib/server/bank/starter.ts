// The starter bank (src/lib/server/bank/starter/questions-*.json) goes through the same
// import pipeline as any JSON file: validated, statuses taken from the file, questions whose
// stem is already in the bank skipped, so loading it again changes nothing. The files are
// imported as modules so that they are bundled into the built server.
import type { Db } from '../db/client';
import { ImportBlockedError, commitImport } from './io/import';
import { readBankJson } from './io/json';
import law from './starter/questions-law.json';
import practice from './starter/questions-practice.json';

/** Every starter question file; a test checks that none in the folder is missing here. */
export const STARTER_FILES: Record<string, unknown> = {
	'questions-law.json': law,
	'questions-practice.json': practice
};

export async function loadStarterBank(
	db: Db,
	{ unitId }: { unitId: number }
): Promise<{ imported: number; skipped: number }> {
	let imported = 0;
	let skipped = 0;
	for (const [name, data] of Object.entries(STARTER_FILES)) {
		const parsed = { format: 'json' as const, items: readBankJson(data) };
		try {
			const result = await commitImport(
				db,
				parsed,
				{ status: 'file' },
				{ unitId, authorId: null },
				null
			);
			imported += result.imported;
			skipped += result.check.duplicates;
		} catch (e) {
			if (!(e instanceof ImportBlockedError)) throw e;
			const first = e.check.problems.filter((p) => p.severity === 'error').slice(0, 5);
			const list = first
				.map((p) => `question ${p.position} ${p.field ?? ''}: ${p.code}`)
				.join('; ');
			throw new Error(`starter bank ${name} does not validate: ${list}`);
		}
	}
	return { imported, skipped };
}
