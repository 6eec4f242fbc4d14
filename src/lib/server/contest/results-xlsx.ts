// The results as an Excel workbook: standings, teams (team play only), per-question statistics
// and every answer, with headers in the reader's language (Chinese by default).
import ExcelJS from 'exceljs';
import * as m from '../../paraglide/messages.js';
import type { Db } from '../db/client';
import { DomainError } from '../errors';
import type { Locale } from '../i18n';
import { getResults } from './results';
import type { AnswerKey } from '../db/schema/bank';

type Label = (inputs: Record<string, never>, options: { locale: Locale }) => string;

function addSheet(
	workbook: ExcelJS.Workbook,
	name: string,
	columns: [Label, number][],
	rows: (string | number | null)[][],
	locale: Locale
): void {
	const sheet = workbook.addWorksheet(name);
	sheet.columns = columns.map(([label, width]) => ({ header: label({}, { locale }), width }));
	sheet.addRows(rows);
	sheet.getRow(1).font = { bold: true };
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export function formatResponse(value: string | boolean, locale: Locale): string {
	if (typeof value === 'boolean') {
		return value ? m.contest_results_true({}, { locale }) : m.contest_results_false({}, { locale });
	}
	return value;
}

export function formatKey(key: AnswerKey, locale: Locale): string {
	return Array.isArray(key) ? key.join(' | ') : formatResponse(key, locale);
}

export function distributionLabel(label: string, locale: Locale): string {
	const L = { locale };
	if (label === 'true') return m.contest_results_true({}, L);
	if (label === 'false') return m.contest_results_false({}, L);
	if (label === 'right') return m.contest_results_right({}, L);
	if (label === 'wrong') return m.contest_results_wrong({}, L);
	return label;
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);

export async function exportResultsXlsx(
	db: Db,
	contestId: number,
	locale: Locale = 'zh-CN'
): Promise<Uint8Array> {
	const results = await getResults(db, contestId);
	if (!results) throw new DomainError('contest_not_found');
	const workbook = new ExcelJS.Workbook();
	const L = { locale };
	const kind = (guest: boolean) =>
		guest ? m.contest_results_guest({}, L) : m.contest_results_officer({}, L);
	addSheet(
		workbook,
		m.contest_results_sheet_standings({}, L),
		[
			[m.contest_results_rank, 8],
			[m.contest_results_name, 18],
			[m.contest_results_id_field, 18],
			[m.contest_results_kind, 10],
			[m.contest_results_team, 14],
			[m.contest_results_score, 10],
			[m.contest_results_correct, 8],
			[m.contest_results_answered, 8]
		],
		results.standings.map((s) => [
			s.rank ?? m.contest_results_removed({}, L),
			s.name,
			s.idField,
			kind(s.guest),
			s.teamName,
			s.score,
			s.correctCount,
			s.answered
		]),
		locale
	);
	if (results.teams.length > 0) {
		addSheet(
			workbook,
			m.contest_results_sheet_teams({}, L),
			[
				[m.contest_results_rank, 8],
				[m.contest_results_team, 18],
				[m.contest_results_members, 8],
				[m.contest_results_score, 10]
			],
			results.teams.map((t) => [t.rank, t.name, t.members, t.score]),
			locale
		);
	}
	addSheet(
		workbook,
		m.contest_results_sheet_questions({}, L),
		[
			[m.contest_results_question_no, 6],
			[m.contest_results_round, 12],
			[m.contest_results_stem, 48],
			[m.contest_results_key, 12],
			[m.contest_results_answered, 8],
			[m.contest_results_percent, 10],
			[m.contest_results_mean_time, 12],
			[m.contest_results_distribution, 30]
		],
		results.questions.map((q) => [
			q.number,
			q.roundTitle,
			q.question.stem,
			formatKey(q.question.key, locale),
			q.answered,
			q.percentCorrect,
			seconds(q.meanMs),
			q.distribution.map((d) => `${distributionLabel(d.label, locale)}: ${d.count}`).join('  ')
		]),
		locale
	);
	const numberOf = new Map(results.questions.map((q) => [`${q.round}:${q.index}`, q.number]));
	addSheet(
		workbook,
		m.contest_results_sheet_answers({}, L),
		[
			[m.contest_results_name, 18],
			[m.contest_results_id_field, 18],
			[m.contest_results_question_no, 6],
			[m.contest_results_response, 14],
			[m.contest_results_result, 8],
			[m.contest_results_points, 8],
			[m.contest_results_time, 10]
		],
		results.standings.flatMap((s) =>
			(results.answersOf.get(s.contestantId) ?? []).map((a) => [
				s.name,
				s.idField,
				numberOf.get(`${a.round}:${a.index}`) ?? null,
				formatResponse(a.response, locale),
				a.correct ? m.contest_results_right({}, L) : m.contest_results_wrong({}, L),
				a.points,
				seconds(a.elapsedMs)
			])
		),
		locale
	);
	return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
