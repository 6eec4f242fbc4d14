import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import * as table from '../../src/lib/server/db/schema';
import type { QuestionInput } from '../../src/lib/server/bank/question-input';
import { sample } from './bank-fixtures';
import { isCorrect } from '../../src/lib/server/bank/check-answer';
import {
	createQuestion,
	isQuestionInputError,
	updateQuestion
} from '../../src/lib/server/bank/questions';
import {
	publishQuestion,
	retireQuestion,
	returnToDraft,
	submitForReview,
	unretireQuestion
} from '../../src/lib/server/bank/workflow';
import { getQuestionWithVersions, getVersion } from '../../src/lib/server/bank/versions';
import { countByStatus, listQuestions } from '../../src/lib/server/bank/list';
import type { SessionUser } from '../../src/lib/server/auth/session';

let t: TestDatabase;
let author: SessionUser;
let reviewer: SessionUser;
beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t?.close();
});
beforeEach(async () => {
	await t.reset();
	author = await makeUser(t.db, 'ln-author', 'trainer', '210000');
	reviewer = await makeUser(t.db, 'ln-reviewer', 'admin', '210000');
});

async function published(over: Partial<QuestionInput> = {}) {
	const id = await createQuestion(t.db, author, sample(over));
	await submitForReview(t.db, author, id);
	await publishQuestion(t.db, reviewer, id);
	return id;
}

async function questionRow(id: number) {
	const [row] = await t.db.select().from(table.question).where(eq(table.question.id, id));
	return row;
}

describe('creating questions', () => {
	it('stores a draft with version 1 owned by the author and their unit', async () => {
		const id = await createQuestion(t.db, author, sample());
		const q = await questionRow(id);
		expect(q).toMatchObject({ status: 'draft', authorId: author.id, unitId: author.unitId });
		const v = await getVersion(t.db, q.currentVersionId!);
		expect(v).toMatchObject({ version: 1, answer: 'A', publishedAt: null });
	});

	it('returns every field problem and writes nothing', async () => {
		const error = await createQuestion(
			t.db,
			author,
			sample({ stem: '', answer: 'Z', jurisdiction: 'mars', tags: ['x'.repeat(31)] })
		).catch((e) => e);
		expect(isQuestionInputError(error)).toBe(true);
		expect(error.problems.map((p: { field: string }) => p.field).sort()).toEqual([
			'answer',
			'jurisdiction',
			'stem',
			'tags'
		]);
		expect(await t.db.select().from(table.question)).toHaveLength(0);
	});

	it('refuses officers', async () => {
		const officer = await makeUser(t.db, 'ln-officer', 'officer', '210000');
		await expect(createQuestion(t.db, officer, sample())).rejects.toMatchObject({
			code: 'forbidden'
		});
	});
});

describe('versioning', () => {
	it('keeps the published version and its key intact when the question is edited', async () => {
		const id = await published();
		const shownVersionId = (await questionRow(id)).currentVersionId!;

		const result = await updateQuestion(
			t.db,
			author,
			id,
			sample({ stem: '修改后的题干', options: ['警告', '按日连续处罚', '约谈'], answer: 'B' })
		);
		expect(result.newVersion).toBe(true);

		const q = await questionRow(id);
		expect(q.currentVersionId).toBe(result.versionId);
		expect(q.currentVersionId).not.toBe(shownVersionId);
		expect(q).toMatchObject({ stem: '修改后的题干', status: 'draft' });

		// An answer recorded against the version that was shown is still marked with its key.
		const old = (await getVersion(t.db, shownVersionId))!;
		expect(old).toMatchObject({ version: 1, stem: sample().stem, answer: 'A' });
		expect(old.publishedAt).not.toBeNull();
		expect(isCorrect(old.type, old.answer, 'A')).toBe(true);
		const current = (await getVersion(t.db, q.currentVersionId!))!;
		expect(current).toMatchObject({ version: 2, answer: 'B', createdBy: author.id });
		expect(isCorrect(current.type, current.answer, 'A')).toBe(false);
	});

	it('rewrites a never-published draft in place, and only then', async () => {
		const id = await createQuestion(t.db, author, sample());
		const first = (await questionRow(id)).currentVersionId;
		const again = await updateQuestion(t.db, author, id, sample({ stem: '草稿再改' }));
		expect(again).toEqual({ versionId: first, newVersion: false, changed: true });
		expect((await getVersion(t.db, first!))!.stem).toBe('草稿再改');
		expect(await t.db.select().from(table.questionVersion)).toHaveLength(1);
	});

	it('keeps a version frozen after retiring and restoring the question', async () => {
		const id = await published();
		await retireQuestion(t.db, author, id);
		await expect(
			updateQuestion(t.db, author, id, sample({ stem: '停用后' }))
		).rejects.toMatchObject({ code: 'q_retired_readonly' });
		await unretireQuestion(t.db, author, id);
		const result = await updateQuestion(t.db, author, id, sample({ stem: '恢复后' }));
		expect(result.newVersion).toBe(true);
		const versions = await t.db
			.select()
			.from(table.questionVersion)
			.where(eq(table.questionVersion.questionId, id));
		expect(versions.map((v) => [v.version, v.stem]).sort()).toEqual([
			[1, sample().stem],
			[2, '恢复后']
		]);
	});

	it('saves nothing when the content is unchanged', async () => {
		const id = await published();
		const result = await updateQuestion(t.db, author, id, sample());
		expect(result).toMatchObject({ newVersion: false, changed: false });
		expect((await questionRow(id)).status).toBe('published');
	});

	it('refuses a save based on a version that is no longer current', async () => {
		const id = await published();
		const base = (await questionRow(id)).currentVersionId!;
		await updateQuestion(t.db, author, id, sample({ stem: '第一人' }), { baseVersionId: base });
		await expect(
			updateQuestion(t.db, reviewer, id, sample({ stem: '第二人' }), { baseVersionId: base })
		).rejects.toMatchObject({ code: 'q_edit_conflict' });
	});

	it('lists the history newest first with who wrote each version', async () => {
		const id = await published();
		await updateQuestion(t.db, reviewer, id, sample({ stem: '审核人修改' }));
		const view = await getQuestionWithVersions(t.db, author, id);
		expect(view.versions.rows.map((r) => [r.version.version, r.writerName])).toEqual([
			[2, 'ln-reviewer'],
			[1, 'ln-author']
		]);
		expect(view.current.stem).toBe('审核人修改');
		expect(view.reviewerName).toBe('ln-reviewer');
	});
});

describe('review workflow', () => {
	it('goes draft → in review → published, recording reviewer and time', async () => {
		const id = await published();
		const q = await questionRow(id);
		expect(q).toMatchObject({ status: 'published', reviewerId: reviewer.id });
		expect(q.publishedAt).toBeInstanceOf(Date);
	});

	it('does not let the author, or whoever wrote the current version, publish it', async () => {
		const id = await createQuestion(t.db, author, sample());
		await submitForReview(t.db, author, id);
		await expect(publishQuestion(t.db, author, id)).rejects.toMatchObject({
			code: 'q_publish_own'
		});
		await updateQuestion(t.db, reviewer, id, sample({ stem: '审核人润色' }));
		await expect(publishQuestion(t.db, reviewer, id)).rejects.toMatchObject({
			code: 'q_publish_own'
		});
		const third = await makeUser(t.db, 'ln-third', 'trainer', '210000');
		await publishQuestion(t.db, third, id);
		expect((await questionRow(id)).status).toBe('published');
	});

	it('refuses steps from the wrong state', async () => {
		const id = await createQuestion(t.db, author, sample());
		await expect(publishQuestion(t.db, reviewer, id)).rejects.toMatchObject({
			code: 'q_not_in_review'
		});
		await submitForReview(t.db, author, id);
		await expect(submitForReview(t.db, author, id)).rejects.toMatchObject({ code: 'q_not_draft' });
		await returnToDraft(t.db, reviewer, id);
		expect((await questionRow(id)).status).toBe('draft');
		await expect(unretireQuestion(t.db, author, id)).rejects.toMatchObject({
			code: 'q_not_retired'
		});
		await retireQuestion(t.db, author, id);
		await expect(retireQuestion(t.db, author, id)).rejects.toMatchObject({
			code: 'q_already_retired'
		});
	});
});

describe('scope', () => {
	it('keeps other provinces out and gives national questions to every staff member to read', async () => {
		const own = await createQuestion(t.db, author, sample({ stem: '辽宁题' }));
		const national = await makeUser(t.db, 'nat-admin', 'admin', '000000');
		const nationalQ = await createQuestion(t.db, national, sample({ stem: '全国题' }));
		const other = await makeUser(t.db, 'js-trainer', 'trainer', '320000');

		for (const step of [
			() => updateQuestion(t.db, other, own, sample()),
			() => submitForReview(t.db, other, own),
			() => retireQuestion(t.db, other, own),
			() => getQuestionWithVersions(t.db, other, own),
			() => updateQuestion(t.db, author, nationalQ, sample()),
			() => retireQuestion(t.db, author, nationalQ)
		]) {
			await expect(step()).rejects.toMatchObject({ code: 'forbidden' });
		}
		const seen = await getQuestionWithVersions(t.db, author, nationalQ);
		expect(seen.canEdit).toBe(false);
		expect((await getQuestionWithVersions(t.db, national, own)).canEdit).toBe(true);

		const list = await listQuestions(t.db, other, {});
		expect(list.rows.map((r) => r.stem)).toEqual(['全国题']);
		const editable = await listQuestions(t.db, author, { scope: 'edit' });
		expect(editable.rows.map((r) => r.stem)).toEqual(['辽宁题']);
	});

	it('answers a missing question with q_not_found', async () => {
		await expect(getQuestionWithVersions(t.db, author, 999)).rejects.toMatchObject({
			code: 'q_not_found'
		});
	});
});

describe('listing', () => {
	it('filters by text, type, topic, status, difficulty and tag, and pages', async () => {
		await createQuestion(t.db, author, sample({ stem: '关于VOCs的题', tags: ['VOCs', '大气'] }));
		await createQuestion(
			t.db,
			author,
			sample({ type: 'truefalse', stem: '判断题 100%', answer: '对', topic: '大气监督帮扶' })
		);
		const p = await published({ stem: '已发布', difficulty: 5 });
		const names = async (f: Parameters<typeof listQuestions>[2]) =>
			(await listQuestions(t.db, author, f)).rows.map((r) => r.stem).sort();

		expect(await names({ text: 'vocs' })).toEqual(['关于VOCs的题']);
		expect(await names({ text: '100%' })).toEqual(['判断题 100%']);
		expect(await names({ text: '%' })).toEqual(['判断题 100%']);
		expect(await names({ type: 'truefalse' })).toEqual(['判断题 100%']);
		expect(await names({ topic: '大气监督帮扶' })).toEqual(['判断题 100%']);
		expect(await names({ status: 'published' })).toEqual(['已发布']);
		expect(await names({ difficulty: 5 })).toEqual(['已发布']);
		expect(await names({ tag: '大气' })).toEqual(['关于VOCs的题']);

		const page2 = await listQuestions(t.db, author, { pageSize: 2, page: 2 });
		expect(page2).toMatchObject({ total: 3, pages: 2, page: 2 });
		expect(page2.rows).toHaveLength(1);

		expect(await countByStatus(t.db, author)).toEqual({
			draft: 2,
			in_review: 0,
			published: 1,
			retired: 0
		});
		const row = (await listQuestions(t.db, reviewer, { status: 'published' })).rows[0];
		expect(row).toMatchObject({ id: p, canEdit: true, mine: false });
	});
});
