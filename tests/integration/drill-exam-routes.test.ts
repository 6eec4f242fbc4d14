// The exam pages and the JSON endpoint as the browser calls them: guards, ownership, resume,
// late refusals (deadlines moved into the past, since the routes use the real clock).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import * as table from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import * as list from '../../src/routes/drill/exam/+page.server';
import * as paper from '../../src/routes/drill/exam/[id]/+page.server';
import * as answer from '../../src/routes/drill/exam/[id]/answer/+server';
import * as result from '../../src/routes/drill/exam/[id]/result/+page.server';
import { EXPLANATION, keysOf, seedExamBank } from './drill-exam-fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const value = (r: Awaited<ReturnType<typeof outcome>>) => (r as { value: Any }).value;

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
	useDatabase(t);
});
afterAll(async () => {
	await t?.close();
});

let officer: SessionUser;
let other: SessionUser;
let blueprintId: number;
beforeEach(async () => {
	await t.reset();
	officer = await makeUser(t.db, 'ln.officer', 'officer', '210000');
	other = await makeUser(t.db, 'ln.other', 'officer', '210000');
	blueprintId = await seedExamBank(t.db);
});

async function start(user = officer): Promise<number> {
	const r = await outcome(() =>
		list.actions.start(
			fakeEvent({ user, url: '/drill/exam', form: { blueprint: String(blueprintId) } })
		)
	);
	expect(r).toMatchObject({ kind: 'redirect', status: 303 });
	return Number((r as { location: string }).location.split('/').pop());
}

const paperEvent = (user: SessionUser | null, id: number, query = '', form?: Any) =>
	fakeEvent({ user, url: `/drill/exam/${id}${query}`, params: { id: String(id) }, form });

function jsonEvent(user: SessionUser | null, id: number, body: unknown) {
	const url = `http://localhost/drill/exam/${id}/answer`;
	return {
		...fakeEvent({ user, url, params: { id: String(id) } }),
		request: new Request(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: typeof body === 'string' ? body : JSON.stringify(body)
		})
	};
}

async function moveDeadline(id: number, msFromNow: number) {
	await t.db
		.update(table.drillExam)
		.set({ deadlineAt: new Date(Date.now() + msFromNow) })
		.where(eq(table.drillExam.id, id));
}

async function examRow(id: number) {
	const [row] = await t.db.select().from(table.drillExam).where(eq(table.drillExam.id, id));
	return row;
}

describe('exam list', () => {
	it('sends visitors to sign in, offers the paper, and starting twice resumes', async () => {
		expect(await outcome(() => list.load(fakeEvent({ url: '/drill/exam' })))).toMatchObject({
			kind: 'redirect',
			location: '/login?next=%2Fdrill%2Fexam'
		});
		const id = await start();
		expect(await start()).toBe(id);
		const data = value(await outcome(() => list.load(fakeEvent({ user: officer }))));
		expect(data.blueprints.rows).toMatchObject([{ id: blueprintId, total: 10, openExamId: id }]);
		expect(data.attempts.rows).toMatchObject([{ id, submitted: false }]);
	});

	it('hands in an attempt whose time ran out while the page was closed', async () => {
		const id = await start();
		await moveDeadline(id, -60_000);
		const data = value(await outcome(() => list.load(fakeEvent({ user: officer }))));
		expect(data.attempts.rows).toMatchObject([
			{ id, submitted: true, autoSubmitted: true, score: 0, passed: false }
		]);
		expect(data.blueprints.rows[0].openExamId).toBeNull();
	});

	it('explains why a paper cannot start', async () => {
		await t.db.update(table.examBlueprint).set({ topics: ['科技手段运用'] });
		const r = await outcome(() =>
			list.actions.start(fakeEvent({ user: officer, form: { blueprint: String(blueprintId) } }))
		);
		expect(value(r)).toMatchObject({ status: 400, data: { code: 'exam_no_questions' } });
	});
});

describe('taking the exam', () => {
	it('shows one question without the key and resumes in the same order after a refresh', async () => {
		const id = await start();
		const first = value(await outcome(() => paper.load(paperEvent(officer, id))));
		expect(first.question.position).toBe(1);
		expect(first.navigator).toHaveLength(10);
		const text = JSON.stringify(first);
		expect(text).not.toContain(EXPLANATION);
		expect(text).not.toMatch(/"(answer|key|correct|explanation|legalBasis)"/);
		expect(Date.parse(first.exam.deadlineAt) - first.serverNow).toBeGreaterThan(29 * 60_000);

		const keys = await keysOf(t.db, id);
		const saved = await outcome(() =>
			paper.actions.save(
				paperEvent(officer, id, '', { position: '1', response: String(keys[0].right), goto: '2' })
			)
		);
		expect(saved).toMatchObject({ kind: 'redirect', location: `/drill/exam/${id}?q=2` });
		// A refresh without ?q opens the first unanswered question; ?q=1 shows the same options.
		const resumed = value(await outcome(() => paper.load(paperEvent(officer, id))));
		expect(resumed.question.position).toBe(2);
		const again = value(await outcome(() => paper.load(paperEvent(officer, id, '?q=1'))));
		expect(again.question.options).toEqual(first.question.options);
		expect(again.question.response).toBe(keys[0].right);
		expect(again.navigator[0].answered).toBe(true);
	});

	it('reads ticked boxes of a multiple choice and leads to the hand-in step', async () => {
		const id = await start();
		const multiple = (await keysOf(t.db, id)).find((k) => k.type === 'multiple')!;
		const event = paperEvent(officer, id, '', { position: String(multiple.position) });
		event.request = new Request(event.url, {
			method: 'POST',
			body: (() => {
				const body = new FormData();
				body.append('position', String(multiple.position));
				for (const letter of String(multiple.right)) body.append('response', letter);
				body.append('goto', 'submit');
				return body;
			})()
		});
		expect(await outcome(() => paper.actions.save(event))).toMatchObject({
			location: `/drill/exam/${id}?q=${multiple.position}&confirm`
		});
		const shown = value(
			await outcome(() => paper.load(paperEvent(officer, id, `?q=${multiple.position}&confirm`)))
		);
		expect(shown.confirming).toBe(true);
		expect(shown.question.response).toBe(multiple.right);
	});

	it('submits, then shows the result with the key; the result waits until then', async () => {
		const id = await start();
		expect(await outcome(() => result.load(paperEvent(officer, id, '/result')))).toMatchObject({
			kind: 'redirect',
			location: `/drill/exam/${id}`
		});
		const keys = await keysOf(t.db, id);
		for (const k of keys.slice(0, 6)) {
			const r = await answer.POST(
				jsonEvent(officer, id, { position: k.position, response: k.right })
			);
			expect(r.status).toBe(204);
		}
		expect(
			await outcome(() => paper.actions.submit(paperEvent(officer, id, '', {})))
		).toMatchObject({ kind: 'redirect', location: `/drill/exam/${id}/result` });
		expect(await outcome(() => paper.load(paperEvent(officer, id)))).toMatchObject({
			kind: 'redirect',
			location: `/drill/exam/${id}/result`
		});
		const data = value(await outcome(() => result.load(paperEvent(officer, id, '/result'))));
		expect(data.exam).toMatchObject({ score: 60, passed: true, correctCount: 6 });
		expect(data.late).toBe(false);
		expect(data.breakdown.reduce((n: number, r: Any) => n + r.total, 0)).toBe(10);
		expect(data.review.rows[0]).toMatchObject({ explanation: EXPLANATION, key: keys[0].right });
	});
});

describe('late and foreign requests', () => {
	it('refuses a late save and a late submission, handing the paper in', async () => {
		const id = await start();
		const keys = await keysOf(t.db, id);
		await answer.POST(jsonEvent(officer, id, { position: 1, response: keys[0].right }));
		await moveDeadline(id, -6_000);
		const late = await answer.POST(
			jsonEvent(officer, id, { position: 2, response: keys[1].right })
		);
		expect(late.status).toBe(409);
		expect(await late.json()).toMatchObject({ code: 'exam_late' });
		expect(await examRow(id)).toMatchObject({ autoSubmitted: true, correctCount: 1 });
		expect(
			await outcome(() => paper.actions.submit(paperEvent(officer, id, '', {})))
		).toMatchObject({ kind: 'redirect', location: `/drill/exam/${id}/result?late=1` });
		const data = value(await outcome(() => result.load(paperEvent(officer, id, '/result?late=1'))));
		expect(data).toMatchObject({ late: true, exam: { autoSubmitted: true, correctCount: 1 } });
	});

	it('refuses a late answer sent by form and leads to the result without it', async () => {
		const id = await start();
		const keys = await keysOf(t.db, id);
		await moveDeadline(id, -6_000);
		const form = { position: '1', response: String(keys[0].right), goto: '2' };
		expect(
			await outcome(() => paper.actions.save(paperEvent(officer, id, '', form)))
		).toMatchObject({ location: `/drill/exam/${id}/result?late=1` });
		expect(await examRow(id)).toMatchObject({ autoSubmitted: true, correctCount: 0 });
		const data = value(await outcome(() => result.load(paperEvent(officer, id, '/result'))));
		expect(data.review.rows[0].response).toBeNull();
	});

	it("keeps another officer out of the attempt, and answers 404 for one that doesn't exist", async () => {
		const id = await start();
		const forbidden = { kind: 'error', status: 403 };
		expect(await outcome(() => paper.load(paperEvent(other, id)))).toMatchObject(forbidden);
		expect(await outcome(() => result.load(paperEvent(other, id, '/result')))).toMatchObject(
			forbidden
		);
		expect(
			await outcome(() =>
				paper.actions.save(paperEvent(other, id, '', { position: '1', response: 'A' }))
			)
		).toMatchObject(forbidden);
		expect(await outcome(() => paper.actions.submit(paperEvent(other, id, '', {})))).toMatchObject(
			forbidden
		);
		expect((await answer.POST(jsonEvent(other, id, { position: 1, response: 'A' }))).status).toBe(
			403
		);
		expect(await outcome(() => paper.load(paperEvent(officer, id + 100)))).toMatchObject({
			kind: 'error',
			status: 404
		});
		expect(await examRow(id)).toMatchObject({ submittedAt: null });
		const untouched = value(await outcome(() => paper.load(paperEvent(officer, id))));
		expect(untouched.navigator.some((n: Any) => n.answered)).toBe(false);
	});

	it('answers the JSON endpoint with 401, 400 and translated refusals', async () => {
		const id = await start();
		expect(
			await outcome(() => answer.POST(jsonEvent(null, id, { position: 1, response: 'A' })))
		).toMatchObject({ kind: 'error', status: 401 });
		for (const body of [
			'not json',
			{ position: 1, response: 3 },
			{ position: 1, response: 'AB' }
		]) {
			const r = await answer.POST(jsonEvent(officer, id, body));
			expect(r.status).toBe(400);
			expect(await r.json()).toMatchObject({ code: 'exam_response_invalid' });
		}
		const missing = await answer.POST(jsonEvent(officer, id, { position: 99, response: 'A' }));
		expect(await missing.json()).toMatchObject({
			code: 'exam_question_not_found',
			message: '试卷中没有这道题。'
		});
	});
});
