import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { exportScenario } from '../../src/lib/server/scenario/engine';
import { sampleScenario } from '../../src/lib/server/scenario/sample';
import { getScenarioBySlug, saveScenario } from '../../src/lib/server/scenario/store';
import { decisionsOf, latestRun } from '../../src/lib/server/scenario/runs';
import * as list from '../../src/routes/scenarios/+page.server';
import * as play from '../../src/routes/scenarios/[slug]/play/+page.server';
import * as edit from '../../src/routes/scenarios/[slug]/edit/+page.server';
import * as create from '../../src/routes/scenarios/new/+page.server';
import * as exportRoute from '../../src/routes/scenarios/[slug]/export/+server';
import * as runs from '../../src/routes/scenarios/runs/+page.server';
import * as runReview from '../../src/routes/scenarios/runs/[id]/+page.server';

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

let admin: SessionUser;
let lnTrainer: SessionUser;
let lnOfficer: SessionUser;
let xjOfficer: SessionUser;
beforeEach(async () => {
	await t.reset();
	admin = await makeUser(t.db, 'nat.admin', 'admin', '000000');
	lnTrainer = await makeUser(t.db, 'ln.trainer', 'trainer', '210000');
	lnOfficer = await makeUser(t.db, 'ln.officer', 'officer', '210000');
	xjOfficer = await makeUser(t.db, 'xj.officer', 'officer', '650000');
	await saveScenario(t.db, admin, { json: sampleScenario(), status: 'published' });
});

const slug = 'sample-case';
const playEvent = (user: SessionUser | null, form?: Record<string, string>) =>
	fakeEvent({ user, url: `/scenarios/${slug}/play`, params: { slug }, form });

async function startAs(user: SessionUser) {
	const result = await outcome(() => play.actions.start(playEvent(user, {})));
	expect(result).toMatchObject({ kind: 'redirect', status: 303 });
}

async function decideAs(user: SessionUser, choice: string, run?: number) {
	const runId =
		run ?? (await latestRun(t.db, user.id, (await getScenarioBySlug(t.db, slug))!.id))!.id;
	return outcome(() => play.actions.decide(playEvent(user, { run: String(runId), choice })));
}

describe('scenario list', () => {
	it('sends visitors to sign in and shows officers published scenarios only', async () => {
		expect(await outcome(() => list.load(fakeEvent({ url: '/scenarios' })))).toMatchObject({
			kind: 'redirect',
			location: '/login?next=%2Fscenarios'
		});
		await saveScenario(t.db, admin, { json: sampleScenario('draft-case'), status: 'draft' });
		const officer = value(await outcome(() => list.load(fakeEvent({ user: lnOfficer }))));
		expect(officer.playable.rows.map((r: Any) => r.slug)).toEqual([slug]);
		expect(officer.editable).toBeNull();
		const staff = value(await outcome(() => list.load(fakeEvent({ user: admin }))));
		expect(staff.editable.rows.map((r: Any) => r.slug).sort()).toEqual(['draft-case', slug]);
	});
});

describe('playing', () => {
	it('plays from the start to an ending with feedback after each decision', async () => {
		expect(value(await outcome(() => play.load(playEvent(lnOfficer)))).view).toEqual({
			phase: 'intro'
		});
		expect(await outcome(() => play.actions.start(playEvent(lnOfficer, {})))).toMatchObject({
			kind: 'redirect',
			location: `/scenarios/${slug}/play`
		});
		const first = value(await outcome(() => play.load(playEvent(lnOfficer)))).view;
		expect(first).toMatchObject({ phase: 'decision', nodeId: 'd1', score: 0, last: null });
		expect(first.content[0].documents[0].title).toBe('举报记录');
		// Only what the player may see: no scores, feedback or targets before choosing.
		expect(first.choices).toEqual([
			{ id: 'd1-a', label: '出示证件并取证' },
			{ id: 'd1-b', label: '直接离开' }
		]);
		expect(await decideAs(lnOfficer, 'd1-a')).toMatchObject({ kind: 'redirect' });
		const second = value(await outcome(() => play.load(playEvent(lnOfficer)))).view;
		expect(second.last).toEqual({
			label: '出示证件并取证',
			feedback: '先亮证再检查。',
			legalBasis: '《中华人民共和国行政处罚法》第五十五条',
			scoreDelta: 10
		});
		expect(second.choices.map((c: Any) => c.id)).toEqual(['d2-a', 'd2-b']);
		await decideAs(lnOfficer, 'd2-a');
		const end = value(await outcome(() => play.load(playEvent(lnOfficer)))).view;
		expect(end).toMatchObject({ phase: 'ending', score: 20, ending: { grade: 'A' } });
		expect(end.path.map((p: Any) => p.choiceId)).toEqual(['d1-a', 'd2-a']);
	});

	it('refuses a choice not on offer, a finished run and another player’s run', async () => {
		await startAs(lnOfficer);
		const run = (await latestRun(t.db, lnOfficer.id, (await getScenarioBySlug(t.db, slug))!.id))!;
		const notOffered = value(await decideAs(lnOfficer, 'd2-a', run.id));
		expect([notOffered.status, notOffered.data.code]).toEqual([400, 'scn_choice_unavailable']);
		const stranger = value(await decideAs(admin, 'd1-a', run.id));
		expect([stranger.status, stranger.data.code]).toEqual([403, 'scn_run_not_yours']);
		await decideAs(lnOfficer, 'd1-b', run.id);
		await decideAs(lnOfficer, 'd2-b', run.id);
		const finished = value(await decideAs(lnOfficer, 'd2-b', run.id));
		expect(finished.data.code).toBe('scn_run_finished');
		expect((await decisionsOf(t.db, run.id)).map((d) => d.choiceId)).toEqual(['d1-b', 'd2-b']);
	});

	it('sends signed-out visitors to sign in before they can start or decide', async () => {
		for (const action of [play.actions.start, play.actions.decide]) {
			const result = await outcome(() => action(playEvent(null, { run: '1', choice: 'd1-a' })));
			expect(result).toMatchObject({
				kind: 'redirect',
				location: `/login?next=%2Fscenarios%2F${slug}%2Fplay`
			});
		}
	});

	it('hides drafts and other provinces’ scenarios behind a 404', async () => {
		await saveScenario(t.db, lnTrainer, { json: sampleScenario('ln-case'), status: 'published' });
		const xj = fakeEvent({ user: xjOfficer, params: { slug: 'ln-case' } });
		expect(await outcome(() => play.load(xj))).toMatchObject({ kind: 'error', status: 404 });
		expect(
			await outcome(() =>
				play.actions.start(fakeEvent({ user: xjOfficer, params: { slug: 'ln-case' }, form: {} }))
			)
		).toMatchObject({ kind: 'error', status: 404 });
		const ln = fakeEvent({ user: lnOfficer, params: { slug: 'ln-case' } });
		expect((await outcome(() => play.load(ln))).kind).toBe('ok');
	});
});

describe('editing', () => {
	const editEvent = (user: SessionUser | null, form?: Record<string, string>, s = slug) =>
		fakeEvent({ user, url: `/scenarios/${s}/edit`, params: { slug: s }, form });

	it('lets only staff over the owning unit open the editor and download the JSON', async () => {
		expect(await outcome(() => edit.load(editEvent(lnOfficer)))).toMatchObject({ status: 403 });
		expect(await outcome(() => edit.load(editEvent(lnTrainer)))).toMatchObject({ status: 403 });
		expect(await outcome(() => edit.load(editEvent(admin, undefined, 'nope')))).toMatchObject({
			status: 404
		});
		const data = value(await outcome(() => edit.load(editEvent(admin))));
		expect(data.editor.nodes.map((n: Any) => n.id)).toEqual([
			'intro',
			'd1',
			'd2',
			'end-a',
			'end-c'
		]);
		expect(data.editor.nodes[1].links.map((l: Any) => l.target)).toEqual(['d2', 'd2']);
		const file = (await exportRoute.GET(editEvent(admin))) as Response;
		expect(file.headers.get('content-disposition')).toContain('sample-case.json');
		expect(JSON.parse(await file.text()).slug).toBe(slug);
		expect(await outcome(() => exportRoute.GET(editEvent(lnTrainer)))).toMatchObject({
			status: 403
		});
	});

	it('refuses to save a broken graph and shows each problem next to its node', async () => {
		const broken = sampleScenario();
		(broken.nodes.intro as { next: string }).next = 'ghost';
		const form = { json: JSON.stringify(broken), status: 'published' };
		const refused = value(await outcome(() => edit.actions.save(editEvent(admin, form))));
		expect(refused.status).toBe(400);
		const intro = refused.data.editor.nodes.find((n: Any) => n.id === 'intro');
		expect(intro.problems[0]).toMatchObject({
			severity: 'error',
			message: '指向的节点“ghost”不存在。'
		});
		expect(refused.data.values.json).toBe(form.json);
		expect((await getScenarioBySlug(t.db, slug))!.graph.nodes.intro).toMatchObject({ next: 'd1' });
	});

	it('saves a valid edit as a new version, and checks without saving', async () => {
		const changed = sampleScenario();
		changed.title = '样例案件二';
		const form = { json: exportScenario(changed), status: 'published' };
		const checked = value(await outcome(() => edit.actions.check(editEvent(admin, form))));
		expect(checked).toMatchObject({ code: '', checked: true });
		expect((await getScenarioBySlug(t.db, slug))!.title).toBe('样例案件');
		expect(await outcome(() => edit.actions.save(editEvent(admin, form)))).toMatchObject({
			kind: 'redirect',
			location: `/scenarios/${slug}/edit?saved=2`
		});
		expect(await getScenarioBySlug(t.db, slug)).toMatchObject({ title: '样例案件二', version: 2 });
		expect(await outcome(() => edit.actions.save(editEvent(lnTrainer, form)))).toMatchObject({
			status: 403
		});
	});

	it('creates new scenarios for staff in their own unit, never for officers', async () => {
		const form = { json: exportScenario(sampleScenario('ln-new')), status: 'draft' };
		const event = (user: SessionUser) => fakeEvent({ user, url: '/scenarios/new', form });
		expect(await outcome(() => create.load(event(lnOfficer)))).toMatchObject({ status: 403 });
		expect(await outcome(() => create.actions.save(event(lnOfficer)))).toMatchObject({
			status: 403
		});
		expect(await outcome(() => create.actions.save(event(lnTrainer)))).toMatchObject({
			kind: 'redirect',
			location: '/scenarios/ln-new/edit?saved=1'
		});
		const created = (await getScenarioBySlug(t.db, 'ln-new'))!;
		expect([created.unitId, created.status]).toEqual([lnTrainer.unitId, 'draft']);
		const again = value(await outcome(() => create.actions.save(event(lnTrainer))));
		expect(again.data.code).toBe('scn_slug_taken');
	});
});

describe('reviewing runs', () => {
	it('shows trainers the runs in their units with every decision and its time', async () => {
		await startAs(lnOfficer);
		await startAs(xjOfficer);
		await decideAs(lnOfficer, 'd1-a');
		expect(await outcome(() => runs.load(fakeEvent({ user: lnOfficer })))).toMatchObject({
			status: 403
		});
		const seen = value(await outcome(() => runs.load(fakeEvent({ user: lnTrainer }))));
		expect(seen.runs.map((r: Any) => [r.username, r.decisions])).toEqual([['ln.officer', 1]]);
		const id = String(seen.runs[0].id);
		const review = value(
			await outcome(() => runReview.load(fakeEvent({ user: lnTrainer, params: { id } })))
		);
		expect(review.steps).toHaveLength(1);
		expect(review.steps[0]).toMatchObject({ choiceId: 'd1-a', label: '出示证件并取证' });
		expect(review.steps[0].time).toMatch(/\d{2}:\d{2}:\d{2}/);
		const xjTrainer = await makeUser(t.db, 'xj.trainer', 'trainer', '650000');
		expect(
			await outcome(() => runReview.load(fakeEvent({ user: xjTrainer, params: { id } })))
		).toMatchObject({ status: 403 });
		expect(
			await outcome(() => runReview.load(fakeEvent({ user: lnOfficer, params: { id } })))
		).toMatchObject({ kind: 'ok' });
		expect(
			await outcome(() => runReview.load(fakeEvent({ user: admin, params: { id: '99999' } })))
		).toMatchObject({ status: 404 });
	});
});
