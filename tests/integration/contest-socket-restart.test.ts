// The server dies mid-question and a new process (new socket server, new hub) starts on the same
// database and port: the contest is rebuilt from its log, clients reconnect by themselves and
// carry on with the same scores, the same open question and the same absolute deadline.
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { sessionCookie } from '../helpers/realtime';
import {
	connect,
	makeContest,
	SECRETS,
	startServer,
	type Connected,
	type RunningServer
} from './contest-socket-fixtures';

let t: TestDatabase;
const servers: RunningServer[] = [];
const open: Connected[] = [];

beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t?.close();
});
beforeEach(async () => {
	await t.reset();
});
afterEach(async () => {
	for (const c of open.splice(0)) c.socket.disconnect();
	for (const s of servers.splice(0)) await s.close();
});

/** Connects with automatic reconnection and, like the play page, joins again on reconnect. */
async function player(
	url: string,
	auth: { cookie?: string; contestCode?: string },
	join: () => object
) {
	const c = await connect(url, auth, { reconnection: true });
	open.push(c);
	c.socket.io.on('reconnect', () => void c.rec.call('contest:join', join()));
	return { ...c, first: await c.rec.call('contest:join', join()) };
}

it('rebuilds a contest killed mid-question and lets reconnecting clients continue', async () => {
	const first = await startServer(t.db);
	servers.push(first);
	const host = await makeUser(t.db, 'host', 'trainer', '210000');
	const officer = await makeUser(t.db, 'officer', 'officer', '210000');
	const { id, code } = await makeContest(t.db, host, { limitSeconds: 6 });
	const hostCookie = (await sessionCookie(t.db, host.id)).cookie;
	const console_ = await connect(first.url, { cookie: hostCookie }, { reconnection: true });
	open.push(console_);
	const watch = { contestId: id, view: 'host' };
	console_.socket.io.on('reconnect', () => void console_.rec.call('contest:watch', watch));
	await console_.rec.call('contest:watch', watch);

	let token = '';
	const guest = await player(first.url, { contestCode: code }, () =>
		token ? { code, guestToken: token } : { code, name: '游客甲' }
	);
	token = guest.first.data.guestToken;
	const officerCookie = (await sessionCookie(t.db, officer.id)).cookie;
	const me = await player(first.url, { cookie: officerCookie }, () => ({ code }));

	// Question 1, answered and revealed; question 2 opened and answered by the guest.
	await console_.rec.call('contest:host', { contestId: id, command: 'start' });
	await guest.rec.call('contest:answer', { contestId: id, round: 0, index: 0, response: 'C' });
	await console_.rec.call('contest:host', { contestId: id, command: 'reveal' });
	const score = (await guest.rec.waitFor('contest:me', (p) => p.answer?.correct)).score as number;
	expect(score).toBeGreaterThan(0);
	const opened = (await console_.rec.call('contest:host', { contestId: id, command: 'next' })).data
		.phase;
	expect(opened).toMatchObject({ name: 'question', question: { index: 1 } });
	expect(
		await guest.rec.call('contest:answer', { contestId: id, round: 0, index: 1, response: '警告' })
	).toMatchObject({ data: { response: '警告' } });

	// Kill it. Nothing answers on the port until the new process is up.
	const marks = { guest: guest.rec.mark(), me: me.rec.mark(), host: console_.rec.mark() };
	await first.crash();
	servers.splice(servers.indexOf(first), 1);
	await new Promise((r) => setTimeout(r, 300));
	const second = await startServer(t.db, first.port);
	servers.push(second);
	await second.contests.hub.recover();

	// Everyone is back by themselves: same contestant, same score, same question, same deadline.
	const back = await guest.rec.waitFor('ack:contest:join', (p) => !!p.data, 10_000, marks.guest);
	expect(back.data.me).toMatchObject({
		name: '游客甲',
		score,
		answer: { index: 1, response: '警告' }
	});
	expect(back.data.phase).toEqual(opened);
	const mine = await me.rec.waitFor('ack:contest:join', (p) => !!p.data, 10_000, marks.me);
	expect(mine.data.me).toMatchObject({ name: 'officer', score: 0, answer: null });
	expect(
		await me.rec.call('contest:answer', {
			contestId: id,
			round: 0,
			index: 1,
			response: SECRETS.fillKey
		})
	).toMatchObject({ data: {} });
	expect(
		await guest.rec.call('contest:answer', {
			contestId: id,
			round: 0,
			index: 1,
			response: '又一次'
		})
	).toMatchObject({
		error: { code: 'contest_already_answered' }
	});

	// The new process re-armed the automatic reveal from the deadline stored in the log.
	const revealed = await guest.rec.waitFor(
		'contest:state',
		(p) => p.view.phase.name === 'reveal' && p.view.phase.question.index === 1,
		12_000,
		marks.guest
	);
	expect(Date.now()).toBeGreaterThanOrEqual(opened.deadline);
	expect(revealed.view.phase.reveal.answered).toBe(2);
	const after = await me.rec.waitFor('contest:me', (p) => p.answer?.index === 1, 5_000, marks.me);
	expect(after).toMatchObject({ answer: { correct: true }, score: expect.any(Number) });
	expect(after.score).toBeGreaterThan(0);
	const rewatched = await console_.rec.waitFor('ack:contest:watch', () => true, 5_000, marks.host);
	expect(rewatched.data.view.phase).toEqual(opened);
}, 40_000);
