import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import * as table from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { ContestHub } from '../../src/lib/server/contest/service';
import * as builder from '../../src/routes/contests/new/+page.server';
import * as list from '../../src/routes/contests/+page.server';
import type { BuilderValues, PickedQuestion } from '../../src/routes/contests/new/builder-form';
import { publishQuestions, question } from './contest-fixtures';

let t: TestDatabase;
let trainer: SessionUser;
let officer: SessionUser;
let outsider: SessionUser;
let qids: number[];

beforeAll(async () => {
	t = await openTestDatabase();
	useDatabase(t);
});
afterAll(async () => {
	await t?.close();
});
beforeEach(async () => {
	await t.reset();
	trainer = await makeUser(t.db, 'ln-trainer', 'trainer', '210000');
	officer = await makeUser(t.db, 'ln-officer', 'officer', '210000');
	outsider = await makeUser(t.db, 'js-trainer', 'trainer', '320000');
	qids = await publishQuestions(t.db, '210000', [
		question({ stem: '按日连续处罚的适用条件是什么？' }),
		question({ stem: '查封扣押的期限一般不超过多少日？', answer: 'C' }),
		question({ stem: '排序题', type: 'ordering', answer: 'BCA', options: ['甲', '乙', '丙'] })
	]);
	// Outside the trainer's reach: another province's own question.
	await publishQuestions(t.db, '320000', [question({ stem: '江苏省地方题' })]);
});

/** The builder form as a browser posts it, plus the pressed button's field. */
function builderForm(over: Record<string, string> = {}) {
	return {
		title: '辽宁省执法大练兵技能比武',
		allowGuests: 'on',
		allowLateJoin: 'on',
		podiumSize: '3',
		teams: '',
		roundCount: '1',
		'r0.title': '必答题',
		'r0.limitSeconds': '20',
		'r0.points': '1000',
		'r0.speed': 'on',
		'r0.streak': 'on',
		'r0.picks': '',
		'r0.drawCount': '0',
		'r0.drawTopic': '',
		'r0.drawMin': '1',
		'r0.drawMax': '5',
		q: '',
		qTopic: '',
		qType: '',
		qRound: '0',
		qPage: '1',
		...over
	};
}

interface BuilderResult {
	values: BuilderValues;
	picked: Record<number, PickedQuestion>;
	results: { rows: PickedQuestion[] };
}
interface ListResult {
	created: string | null;
	contests: { code: string }[];
}

async function act(name: keyof typeof builder.actions, user: SessionUser, form = builderForm()) {
	const event = fakeEvent({ user, url: `/contests/new?/${name}`, form });
	return outcome(() => builder.actions[name](event));
}

describe('the contest builder', () => {
	it('refuses officers and visitors', async () => {
		expect(await outcome(() => builder.load(fakeEvent({ user: officer })))).toMatchObject({
			kind: 'error',
			status: 403
		});
		expect(await outcome(() => builder.load(fakeEvent({})))).toMatchObject({ kind: 'redirect' });
		expect(await act('create', officer)).toMatchObject({ kind: 'error', status: 403 });
	});

	it('lists only published questions in reach, and marks ordering ones unusable', async () => {
		const data = (await builder.load(fakeEvent({ user: trainer }))) as BuilderResult;
		const stems = data.results.rows.map((r) => r.stem);
		expect(stems).toHaveLength(3);
		expect(stems).not.toContain('江苏省地方题');
		expect(data.results.rows.find((r) => r.type === 'ordering')?.usable).toBe(false);
	});

	it('adds rounds, picks into the chosen round and removes picks, keeping every field', async () => {
		let r = await act('addRound', trainer, builderForm({ title: '草稿' }));
		let v = (r as { value: BuilderResult }).value.values;
		expect(v.title).toBe('草稿');
		expect(v.rounds).toHaveLength(2);
		r = await act(
			'pick',
			trainer,
			builderForm({ roundCount: '2', qRound: '1', pick: String(qids[1]), 'r1.title': '第二轮' })
		);
		const value = (r as { value: BuilderResult }).value;
		expect(value.values.rounds.map((x) => x.picks)).toEqual([[], [qids[1]]]);
		expect(value.picked[qids[1]].stem).toContain('查封扣押');
		r = await act(
			'unpick',
			trainer,
			builderForm({ roundCount: '2', 'r1.picks': String(qids[1]), unpick: `1:${qids[1]}` })
		);
		expect((r as { value: BuilderResult }).value.values.rounds[1].picks).toEqual([]);
	});

	it('creates a contest in the lobby with its first event, and lists it for its unit only', async () => {
		const r = await act('create', trainer, builderForm({ 'r0.picks': `${qids[0]},${qids[1]}` }));
		expect(r).toMatchObject({ kind: 'redirect', status: 303 });
		const code = new URL((r as { location: string }).location, 'http://x').searchParams.get(
			'created'
		);
		const [row] = await t.db.select().from(table.contest).where(eq(table.contest.code, code!));
		expect(row).toMatchObject({ status: 'lobby', hostId: trainer.id, unitId: trainer.unitId });
		expect(row.draft.rounds[0].versionIds).toHaveLength(2);
		const hub = new ContestHub({ db: t.db });
		try {
			const state = await hub.state(row.id);
			expect(state.phase.name).toBe('lobby');
			expect(state.config!.allowGuests).toBe(true);
		} finally {
			hub.close();
		}

		const mine = (await list.load(
			fakeEvent({ user: trainer, url: `/contests?created=${code}` })
		)) as ListResult;
		expect(mine.created).toBe(code);
		expect(mine.contests.map((c) => c.code)).toEqual([code]);
		const theirs = (await list.load(fakeEvent({ user: outsider, url: '/contests' }))) as ListResult;
		expect(theirs.contests).toEqual([]);
		expect(await outcome(() => list.load(fakeEvent({ user: officer })))).toMatchObject({
			kind: 'error',
			status: 403
		});
	});

	it('shows every problem next to its field and keeps the input', async () => {
		const r = await act(
			'create',
			trainer,
			builderForm({
				title: '',
				'r0.limitSeconds': '2',
				'r0.picks': String(qids[2]),
				teams: '只有一队'
			})
		);
		expect(r.kind).toBe('ok');
		const data = (
			r as { value: { status: number; data: BuilderResult & { errors: Record<string, string> } } }
		).value;
		expect(data.status).toBe(400);
		expect(Object.keys(data.data.errors).sort()).toEqual(
			['rounds.0.limitSeconds', 'teams', 'title'].sort()
		);
		expect(data.data.values.teams).toBe('只有一队');
		expect(await t.db.select().from(table.contest)).toEqual([]);
	});

	it('refuses unusable picks and draws the bank cannot fill, per round', async () => {
		const r = await act(
			'create',
			trainer,
			builderForm({ 'r0.picks': String(qids[2]), 'r0.drawCount': '9', 'r0.drawMin': '3' })
		);
		const errors = (r as { value: { data: { errors: Record<string, string> } } }).value.data.errors;
		expect(errors['rounds.0.questions']).toContain(String(qids[2]));
		expect(errors['rounds.0.draw.count']).toContain('2');
	});

	it('refuses picking another province’s questions by id', async () => {
		const [foreign] = await t.db
			.select({ id: table.question.id })
			.from(table.question)
			.where(eq(table.question.stem, '江苏省地方题'));
		const r = await act('create', trainer, builderForm({ 'r0.picks': String(foreign.id) }));
		const errors = (r as { value: { data: { errors: Record<string, string> } } }).value.data.errors;
		expect(errors['rounds.0.questions']).toContain(String(foreign.id));
	});
});
