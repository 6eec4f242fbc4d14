import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import * as table from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { createQuestion } from '../../src/lib/server/bank/questions';
import { publishQuestion, submitForReview } from '../../src/lib/server/bank/workflow';
import * as list from '../../src/routes/bank/+page.server';
import * as create from '../../src/routes/bank/new/+page.server';
import * as edit from '../../src/routes/bank/[id]/+page.server';
import * as review from '../../src/routes/bank/review/+page.server';
import * as reports from '../../src/routes/bank/reports/+page.server';
import { sample } from './bank-fixtures';

type Failure = {
	status: number;
	data: { code: string; message: string; errors: Record<string, string>; values: unknown };
};
const failure = (r: Awaited<ReturnType<typeof outcome>>) => (r as { value: Failure }).value;

/** The editor form as a browser would post it. */
function editorForm(over: Record<string, string> = {}) {
	return {
		type: 'single',
		stem: '排污单位拒不改正的，可以按日连续处罚吗？',
		option: '可以',
		answer: 'A',
		explanation: '',
		legalBasis: '《中华人民共和国环境保护法》第五十九条',
		topic: '执法质量提升',
		subtopic: '按日连续处罚',
		difficulty: '3',
		tags: '按日计罚，处罚',
		jurisdiction: 'national',
		...over
	};
}

/** FormData with repeated option/answer fields (fakeEvent takes one value per name). */
function postEvent(
	user: SessionUser,
	url: string,
	params: Record<string, string>,
	fields: [string, string][]
) {
	const event = fakeEvent({ user, url, params, form: {} });
	const body = new FormData();
	for (const [k, v] of fields) body.append(k, v);
	event.request = new Request(event.url, { method: 'POST', body });
	return event;
}

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
	officer = await makeUser(t.db, 'ln-officer', 'officer', '210000');
	outsider = await makeUser(t.db, 'js-trainer', 'trainer', '320000');
});

async function questionRow(id: number) {
	const [row] = await t.db.select().from(table.question).where(eq(table.question.id, id));
	return row;
}

describe('guards on every bank page and action', () => {
	it('sends visitors without a session to sign in and refuses officers with 403', async () => {
		const id = await createQuestion(t.db, author, sample());
		const params = { id: String(id) };
		const runs = (user: SessionUser | null) => [
			() => list.load(fakeEvent({ user, url: '/bank' })),
			() => create.load(fakeEvent({ user, url: '/bank/new' })),
			() => create.actions.default(fakeEvent({ user, url: '/bank/new', form: editorForm() })),
			() => edit.load(fakeEvent({ user, url: `/bank/${id}`, params })),
			...(['save', 'submit', 'publish', 'return', 'retire', 'unretire'] as const).map(
				(name) => () =>
					edit.actions[name](fakeEvent({ user, url: `/bank/${id}`, params, form: editorForm() }))
			),
			() => review.load(fakeEvent({ user, url: '/bank/review' })),
			() =>
				review.actions.publish(fakeEvent({ user, url: '/bank/review', form: { id: String(id) } })),
			() =>
				review.actions.return(fakeEvent({ user, url: '/bank/review', form: { id: String(id) } })),
			() => reports.load(fakeEvent({ user, url: '/bank/reports' })),
			() =>
				reports.actions.resolve(
					fakeEvent({
						user,
						url: '/bank/reports',
						form: { id: '1', status: 'fixed', resolution: '已改' }
					})
				)
		];
		for (const run of runs(null)) {
			expect(await outcome(run)).toMatchObject({ kind: 'redirect', status: 303 });
		}
		for (const run of runs(officer)) {
			expect(await outcome(run)).toMatchObject({ kind: 'error', status: 403 });
		}
		expect((await questionRow(id)).status).toBe('draft');
	});

	it('refuses staff of another province on the question page and its actions', async () => {
		const id = await createQuestion(t.db, author, sample());
		const params = { id: String(id) };
		expect(
			await outcome(() => edit.load(fakeEvent({ user: outsider, url: `/bank/${id}`, params })))
		).toMatchObject({ kind: 'error', status: 403 });
		for (const name of ['save', 'submit', 'retire'] as const) {
			const result = await outcome(() =>
				edit.actions[name](
					fakeEvent({ user: outsider, url: `/bank/${id}`, params, form: editorForm() })
				)
			);
			expect(result).toMatchObject({ kind: 'error', status: 403 });
		}
		const [v] = await t.db.select().from(table.questionVersion);
		expect(v.stem).toBe(sample().stem);
		expect((await questionRow(id)).status).toBe('draft');
	});

	it('answers a missing question with 404', async () => {
		const result = await outcome(() =>
			edit.load(fakeEvent({ user: author, url: '/bank/999', params: { id: '999' } }))
		);
		expect(result).toMatchObject({ kind: 'error', status: 404 });
	});
});

describe('list page', () => {
	it('shows counts by status and filters from the query string, in scope only', async () => {
		await createQuestion(t.db, author, sample({ stem: '辽宁草稿' }));
		const p = await createQuestion(t.db, author, sample({ stem: '辽宁已发布', difficulty: 5 }));
		await submitForReview(t.db, author, p);
		await publishQuestion(t.db, reviewer, p);
		await createQuestion(t.db, outsider, sample({ stem: '江苏草稿' }));

		const all = (await list.load(fakeEvent({ user: author, url: '/bank' }))) as {
			counts: Record<string, number>;
			questions: { stem: string }[];
		};
		expect(all.counts).toEqual({ draft: 1, in_review: 0, published: 1, retired: 0 });
		expect(all.questions.map((q) => q.stem).sort()).toEqual(['辽宁已发布', '辽宁草稿']);

		const filtered = (await list.load(
			fakeEvent({ user: author, url: '/bank?status=published&difficulty=5&type=single&q=辽宁' })
		)) as { questions: { stem: string }[]; filters: Record<string, string> };
		expect(filtered.questions.map((q) => q.stem)).toEqual(['辽宁已发布']);
		expect(filtered.filters).toMatchObject({ status: 'published', difficulty: '5', q: '辽宁' });

		const junk = (await list.load(
			fakeEvent({ user: author, url: '/bank?status=nope&difficulty=9&type=essay' })
		)) as { questions: unknown[]; filters: Record<string, string> };
		expect(junk.questions).toHaveLength(2);
		expect(junk.filters).toMatchObject({ status: '', difficulty: '', type: '' });
	});
});

describe('editor', () => {
	it('creates a draft from the form and goes to its page', async () => {
		const event = postEvent(author, '/bank/new', {}, [
			...Object.entries(editorForm()).filter(([k]) => k !== 'option'),
			['option', '可以'],
			['option', '不可以'],
			['option', ''],
			['option', '视情况']
		]);
		const result = await outcome(() => create.actions.default(event));
		expect(result).toMatchObject({ kind: 'redirect', status: 303 });
		const id = Number((result as { location: string }).location.match(/\/bank\/(\d+)\?/)![1]);
		const q = await questionRow(id);
		expect(q).toMatchObject({ status: 'draft', authorId: author.id, tags: ['按日计罚', '处罚'] });
		const [v] = await t.db.select().from(table.questionVersion);
		expect(v.options).toEqual(['可以', '不可以', '视情况']);
	});

	it('shows each problem next to its field and keeps what was typed', async () => {
		const result = await outcome(() =>
			create.actions.default(
				fakeEvent({
					user: author,
					url: '/bank/new',
					form: editorForm({ stem: ' ', legalBasis: '', difficulty: '7', jurisdiction: 'xx' })
				})
			)
		);
		const f = failure(result);
		expect(f.status).toBe(400);
		expect(f.data.code).toBe('q_invalid');
		expect(f.data.errors).toMatchObject({
			stem: '请填写题干。',
			legalBasis: '请填写法律依据（法律法规名称及条款）。',
			difficulty: '难度应为 1–5 的整数。',
			jurisdiction: '适用范围应为“全国”或某一省级行政区。'
		});
		expect(f.data.values).toMatchObject({ difficulty: '7', jurisdiction: 'xx' });
		expect(await t.db.select().from(table.question)).toHaveLength(0);
	});

	it('reads multiple-choice answers sent as one checkbox per letter', async () => {
		const event = postEvent(author, '/bank/new', {}, [
			...Object.entries(editorForm({ type: 'multiple' })).filter(
				([k]) => k !== 'option' && k !== 'answer'
			),
			...['甲', '乙', '丙', '丁'].map((o): [string, string] => ['option', o]),
			['answer', 'D'],
			['answer', 'B']
		]);
		expect(await outcome(() => create.actions.default(event))).toMatchObject({ kind: 'redirect' });
		const [v] = await t.db.select().from(table.questionVersion);
		expect(v.answer).toBe('BD');
	});

	it('loads the editor with the current version as text fields and its history', async () => {
		const id = await createQuestion(
			t.db,
			author,
			sample({ type: 'fill', options: [], answer: ['30日', '三十日'], stem: '限期____内改正' })
		);
		const data = (await edit.load(
			fakeEvent({ user: author, url: `/bank/${id}`, params: { id: String(id) } })
		)) as {
			values: Record<string, unknown>;
			versions: unknown[];
			canEdit: boolean;
			mine: boolean;
		};
		expect(data.values).toMatchObject({ type: 'fill', answer: '30日 | 三十日', difficulty: '3' });
		expect(data.versions).toHaveLength(1);
		expect(data).toMatchObject({ canEdit: true, mine: true });
	});

	it('saving a published question makes version 2 and keeps version 1', async () => {
		const id = await createQuestion(t.db, author, sample());
		await submitForReview(t.db, author, id);
		await publishQuestion(t.db, reviewer, id);
		const base = (await questionRow(id)).currentVersionId!;
		const params = { id: String(id) };
		const event = postEvent(author, `/bank/${id}`, params, [
			...Object.entries(editorForm({ stem: '新题干', baseVersionId: String(base) })).filter(
				([k]) => k !== 'option'
			),
			['option', '可以'],
			['option', '不可以']
		]);
		const result = await outcome(() => edit.actions.save(event));
		expect(result).toMatchObject({ kind: 'redirect', location: `/bank/${id}?done=new_version` });
		const old = await t.db
			.select()
			.from(table.questionVersion)
			.where(eq(table.questionVersion.id, base));
		expect(old[0].stem).toBe(sample().stem);
		expect((await questionRow(id)).stem).toBe('新题干');

		const second = postEvent(reviewer, `/bank/${id}`, params, [
			...Object.entries(editorForm({ stem: '另一人', baseVersionId: String(base) })).filter(
				([k]) => k !== 'option'
			),
			['option', '可以'],
			['option', '不可以']
		]);
		const stale = await outcome(() => edit.actions.save(second));
		expect(failure(stale).data.code).toBe('q_edit_conflict');
	});
});

describe('review and publishing', () => {
	it('moves a question through submit, publish, retire and restore', async () => {
		const id = await createQuestion(t.db, author, sample());
		const params = { id: String(id) };
		const go = (user: SessionUser, name: keyof typeof edit.actions) =>
			outcome(() => edit.actions[name](fakeEvent({ user, url: `/bank/${id}`, params, form: {} })));

		expect(await go(author, 'submit')).toMatchObject({ location: `/bank/${id}?done=submitted` });
		const own = failure(await go(author, 'publish'));
		expect(own.status).toBe(400);
		expect(own.data.code).toBe('q_publish_own');
		expect(await go(reviewer, 'publish')).toMatchObject({ location: `/bank/${id}?done=published` });
		expect(await questionRow(id)).toMatchObject({ status: 'published', reviewerId: reviewer.id });
		expect(await go(author, 'retire')).toMatchObject({ kind: 'redirect' });
		expect(await go(author, 'unretire')).toMatchObject({ kind: 'redirect' });
		expect((await questionRow(id)).status).toBe('draft');
		expect(failure(await go(author, 'unretire')).data.code).toBe('q_not_retired');
	});

	it("lists questions in review in scope, marks the actor's own, and publishes others", async () => {
		const mine = await createQuestion(t.db, reviewer, sample({ stem: '审核人自己的题' }));
		const theirs = await createQuestion(t.db, author, sample({ stem: '作者的题' }));
		const elsewhere = await createQuestion(t.db, outsider, sample({ stem: '江苏的题' }));
		for (const [u, id] of [
			[reviewer, mine],
			[author, theirs],
			[outsider, elsewhere]
		] as const) {
			await submitForReview(t.db, u, id);
		}
		const data = (await review.load(fakeEvent({ user: reviewer, url: '/bank/review' }))) as {
			questions: { id: number; mine: boolean }[];
		};
		expect(data.questions.map((q) => [q.id, q.mine]).sort()).toEqual([
			[mine, true],
			[theirs, false]
		]);

		const own = await outcome(() =>
			review.actions.publish(
				fakeEvent({ user: reviewer, url: '/bank/review', form: { id: String(mine) } })
			)
		);
		expect(failure(own).data.code).toBe('q_publish_own');
		const outOfScope = await outcome(() =>
			review.actions.publish(
				fakeEvent({ user: reviewer, url: '/bank/review', form: { id: String(elsewhere) } })
			)
		);
		expect(outOfScope).toMatchObject({ kind: 'error', status: 403 });
		const ok = await outcome(() =>
			review.actions.publish(
				fakeEvent({ user: reviewer, url: '/bank/review', form: { id: String(theirs) } })
			)
		);
		expect(ok).toMatchObject({ kind: 'redirect', location: '/bank/review?done=published' });
		expect((await questionRow(theirs)).status).toBe('published');
		expect((await questionRow(elsewhere)).status).toBe('in_review');
	});
});
