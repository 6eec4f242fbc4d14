// A contest played over real sockets: nothing before a reveal carries the key, the explanation
// or anyone's correctness (every payload every client receives is searched); late and repeated
// answers are refused; a reconnect keeps the score and the open question; one seat per player.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import {
	connect,
	fieldNames,
	makeContest,
	SECRETS,
	signedIn,
	startServer,
	type Connected,
	type Received,
	type RunningServer
} from './contest-socket-fixtures';

let t: TestDatabase;
let server: RunningServer;
let skew = 0;
const open: Connected[] = [];

beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t?.close();
});
beforeEach(async () => {
	await t.reset();
	skew = 0;
	server = await startServer(t.db, 0, () => Date.now() + skew);
});
afterEach(async () => {
	for (const c of open.splice(0)) c.socket.disconnect();
	await server.close();
});

function track(c: Connected): Connected {
	open.push(c);
	return c;
}

/** Host console, studio screen, a guest and a signed-in officer, all in one contest. */
async function room(over: Parameters<typeof makeContest>[2] = {}) {
	const host = await makeUser(t.db, 'host', 'trainer', '210000');
	const officer = await makeUser(t.db, 'officer', 'officer', '210000');
	const { id, code } = await makeContest(t.db, host, over);
	const console_ = track(await signedIn(t.db, server.url, host));
	const studio = track(await signedIn(t.db, server.url, host));
	expect(await console_.rec.call('contest:watch', { contestId: id, view: 'host' })).toMatchObject({
		data: { audience: 'host', view: { contest: { id, code } } }
	});
	expect(await studio.rec.call('contest:watch', { contestId: id, view: 'studio' })).toMatchObject({
		data: { audience: 'studio' }
	});
	const guest = track(await connect(server.url, { contestCode: code }));
	const joined = await guest.rec.call('contest:join', { code, name: '游客甲', idField: 'A-001' });
	expect(joined.data).toMatchObject({ me: { name: '游客甲', score: 0 }, phase: { name: 'lobby' } });
	const me = track(await signedIn(t.db, server.url, officer));
	const mine = await me.rec.call('contest:join', { code });
	expect(mine.data.me).toMatchObject({ name: 'officer', score: 0 });
	const host_ = (command: string, extra: object = {}) =>
		console_.rec.call('contest:host', { contestId: id, command, ...extra });
	const guestToken: string = joined.data.guestToken;
	return { id, code, host_, console_, studio, guest, me, officer, guestToken };
}

const answer = (c: Connected, contestId: number, index: number, response: unknown) =>
	c.rec.call('contest:answer', { contestId, round: 0, index, response });

function expectNoSecrets(received: Received[], who: string, alsoText: string[] = []) {
	expect(received.length, `${who} received nothing`).toBeGreaterThan(0);
	for (const { event, payload } of received) {
		const names = fieldNames(payload);
		for (const f of ['key', 'correct', 'explanation', 'legalBasis', 'distribution', 'points']) {
			if (f === 'points' && event !== 'contest:me' && event !== 'ack:contest:join') continue;
			expect(names.has(f), `${who} got "${f}" in ${event}`).toBe(false);
		}
		const text = JSON.stringify(payload);
		for (const secret of [SECRETS.explanation, SECRETS.legalBasis, ...alsoText]) {
			expect(text.includes(secret), `${who} got a secret in ${event}`).toBe(false);
		}
	}
}

describe('a contest over real sockets', () => {
	it('sends nobody the key, explanation or correctness before each reveal, and all of it after', async () => {
		const r = await room();
		const audiences = { studio: r.studio, guest: r.guest, officer: r.me, host: r.console_ };
		const marks = () =>
			Object.fromEntries(Object.entries(audiences).map(([k, c]) => [k, c.rec.mark()]));

		// Question 1 (single choice, key C).
		expect((await r.host_('start')).data.phase).toMatchObject({ name: 'question' });
		const q1 = await r.guest.rec.waitFor('contest:state', (p) => p.view.phase.name === 'question');
		expect(q1.view.phase.question).toMatchObject({ number: 1, total: 3, type: 'single' });
		expect(await answer(r.guest, r.id, 0, 'C')).toEqual({
			data: { round: 0, index: 0, response: 'C' }
		});
		expect(await answer(r.me, r.id, 0, 'A')).toMatchObject({ data: { response: 'A' } });
		await r.console_.rec.waitFor('contest:answered', (p) => p.answered === 2);
		expect(await answer(r.guest, r.id, 0, 'B')).toMatchObject({
			error: { code: 'contest_already_answered' }
		});
		for (const [who, c] of Object.entries(audiences)) expectNoSecrets(c.rec.received, who);

		const before = marks();
		await r.host_('reveal');
		const shown = await r.guest.rec.waitFor(
			'contest:state',
			(p) => p.view.phase.name === 'reveal',
			5_000,
			before.guest
		);
		expect(shown.view.phase.reveal).toMatchObject({
			key: 'C',
			explanation: SECRETS.explanation,
			legalBasis: SECRETS.legalBasis
		});
		expect(
			await r.guest.rec.waitFor('contest:me', (p) => p.answer?.correct === true)
		).toMatchObject({ score: expect.any(Number), rank: 1 });
		expect(await r.me.rec.waitFor('contest:me', (p) => p.answer?.correct === false)).toMatchObject({
			score: 0,
			rank: 2
		});
		const studioReveal = await r.studio.rec.waitFor(
			'contest:state',
			(p) => p.view.phase.name === 'reveal'
		);
		expect(studioReveal.view.phase.reveal.distribution).toContainEqual({
			choice: 'C',
			count: 1,
			correct: true
		});

		// Question 2 (fill-in): the guest types the key; nobody else may see that text before the reveal.
		const q2Marks = marks();
		await r.host_('next');
		await r.me.rec.waitFor('contest:state', (p) => p.view.phase.question?.index === 1);
		await answer(r.guest, r.id, 1, SECRETS.fillKey);
		await answer(r.me, r.id, 1, '警告');
		await r.studio.rec.waitFor('contest:answered', (p) => p.index === 1 && p.answered === 2);
		for (const [who, c] of Object.entries(audiences)) {
			const since = c.rec.received.slice(q2Marks[who as keyof typeof q2Marks]);
			expectNoSecrets(since, who, who === 'guest' ? [] : [SECRETS.fillKey]);
		}
		await r.host_('reveal');
		await r.me.rec.waitFor(
			'contest:state',
			(p) => p.view.phase.reveal?.key?.[0] === SECRETS.fillKey
		);

		// Question 3 (true/false), then the end.
		const q3Marks = marks();
		await r.host_('next');
		await r.guest.rec.waitFor('contest:state', (p) => p.view.phase.question?.index === 2);
		await answer(r.guest, r.id, 2, false);
		await answer(r.me, r.id, 2, false);
		for (const [who, c] of Object.entries(audiences)) {
			expectNoSecrets(c.rec.received.slice(q3Marks[who as keyof typeof q3Marks]), who);
		}
		await r.host_('reveal');
		expect((await r.host_('next')).data.phase).toEqual({ name: 'ended' });
		const podium = await r.studio.rec.waitFor(
			'contest:state',
			(p) => p.view.phase.name === 'ended'
		);
		expect(podium.view.podium.map((s: { name: string }) => s.name)).toEqual(['游客甲', 'officer']);
		const [{ stored }] = await t.db
			.select({ stored: count() })
			.from(table.contestAnswer)
			.where(eq(table.contestAnswer.contestId, r.id));
		expect(stored).toBe(6);
	});

	it('refuses an answer after the deadline plus grace, with the reason', async () => {
		const r = await room({ limitSeconds: 5 });
		await r.host_('start');
		skew = 5_000 + 600;
		expect(await answer(r.guest, r.id, 0, 'C')).toMatchObject({
			error: { code: 'contest_too_late', message: '作答时间已过，本次提交未计入。' }
		});
		skew = 5_000 + 400;
		expect(await answer(r.me, r.id, 0, 'C')).toMatchObject({ data: { response: 'C' } });
	});

	it('reveals by itself once the time is up, and then refuses answers', async () => {
		const r = await room({ limitSeconds: 5 });
		await r.host_('start');
		const revealed = await r.guest.rec.waitFor(
			'contest:state',
			(p) => p.view.phase.name === 'reveal',
			8_000
		);
		expect(revealed.view.phase.reveal.key).toBe('C');
		expect(await answer(r.guest, r.id, 0, 'C')).toMatchObject({
			error: { code: 'contest_not_open' }
		});
	}, 15_000);

	it('brings a reconnecting guest and officer back with their score and the open question', async () => {
		const r = await room();
		await r.host_('start');
		await answer(r.guest, r.id, 0, 'C');
		await r.host_('reveal');
		const score = (await r.guest.rec.waitFor('contest:me', (p) => p.answer?.correct)).score;
		expect(score).toBeGreaterThan(0);
		await r.host_('next');
		await answer(r.me, r.id, 1, '按日连续处罚');
		r.guest.socket.disconnect();
		r.me.socket.disconnect();

		const guest = track(await connect(server.url, { contestCode: r.code }));
		const back = await guest.rec.call('contest:join', { code: r.code, guestToken: r.guestToken });
		expect(back.data.me).toMatchObject({ name: '游客甲', score, answer: null });
		expect(back.data.phase).toMatchObject({ name: 'question', question: { index: 1 } });
		expect(await answer(guest, r.id, 1, SECRETS.fillKey)).toMatchObject({ data: {} });

		const me = track(await signedIn(t.db, server.url, r.officer));
		const mine = await me.rec.call('contest:join', { code: r.code });
		expect(mine.data.me).toMatchObject({
			name: 'officer',
			answer: { index: 1, response: '按日连续处罚' }
		});
		expect(await answer(me, r.id, 1, '再答一次')).toMatchObject({
			error: { code: 'contest_already_answered' }
		});
		const roster = (await r.host_('pause')).data.roster;
		expect(roster).toHaveLength(2);
	});

	it('keeps one seat per contestant: joining again elsewhere retires the older connection', async () => {
		const r = await room();
		const second = track(await signedIn(t.db, server.url, r.officer));
		expect((await second.rec.call('contest:join', { code: r.code })).data.me.name).toBe('officer');
		expect(await r.me.rec.waitFor('contest:left')).toEqual({ contestId: r.id, reason: 'replaced' });
		await r.host_('start');
		expect(await answer(r.me, r.id, 0, 'C')).toMatchObject({
			error: { code: 'contest_not_joined' }
		});
		expect(await answer(second, r.id, 0, 'C')).toMatchObject({ data: { response: 'C' } });
		expect((await r.host_('pause')).data.contest.contestants).toBe(2);
	});

	it('lets the host remove a contestant, who cannot answer or come back', async () => {
		const r = await room();
		const view = (await r.console_.rec.call('contest:watch', { contestId: r.id, view: 'host' }))
			.data.view;
		const target = view.roster.find((row: { name: string }) => row.name === '游客甲');
		expect(
			(await r.host_('kick', { contestantId: target.contestantId })).data.contest.contestants
		).toBe(1);
		expect(await r.guest.rec.waitFor('contest:left')).toEqual({
			contestId: r.id,
			reason: 'removed'
		});
		await r.host_('start');
		expect(await answer(r.guest, r.id, 0, 'C')).toMatchObject({
			error: { code: 'contest_not_joined' }
		});
		expect(
			await r.guest.rec.call('contest:join', { code: r.code, guestToken: r.guestToken })
		).toMatchObject({
			error: { code: 'contest_kicked' }
		});
	});
});
