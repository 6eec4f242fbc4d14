// Question bank files from the command line, on the configured database (DATABASE_URL, or the
// embedded one in DATA_DIR). Exit code 0 when all is well, 1 when the file (or a value) is
// refused, with the same row-level messages as the import page, 2 for a usage error.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, type Db } from '../src/lib/server/db/client';
import { questionStatuses, topics } from '../src/lib/server/db/schema/bank';
import { isDomainError } from '../src/lib/server/errors';
import { translateError, type Locale } from '../src/lib/server/i18n';
import { ensureReferenceUnits, getUnitByCode } from '../src/lib/server/org/units';
import { NATIONAL_UNIT } from '../src/lib/server/org/reference-units';
import type { ImportCheck, ImportOptions } from '../src/lib/server/bank/io/check';
import { describeProblem } from '../src/lib/server/bank/io/describe';
import { exportBank, type ExportFilter } from '../src/lib/server/bank/io/export';
import { checkImport, commitImport, ImportBlockedError } from '../src/lib/server/bank/io/import';
import { parseQuestionFile } from '../src/lib/server/bank/io/parse';
import { bankFormats, type BankFormat } from '../src/lib/server/bank/io/types';

const USAGE = `Usage:
  npm run bank -- validate FILE [GIFT options]
  npm run bank -- import FILE [--publish | --keep-status] [--unit CODE] [--keep-units]
                   [--skip-unsupported] [--allow-duplicates] [GIFT options]
  npm run bank -- export --format xlsx|csv|gift|json [--out FILE] [--status all|active|draft|in_review|published|retired]
GIFT options: --topic 专题 --difficulty 1-5 (for questions that name none).
Files: .xlsx, .csv, .gift/.txt (GIFT), .json (lianbing-bank). Imports are drafts unless --publish
(published at once) or --keep-status (the status written in a JSON file). Questions whose stem
is already in the bank are skipped unless --allow-duplicates. --lang en prints English.`;

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		publish: { type: 'boolean' },
		'keep-status': { type: 'boolean' },
		'keep-units': { type: 'boolean' },
		unit: { type: 'string' },
		'skip-unsupported': { type: 'boolean' },
		'allow-duplicates': { type: 'boolean' },
		topic: { type: 'string' },
		difficulty: { type: 'string' },
		format: { type: 'string' },
		out: { type: 'string' },
		status: { type: 'string' },
		lang: { type: 'string' },
		help: { type: 'boolean', short: 'h' }
	}
});
const locale: Locale = values.lang === 'en' ? 'en' : 'zh-CN';

class UsageError extends Error {}

function importOptions(): ImportOptions {
	const difficulty = values.difficulty === undefined ? undefined : Number(values.difficulty);
	if (values.topic !== undefined && !(topics as readonly string[]).includes(values.topic)) {
		throw new UsageError(`--topic must be one of ${topics.join(', ')}`);
	}
	if (
		difficulty !== undefined &&
		!(Number.isInteger(difficulty) && difficulty >= 1 && difficulty <= 5)
	) {
		throw new UsageError('--difficulty must be 1 to 5');
	}
	if (values.publish && values['keep-status'])
		throw new UsageError('use --publish or --keep-status, not both');
	return {
		status: values.publish ? 'published' : values['keep-status'] ? 'file' : 'draft',
		topic: values.topic,
		difficulty,
		skipUnsupported: values['skip-unsupported'],
		importDuplicates: values['allow-duplicates']
	};
}

function report(check: ImportCheck): void {
	check.problems.forEach((p, i) => {
		const d = describeProblem(p, i, check.format, locale);
		const skip = values['skip-unsupported'] ? 'SKIPPED' : 'REFUSED';
		const marks = { error: 'ERROR', unsupported: skip, duplicate: 'DUPLICATE', note: 'NOTE' };
		const mark = marks[d.severity];
		console.error(`${mark.padEnd(9)} ${d.where}${d.field ? ` [${d.field}]` : ''}: ${d.reason}`);
	});
	console.error(
		`${check.total} questions read: ${check.ready.length} to import, ${check.invalid} invalid, ` +
			`${check.unsupported} of unsupported kinds, ${check.duplicates} duplicates, ` +
			`${check.needsLegalBasis} without legal basis (imported as drafts tagged 待补法律依据).`
	);
}

async function readFile(file: string | undefined) {
	if (!file) throw new UsageError('give the file to read');
	return parseQuestionFile(new Uint8Array(readFileSync(file)), path.basename(file));
}

async function unitIdsByCode(db: Db): Promise<Map<string, number>> {
	const rows = await db.query.unit.findMany({ columns: { id: true, code: true } });
	return new Map(rows.map((u) => [u.code, u.id]));
}

type Job = (db: Db) => Promise<number>;

async function importJob(): Promise<Job> {
	const options = importOptions();
	const parsed = await readFile(positionals[1]);
	return async (db) => {
		const owner = await getUnitByCode(db, values.unit ?? NATIONAL_UNIT.code);
		if (!owner) throw new UsageError(`no unit with code ${values.unit}`);
		const units = values['keep-units'] ? await unitIdsByCode(db) : undefined;
		try {
			const { imported, check } = await commitImport(
				db,
				parsed,
				options,
				{ unitId: owner.id, authorId: null, unitIdsByCode: units },
				null,
				(done, total) => total > 200 && console.error(`… ${done}/${total}`)
			);
			report(check);
			console.log(`Imported ${imported} questions into ${owner.nameZh} (${owner.code}).`);
			return 0;
		} catch (e) {
			if (!(e instanceof ImportBlockedError)) throw e;
			report(e.check);
			console.error(translateError(e.code, e.params, locale));
			return 1;
		}
	};
}

function exportJob(): Job {
	const format = values.format as BankFormat;
	if (!bankFormats.includes(format))
		throw new UsageError('--format must be xlsx, csv, gift or json');
	const status = (values.status ?? 'all') as ExportFilter['status'];
	if (!['all', 'active', ...questionStatuses].includes(status))
		throw new UsageError('unknown --status');
	return async (db) => {
		const file = await exportBank(db, format, { scope: null, status });
		if (values.out) writeFileSync(values.out, file.body);
		else process.stdout.write(file.body);
		const skipped = file.skipped
			? `; ${file.skipped} ordering questions left out (GIFT has none)`
			: '';
		console.error(`Exported ${file.count} questions${skipped}.`);
		return 0;
	};
}

/** Checks the arguments and reads the file before the database is opened. */
async function prepare(command: string): Promise<Job> {
	if (command === 'validate') {
		const options = importOptions();
		const parsed = await readFile(positionals[1]);
		return async (db) => {
			const check = await checkImport(db, parsed, options, null);
			report(check);
			return check.blocked ? 1 : 0;
		};
	}
	if (command === 'import') return importJob();
	if (command === 'export') return exportJob();
	throw new UsageError(`unknown command ${command}`);
}

async function main(): Promise<number> {
	const command = positionals[0];
	if (values.help || !command) {
		console.log(USAGE);
		return command ? 0 : 2;
	}
	const job = await prepare(command);
	const database = await openDatabase({ url: process.env.DATABASE_URL || undefined });
	try {
		await ensureReferenceUnits(database.db);
		return await job(database.db);
	} finally {
		await database.close();
	}
}

main().then(
	(code) => process.exit(code),
	(e) => {
		if (e instanceof UsageError) {
			console.error(`${e.message}\n\n${USAGE}`);
			process.exit(2);
		}
		console.error(
			isDomainError(e) ? translateError(e.code, e.params, locale) : (e as Error).message
		);
		process.exit(1);
	}
);
