// 纠错: anyone may report an error in a question version they were shown; the owning unit's
// reviewers (staff whose scope holds the question) work through the queue and record what
// they did.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { SessionUser } from '../auth/session';
import { DomainError } from '../errors';
import {
	canEditQuestionAt,
	canViewQuestionAt,
	editScopeSql,
	requireStaff,
	type Actor
} from './scope';

export const MAX_REPORT_TEXT = 1000;
export const REPORT_PAGE_SIZE = 20;
export type ReportResolution = 'fixed' | 'rejected';

function cleanText(raw: string, required: string, tooLong: string): string {
	const text = (raw ?? '').trim();
	if (!text) throw new DomainError(required);
	if (text.length > MAX_REPORT_TEXT) throw new DomainError(tooLong, { max: MAX_REPORT_TEXT });
	return text;
}

/**
 * A version this user could have been shown: any published version for everyone, any version
 * in view scope for staff. Anything else looks like a missing version, so nothing leaks.
 */
export async function getReportableVersion(db: Db, user: SessionUser, versionId: number) {
	if (!Number.isInteger(versionId) || versionId < 1) throw new DomainError('q_version_not_found');
	const [row] = await db
		.select({ version: table.questionVersion, unitPath: table.unit.path })
		.from(table.questionVersion)
		.innerJoin(table.question, eq(table.questionVersion.questionId, table.question.id))
		.innerJoin(table.unit, eq(table.question.unitId, table.unit.id))
		.where(eq(table.questionVersion.id, versionId));
	const visible =
		row && (row.version.publishedAt !== null || canViewQuestionAt(user, row.unitPath));
	if (!visible) throw new DomainError('q_version_not_found');
	return row.version;
}

export async function reportQuestion(
	db: Db,
	user: SessionUser,
	input: { versionId: number; reason: string }
): Promise<number> {
	const reason = cleanText(input.reason, 'q_report_reason_required', 'q_report_reason_too_long');
	const version = await getReportableVersion(db, user, input.versionId);
	const [open] = await db
		.select({ id: table.questionReport.id })
		.from(table.questionReport)
		.where(
			and(
				eq(table.questionReport.versionId, version.id),
				eq(table.questionReport.reporterId, user.id),
				eq(table.questionReport.status, 'open')
			)
		);
	if (open) throw new DomainError('q_report_duplicate');
	const [row] = await db
		.insert(table.questionReport)
		.values({ questionId: version.questionId, versionId: version.id, reporterId: user.id, reason })
		.returning({ id: table.questionReport.id });
	return row.id;
}

/** Reports on questions in the reviewer's scope: open ones first, newest first within each. */
export async function listReports(
	db: Db,
	actor: Actor,
	options: { openOnly?: boolean; page?: number } = {}
) {
	requireStaff(actor);
	const page = Math.max(options.page ?? 1, 1);
	const reporter = alias(table.user, 'reporter');
	const resolver = alias(table.user, 'resolver');
	const where = and(
		editScopeSql(actor),
		options.openOnly ? eq(table.questionReport.status, 'open') : undefined
	);
	const from = () =>
		db
			.select({ total: count() })
			.from(table.questionReport)
			.innerJoin(table.question, eq(table.questionReport.questionId, table.question.id))
			.innerJoin(table.unit, eq(table.question.unitId, table.unit.id));
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				report: table.questionReport,
				version: table.questionVersion.version,
				stem: table.questionVersion.stem,
				currentVersionId: table.question.currentVersionId,
				reporterName: reporter.displayName,
				resolverName: resolver.displayName
			})
			.from(table.questionReport)
			.innerJoin(table.question, eq(table.questionReport.questionId, table.question.id))
			.innerJoin(table.unit, eq(table.question.unitId, table.unit.id))
			.innerJoin(
				table.questionVersion,
				eq(table.questionReport.versionId, table.questionVersion.id)
			)
			.leftJoin(reporter, eq(table.questionReport.reporterId, reporter.id))
			.leftJoin(resolver, eq(table.questionReport.resolvedBy, resolver.id))
			.where(where)
			.orderBy(
				asc(sql`case when ${table.questionReport.status} = 'open' then 0 else 1 end`),
				desc(table.questionReport.createdAt),
				desc(table.questionReport.id)
			)
			.limit(REPORT_PAGE_SIZE)
			.offset((page - 1) * REPORT_PAGE_SIZE),
		from().where(where)
	]);
	return { rows, total, page, pages: Math.max(1, Math.ceil(total / REPORT_PAGE_SIZE)) };
}

export async function resolveReport(
	db: Db,
	actor: Actor,
	id: number,
	input: { status: string; resolution: string }
): Promise<void> {
	requireStaff(actor);
	if (input.status !== 'fixed' && input.status !== 'rejected') {
		throw new DomainError('q_report_status_invalid');
	}
	const resolution = cleanText(
		input.resolution,
		'q_report_resolution_required',
		'q_report_resolution_too_long'
	);
	const [found] = Number.isInteger(id)
		? await db
				.select({ status: table.questionReport.status, unitPath: table.unit.path })
				.from(table.questionReport)
				.innerJoin(table.question, eq(table.questionReport.questionId, table.question.id))
				.innerJoin(table.unit, eq(table.question.unitId, table.unit.id))
				.where(eq(table.questionReport.id, id))
		: [];
	if (!found) throw new DomainError('q_report_not_found');
	if (!canEditQuestionAt(actor, found.unitPath)) throw new DomainError('forbidden');
	const updated = await db
		.update(table.questionReport)
		.set({ status: input.status, resolution, resolvedBy: actor.id, resolvedAt: new Date() })
		.where(and(eq(table.questionReport.id, id), eq(table.questionReport.status, 'open')))
		.returning({ id: table.questionReport.id });
	if (updated.length === 0) throw new DomainError('q_report_already_resolved');
}
