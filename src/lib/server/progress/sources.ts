// Badges and mastery read tables other parts of the app own (mock exams, review cards,
// scenarios, error reports). This adapter says which of them exist in this database, so a rule
// over a missing table is left out instead of failing the whole page.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { queryRows } from './sql';

export const sourceTables = [
	'drill_exam',
	'review_card',
	'scenario_run',
	'question_report'
] as const;
export type SourceTable = (typeof sourceTables)[number];

// Tables are never dropped while the app runs, so a table once seen is remembered.
const seen = new Set<SourceTable>();

export async function availableSources(db: Db): Promise<Set<SourceTable>> {
	if (seen.size === sourceTables.length) return new Set(seen);
	const [row] = await queryRows<Record<SourceTable, boolean>>(
		db,
		sql.raw(
			`select ${sourceTables
				.map((t) => `to_regclass('public.${t}') is not null as "${t}"`)
				.join(', ')}`
		)
	);
	for (const t of sourceTables) if (row?.[t]) seen.add(t);
	return new Set(seen);
}
