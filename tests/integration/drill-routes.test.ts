import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import * as table from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import * as hub from '../../src/routes/drill/+page.server';
import * as daily from '../../src/routes/drill/daily/+page.server';
import * as topic from '../../src/routes/drill/topic/[topic]/+page.server';
import * as mistakes from '../../src/routes/drill/mistakes/+page.server';
import * as challenge from '../../src/routes/drill/challenge/+page.server';
import { publishMany } from './drill-fixtures';

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

const SECRET_EXPLANATION = '只有作答之后才能看到的解析';
const SECRET_BASIS = '《保密条例》第九十九条';
let officer: SessionUser;
let trainer: SessionUser;
beforeEach(async () => {
	await t.reset();
	officer = await makeUser(t.db, 'ln.officer', 'officer', '210000');
	trainer = await makeUser(t.db, 'ln.trainer', 'trainer', '210000');
	await publishMany(t.db, 3, {
		topic: '执法质量提升',
		subtopic: '按日连续处罚',
		explanation: SECRET_EXPLANATION,
		legalBasis: SECRET_BASIS,
		answer: 'C'
	});
});

const at = (url: string, user: SessionUser | null, form?: Record<string, string>, params = {}) =>
	fakeEvent({ url, user, form, params });

async function startDaily() {
	const started = await outcome(() => daily.actions.start(at('/drill/daily', officer, {})));
	expect(started).toMatchObject({ kind: 'redirect', status: 303, location: '/drill/daily' });
	return value(await outcome(() => daily.load(at('/drill/daily', officer))));
}

describe('who may drill', () => {
	it.each([
		['/drill', () => hub.load(at('/drill', null))],
		['/drill/daily', () => daily.load(at('/drill/daily', null))],
		['/drill/mistakes', () => mistakes.load(at('/drill/mistakes', null))],
		['/drill/challenge', () => challenge.load(at('/drill/challenge', null))]
	])('sends visitors from %s to sign in', async (path, run) => {
		expect(await outcome(run)).toMatchObject({
			kind: 'redirect',
			location: `/login?next=${encodeURIComponent(path)}`
		});
	});

	it('refuses staff and actions by visitors', async () => {
		expect(await outcome(() => hub.load(at('/drill', trainer)))).toMatchObject({
			kind: 'error',
			status: 403
		});
		expect(await outcome(() => daily.actions.start(at('/drill/daily', null, {})))).toMatchObject({
			kind: 'redirect',
			location: '/login?next=%2Fdrill%2Fdaily'
		});
		expect(await t.db.select().from(table.drillSession)).toHaveLength(0);
	});
});

describe('playing without the answer key', () => {
	it('serves questions ahead without key, explanation or legal basis', async () => {
		const data = await startDaily();
		expect(data.session).toMatchObject({ mode: 'daily', size: 3, position: 0 });
		expect(data.items).toHaveLength(3);
		expect(Object.keys(data.items[0]).sort()).toEqual(
			['options', 'position', 'stem', 'type', 'versionId'].sort()
		);
		const sent = JSON.stringify(data);
		expect(sent).not.toContain(SECRET_EXPLANATION);
		expect(sent).not.toContain(SECRET_BASIS);
		expect(sent).not.toMatch(/"answer"|"key":"C"/);
	});

	it('plays a daily set with forms only: answer, verdict after the redirect, result', async () => {
		let data = await startDaily();
		for (let i = 0; i < 3; i++) {
			const item = data.items[0];
			const form = {
				key: data.slot.key,
				session: String(data.session.id),
				position: String(item.position),
				version: String(item.versionId),
				type: item.type,
				shownAt: String(Date.now() - 5000),
				response: i === 0 ? 'B' : 'C'
			};
			const posted = await outcome(() => daily.actions.answer(at('/drill/daily', officer, form)));
			expect(posted).toMatchObject({
				kind: 'redirect',
				location: `/drill/daily?answered=${data.slot.key}`
			});
			// A second submission of the same form (double tap, refresh) changes nothing.
			await outcome(() => daily.actions.answer(at('/drill/daily', officer, form)));
			const shown = value(
				await outcome(() => daily.load(at(`/drill/daily?answered=${data.slot.key}`, officer)))
			);
			expect(shown.feedback.result).toMatchObject({
				correct: i > 0,
				key: 'C',
				explanation: SECRET_EXPLANATION,
				legalBasis: SECRET_BASIS,
				finished: i === 2
			});
			data = shown;
		}
		expect(await t.db.select().from(table.drillAnswer)).toHaveLength(3);
		expect(data.session).toBeNull();
		const sessionId = data.feedback.sessionId;
		const done = value(
			await outcome(() => daily.load(at(`/drill/daily?done=${sessionId}`, officer)))
		);
		expect(done.result).toMatchObject({ mode: 'daily', answered: 3, correct: 2, complete: true });
		const overview = value(await outcome(() => hub.load(at('/drill', officer)))).overview;
		expect(overview).toMatchObject({ mistakes: 1, due: 0, daily: { done: true, open: null } });
	});

	it("shows no verdict or result for another officer's answer or session", async () => {
		const data = await startDaily();
		const form = {
			key: data.slot.key,
			session: String(data.session.id),
			position: '0',
			version: String(data.items[0].versionId),
			type: 'single',
			shownAt: '0',
			response: 'C'
		};
		await outcome(() => daily.actions.answer(at('/drill/daily', officer, form)));
		const other = await makeUser(t.db, 'xj.officer', 'officer', '650000');
		const peek = value(
			await outcome(() =>
				daily.load(at(`/drill/daily?answered=${data.slot.key}&done=${data.session.id}`, other))
			)
		);
		expect(peek).toMatchObject({ feedback: null, result: null, session: null });
		const refused = await outcome(() =>
			daily.actions.answer(at('/drill/daily', other, { ...form, key: crypto.randomUUID() }))
		);
		expect(value(refused)).toMatchObject({
			status: 400,
			data: { code: 'drill_session_not_found' }
		});
	});
});

describe('topic, mistakes and challenge pages', () => {
	it('lists sub-topics, starts a sub-topic set and ends it on request', async () => {
		const params = { topic: 'quality' };
		const intro = value(
			await outcome(() => topic.load(at('/drill/topic/quality', officer, undefined, params)))
		);
		expect(intro.subtopics).toMatchObject({
			all: 3,
			rows: [{ subtopic: '按日连续处罚', total: 3 }]
		});
		expect(intro.session).toBeNull();
		const url = `/drill/topic/quality?sub=${encodeURIComponent('按日连续处罚')}`;
		expect(await outcome(() => topic.actions.start(at(url, officer, {}, params)))).toMatchObject({
			kind: 'redirect',
			location: `/drill/topic/quality?sub=${encodeURIComponent('按日连续处罚')}`
		});
		const playing = value(await outcome(() => topic.load(at(url, officer, undefined, params))));
		expect(playing.session).toMatchObject({ mode: 'topic', size: 3 });
		const ended = await outcome(() =>
			topic.actions.end(at(url, officer, { session: String(playing.session.id) }, params))
		);
		expect(ended).toMatchObject({
			kind: 'redirect',
			location: `${url}&done=${playing.session.id}`
		});
		expect(
			await outcome(() =>
				topic.load(at('/drill/topic/nowhere', officer, undefined, { topic: 'nowhere' }))
			)
		).toMatchObject({ kind: 'error', status: 404 });
	});

	it('refuses to start an empty notebook, and shows the challenge best', async () => {
		const refused = value(
			await outcome(() => mistakes.actions.start(at('/drill/mistakes', officer, {})))
		);
		expect(refused).toMatchObject({ status: 400, data: { code: 'drill_nothing_to_practise' } });
		const data = value(await outcome(() => challenge.load(at('/drill/challenge', officer))));
		expect(data).toMatchObject({ best: 0, session: null });
	});
});
