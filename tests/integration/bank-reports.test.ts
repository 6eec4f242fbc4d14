import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import * as table from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { createQuestion, updateQuestion } from '../../src/lib/server/bank/questions';
import { publishQuestion, submitForReview } from '../../src/lib/server/bank/workflow';
import { listReports, reportQuestion, resolveReport } from '../../src/lib/server/bank/reports';
import * as report from '../../src/routes/bank/report/+page.server';
import * as reports from '../../src/routes/bank/reports/+page.server';
import { sample } from './bank-fixtures';

type Failure = { status: number; data: { code: string; message: string; values: unknown } };
const failure = (r: Awaited<ReturnType<typeof outcome>>) => (r as { value: Failure }).value;

let t: TestDatabase;
let author: SessionUser;
let reviewer: SessionUser;
let officer: SessionUser;
let outsider: SessionUser;
beforeAll(async () => {
	t = await openTestDatabase();
	useDatabase(t);
});
afterAll(async () => {
	await t?.close();
});
beforeEach(async () => {
	await t.reset();
	author = await makeUser(t.db, 'ln-author', 'trainer', '210000');
	reviewer = await makeUser(t.db, 'ln-reviewer', 'admin', '210000');
	officer = await makeUser(t.db, 'sc-officer', 'officer', '510000');
	outsider = await makeUser(t.db, 'js-trainer', 'trainer', '320000');
});

/** A published question of Liaoning; returns its id and the id of the version shown. */
async function publishedQuestion(stem = sample().stem) {
	const id = await createQuestion(t.db, author, sample({ stem }));
	await submitForReview(t.db, author, id);
	await publishQuestion(t.db, reviewer, id);
	const [q] = await t.db.select().from(table.question).where(eq(table.question.id, id));
	return { id, versionId: q.currentVersionId! };
}

function postReport(user: SessionUser | null, form: Record<string, string>) {
	return outcome(() => report.actions.default(fakeEvent({ user, url: '/bank/report', form })));
}

describe('reporting an error (any signed-in user)', () => {
	it('lets an officer of any unit report a published version and returns to the page', async () => {
		const { id, versionId } = await publishedQuestion();
		const result = await postReport(officer, {
			versionId: String(versionId),
			next: '/drill?round=2',
			reason: '法条已修订，答案应更新。'
		});
		expect(result).toMatchObject({
			kind: 'redirect',
			status: 303,
			location: `/drill?round=2&reported=${versionId}`
		});
		const rows = await t.db.select().from(table.questionReport);
		expect(rows).toEqual([
			expect.objectContaining({
				questionId: id,
				versionId,
				reporterId: officer.id,
				status: 'open',
				reason: '法条已修订，答案应更新。'
			})
		]);
	});

	it('never sends the browser to another site', async () => {
		const { versionId } = await publishedQuestion();
		const result = await postReport(officer, {
			versionId: String(versionId),
			next: '//evil.example/x',
			reason: '有误'
		});
		expect(result).toMatchObject({ kind: 'redirect', location: `/?reported=${versionId}` });
	});

	it('refuses an empty reason with a message and keeps the form values', async () => {
		const { versionId } = await publishedQuestion();
		const f = failure(
			await postReport(officer, { versionId: String(versionId), next: '/', reason: '  ' })
		);
		expect(f.status).toBe(400);
		expect(f.data.message).toBe('请说明题目存在的问题。');
		expect(f.data.values).toMatchObject({ versionId: String(versionId), next: '/' });
		expect(await t.db.select().from(table.questionReport)).toHaveLength(0);
	});

	it('refuses a second open report on the same version by the same user', async () => {
		const { versionId } = await publishedQuestion();
		await reportQuestion(t.db, officer, { versionId, reason: '第一次' });
		const f = failure(await postReport(officer, { versionId: String(versionId), reason: '再次' }));
		expect(f.data.code).toBe('q_report_duplicate');
	});

	it('hides versions an officer could not have seen: a draft answers 404', async () => {
		const draft = await createQuestion(t.db, author, sample());
		const [q] = await t.db.select().from(table.question).where(eq(table.question.id, draft));
		const form = { versionId: String(q.currentVersionId), reason: '有误' };
		expect(await postReport(officer, form)).toMatchObject({ kind: 'error', status: 404 });
		expect(await postReport(officer, { ...form, versionId: '99999' })).toMatchObject({
			kind: 'error',
			status: 404
		});
		const load = await outcome(() =>
			report.load(fakeEvent({ user: officer, url: `/bank/report?version=${q.currentVersionId}` }))
		);
		expect(load).toMatchObject({ kind: 'error', status: 404 });
		// Staff in scope may report a draft they are looking at.
		expect(await postReport(reviewer, form)).toMatchObject({ kind: 'redirect' });
	});

	it('sends a visitor without a session to sign in', async () => {
		const { versionId } = await publishedQuestion();
		const result = await postReport(null, { versionId: String(versionId), reason: '有误' });
		expect(result).toMatchObject({ kind: 'redirect', status: 303 });
		expect((result as { location: string }).location).toMatch(/^\/login\?next=/);
	});

	it('shows the reported version on the fallback page', async () => {
		const { versionId } = await publishedQuestion('题干甲');
		const data = await report.load(
			fakeEvent({ user: officer, url: `/bank/report?version=${versionId}&next=/drill` })
		);
		expect(data).toEqual({
			version: { id: versionId, version: 1, stem: '题干甲' },
			next: '/drill'
		});
	});
});

describe("the reviewers' queue", () => {
	it('keeps the report on the version that was shown after the question is edited', async () => {
		const { id, versionId } = await publishedQuestion();
		await reportQuestion(t.db, officer, { versionId, reason: '答案有误' });
		await updateQuestion(t.db, author, id, sample({ stem: '修正后的题干' }));
		const data = (await reports.load(fakeEvent({ user: reviewer, url: '/bank/reports' }))) as {
			reports: { stem: string; version: number; outdated: boolean; reporterName: string }[];
		};
		expect(data.reports).toEqual([
			expect.objectContaining({
				stem: sample().stem,
				version: 1,
				outdated: true,
				reporterName: 'sc-officer'
			})
		]);
	});

	it('lists only reports on questions in scope, open ones first', async () => {
		const a = await publishedQuestion('甲');
		const b = await publishedQuestion('乙');
		const first = await reportQuestion(t.db, officer, { versionId: a.versionId, reason: '一' });
		await reportQuestion(t.db, officer, { versionId: b.versionId, reason: '二' });
		await resolveReport(t.db, reviewer, first, { status: 'rejected', resolution: '题目无误' });

		const all = await listReports(t.db, reviewer);
		expect(all.rows.map((r) => [r.report.reason, r.report.status])).toEqual([
			['二', 'open'],
			['一', 'rejected']
		]);
		expect((await listReports(t.db, reviewer, { openOnly: true })).total).toBe(1);
		expect((await listReports(t.db, outsider)).total).toBe(0);
		await expect(listReports(t.db, officer)).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('records the outcome once, with who resolved it', async () => {
		const { versionId } = await publishedQuestion();
		const id = await reportQuestion(t.db, officer, { versionId, reason: '有误' });
		const resolve = (user: SessionUser, form: Record<string, string>) =>
			outcome(() =>
				reports.actions.resolve(
					fakeEvent({ user, url: '/bank/reports', form: { id: String(id), ...form } })
				)
			);
		expect(failure(await resolve(reviewer, { status: 'maybe', resolution: 'x' })).data.code).toBe(
			'q_report_status_invalid'
		);
		expect(failure(await resolve(reviewer, { status: 'fixed', resolution: ' ' })).data.code).toBe(
			'q_report_resolution_required'
		);
		expect(await resolve(outsider, { status: 'fixed', resolution: '改了' })).toMatchObject({
			kind: 'error',
			status: 403
		});
		expect(await resolve(reviewer, { status: 'fixed', resolution: '已发布第 2 版' })).toMatchObject(
			{ kind: 'redirect', location: '/bank/reports?done=resolved' }
		);
		const [row] = await t.db.select().from(table.questionReport);
		expect(row).toMatchObject({
			status: 'fixed',
			resolution: '已发布第 2 版',
			resolvedBy: reviewer.id
		});
		expect(row.resolvedAt).toBeInstanceOf(Date);
		expect(
			failure(await resolve(author, { status: 'rejected', resolution: '再处理' })).data.code
		).toBe('q_report_already_resolved');
		const missing = await outcome(() =>
			reports.actions.resolve(
				fakeEvent({
					user: reviewer,
					url: '/bank/reports',
					form: { id: '9999', status: 'fixed', resolution: 'x' }
				})
			)
		);
		expect(missing).toMatchObject({ kind: 'error', status: 404 });
	});

	it('pages the queue and hides resolved reports unless asked', async () => {
		const { versionId } = await publishedQuestion();
		const users = await Promise.all(
			Array.from({ length: 21 }, (_, i) => makeUser(t.db, `officer-${i}`, 'officer', '210000'))
		);
		for (const u of users)
			await reportQuestion(t.db, u, { versionId, reason: `报告 ${u.username}` });
		const page1 = (await reports.load(fakeEvent({ user: reviewer, url: '/bank/reports' }))) as {
			reports: unknown[];
			pages: number;
			total: number;
		};
		expect(page1).toMatchObject({ pages: 2, total: 21 });
		expect(page1.reports).toHaveLength(20);
		const page2 = (await reports.load(
			fakeEvent({ user: reviewer, url: '/bank/reports?page=2' })
		)) as { reports: unknown[] };
		expect(page2.reports).toHaveLength(1);

		const [oldest] = await t.db.select().from(table.questionReport).limit(1);
		await resolveReport(t.db, reviewer, oldest.id, { status: 'rejected', resolution: '无误' });
		const open = (await reports.load(fakeEvent({ user: reviewer, url: '/bank/reports' }))) as {
			total: number;
		};
		const everything = (await reports.load(
			fakeEvent({ user: reviewer, url: '/bank/reports?all=1' })
		)) as { total: number; all: boolean };
		expect(open.total).toBe(20);
		expect(everything).toMatchObject({ total: 21, all: true });
	});
});
