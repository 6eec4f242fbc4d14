// Several app processes on one PostgreSQL: each caches the contests it serves, hears the others'
// appends (LISTEN/NOTIFY) and reads what is newer before it decides, so a command through one
// process meets what another stored, timers follow the log, and an automatic reveal is written
// once. Needs PostgreSQL (TEST_DATABASE_URL): the embedded PGlite serves a single process, so a
// plain `npm test` skips this; the socket test also needs Redis (REDIS_URL) to span the rooms.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { ContestHub, createContest } from '../../src/lib/server/contest/service';
import type { ContestEvent } from '../../src/lib/server/contest/types';
import { openDatabase, type Database } from '../../src/lib/server/db/client';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { draft, publishQuestions, question, round } from './contest-fixtures';
import {
	makeContest,
	signedIn,
	connect,
	startServer,
	type Connected,
	type RunningServer
} from './contest-socket-fixtures';

const postgresUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.REDIS_URL;

describe.skipIf(!postgresUrl)(
	'two app processes on one PostgreSQL (needs TEST_DATABASE_URL)',
	() => {
		let t: TestDatabase;
		/** Each "process" has its own connections, as separate processes would. */
		const processes: Database[] = [];
		const hubs: ContestHub[] = [];

		beforeAll(async () => {
			t = await openTestDatabase();
			for (let i = 0; i < 2; i++) {
				processes.push(await openDatabase({ url: t.url!, migrationsFolder: null }));
			}
		});
		afterAll(async () => {
			for (const p of processes) await p.close();
			await t?.close();
		});
		beforeEach(async () => {
			await t.reset();
		});
		afterEach(() => {
			for (const h of hubs.splice(0)) h.close();
		});

		/** A hub in process `i`, recording what it committed and what it caught up with. */
		async function hubIn(i: number, now?: () => number) {
			const committed: ContestEvent[] = [];
			const caughtUp: ContestEvent[] = [];
			const hub = new ContestHub({
				db: processes[i].db,
				listen: processes[i].listen,
				now,
				onEvents: (_id, events) => committed.push(...events),
				onCatchUp: (_id, events) => caughtUp.push(...events)
			});
			hubs.push(hub);
			await hub.listening;
			return { hub, committed, caughtUp };
		}

		async function until(test: () => boolean | Promise<boolean>, ms = 3_000) {
			const deadline = Date.now() + ms;
			while (!(await test())) {
				if (Date.now() > deadline) throw new Error('condition not met in time');
				await new Promise((r) => setTimeout(r, 20));
			}
		}

		async function contest(limitSeconds = 20) {
			const host = await makeUser(t.db, 'cluster-host', 'trainer', '210000');
			const officer = await makeUser(t.db, 'cluster-officer', 'officer', '210000');
			const qids = await publishQuestions(t.db, '210000', [
				question({ answer: 'A' }),
				question({ stem: '第二题', answer: 'B' })
			]);
			const { id } = await createContest(
				t.db,
				host,
				draft({ rounds: [round({ questionIds: qids, limitSeconds })] })
			);
			return { id, officer };
		}

		async function storedTypes(id: number) {
			const rows = await t.db
				.select({ type: table.contestEvent.type })
				.from(table.contestEvent)
				.where(eq(table.contestEvent.contestId, id))
				.orderBy(asc(table.contestEvent.seq));
			return rows.map((r) => r.type);
		}

		it('lets a command through B follow one through A, with no collision and no reload', async () => {
			const { id, officer } = await contest();
			const a = await hubIn(0);
			const b = await hubIn(1);
			// Both processes have the contest cached, in the lobby.
			expect((await a.hub.state(id)).phase.name).toBe('lobby');
			expect((await b.hub.state(id)).phase.name).toBe('lobby');

			const joined = await a.hub.join(id, { userId: officer.id });
			if (!('contestantId' in joined)) throw new Error(joined.code);
			expect((await a.hub.execute(id, { type: 'start' })).ok).toBe(true);
			// B hears of it by itself, without being asked anything.
			await until(() => b.caughtUp.some((e) => e.type === 'question_opened'));
			expect(b.caughtUp.map((e) => e.type)).toEqual(['joined', 'started', 'question_opened']);

			const answer = {
				type: 'answer',
				contestantId: joined.contestantId,
				round: 0,
				index: 0
			} as const;
			const onB = await b.hub.execute(id, { ...answer, response: 'A' });
			expect(onB).toMatchObject({ ok: true });
			// The same contestant again, through A: A knows B's answer before it decides.
			expect(await a.hub.execute(id, { ...answer, response: 'B' })).toMatchObject({
				ok: false,
				code: 'contest_already_answered'
			});
			expect((await b.hub.execute(id, { type: 'reveal' })).ok).toBe(true);
			expect((await a.hub.execute(id, { type: 'next' })).ok).toBe(true);

			expect(a.hub.stats.retries).toBe(0);
			expect(b.hub.stats.retries).toBe(0);
			expect(await storedTypes(id)).toEqual([
				'created',
				'joined',
				'started',
				'question_opened',
				'answers',
				'revealed',
				'question_opened'
			]);
			const stateA = await a.hub.state(id);
			expect(await b.hub.state(id)).toEqual(stateA);
			expect(stateA.contestants[joined.contestantId].score).toBeGreaterThan(0);
		});

		it('catches up before deciding even when the notification has not arrived yet', async () => {
			const { id, officer } = await contest();
			const a = await hubIn(0);
			// B hears nothing (no listen), so only its read before deciding can save it.
			const deaf = new ContestHub({ db: processes[1].db });
			hubs.push(deaf);
			const b = new ContestHub({ db: processes[1].db, listen: async () => async () => {} });
			hubs.push(b);
			expect((await b.state(id)).phase.name).toBe('lobby');
			expect((await deaf.state(id)).phase.name).toBe('lobby');
			const joined = await a.hub.join(id, { userId: officer.id });
			if (!('contestantId' in joined)) throw new Error(joined.code);
			expect((await a.hub.execute(id, { type: 'start' })).ok).toBe(true);

			const answer = {
				type: 'answer',
				contestantId: joined.contestantId,
				round: 0,
				index: 0,
				response: 'A'
			} as const;
			// A hub that believes it is alone decides on its stale state (nobody joined) and refuses.
			expect(await deaf.execute(id, answer)).toMatchObject({
				ok: false,
				code: 'contest_not_joined'
			});
			expect(await b.execute(id, answer)).toMatchObject({ ok: true });
			expect(b.stats.retries).toBe(0);
		});

		it('arms the reveal in both processes and writes it once', async () => {
			const { id, officer } = await contest(5);
			const a = await hubIn(0);
			const b = await hubIn(1);
			await b.hub.state(id); // B caches the contest; from now on it follows A's appends
			const joined = await a.hub.join(id, { userId: officer.id });
			if (!('contestantId' in joined)) throw new Error(joined.code);
			const started = await a.hub.execute(id, { type: 'start' });
			const phase = started.state!.phase;
			if (phase.name !== 'question') throw new Error('no open question');
			await until(() => b.caughtUp.some((e) => e.type === 'question_opened'));

			// Both timers fire at deadline + grace; one process writes the reveal, the other finds
			// it done. Whichever wrote it, the other learns of it and disarms.
			const due = phase.deadline + started.state!.config!.graceMs;
			await new Promise((r) => setTimeout(r, due - Date.now() + 1_500));
			const reveals = (events: ContestEvent[]) => events.filter((e) => e.type === 'revealed');
			expect((await storedTypes(id)).filter((type) => type === 'revealed')).toHaveLength(1);
			expect(reveals(a.committed).length + reveals(b.committed).length).toBe(1);
			expect(reveals(a.caughtUp).length + reveals(b.caughtUp).length).toBe(1);
			expect((await a.hub.state(id)).phase.name).toBe('reveal');
			expect((await b.hub.state(id)).phase.name).toBe('reveal');
		});

		it('forgets an ended contest in every process', async () => {
			const { id } = await contest();
			const a = await hubIn(0);
			const b = await hubIn(1);
			await a.hub.state(id);
			await b.hub.state(id);
			expect(a.hub.cachedContests).toBe(1);
			expect(b.hub.cachedContests).toBe(1);
			expect((await a.hub.execute(id, { type: 'end' })).ok).toBe(true);
			expect(a.hub.cachedContests).toBe(0);
			await until(() => b.hub.cachedContests === 0);
			expect(b.caughtUp.map((e) => e.type)).toEqual(['ended']);
			// Still answerable from the log, without being kept.
			expect((await b.hub.state(id)).phase.name).toBe('ended');
			expect(b.hub.cachedContests).toBe(0);
			expect(await b.hub.execute(id, { type: 'next' })).toMatchObject({
				ok: false,
				code: 'contest_ended'
			});
		});

		describe.skipIf(!redisUrl)('behind the Redis adapter (needs REDIS_URL)', () => {
			const servers: RunningServer[] = [];
			const open: Connected[] = [];

			afterEach(async () => {
				for (const c of open.splice(0)) c.socket.disconnect();
				for (const s of servers.splice(0)) await s.close();
			});

			it("shows clients on B what A stored, and lets B's host carry on from there", async () => {
				for (const p of processes) {
					servers.push(await startServer(p.db, 0, undefined, p.listen));
				}
				await Promise.all(servers.map((s) => s.contests.hub.listening));
				const [onA, onB] = servers;
				const host = await makeUser(t.db, 'host', 'trainer', '210000');
				const officer = await makeUser(t.db, 'officer', 'officer', '210000');
				const { id, code } = await makeContest(t.db, host);
				const track = (c: Connected) => (open.push(c), c);

				const consoleA = track(await signedIn(t.db, onA.url, host));
				const consoleB = track(await signedIn(t.db, onB.url, host));
				const studioB = track(await signedIn(t.db, onB.url, host));
				await consoleA.rec.call('contest:watch', { contestId: id, view: 'host' });
				await consoleB.rec.call('contest:watch', { contestId: id, view: 'host' });
				await studioB.rec.call('contest:watch', { contestId: id, view: 'studio' });
				const guestA = track(await connect(onA.url, { contestCode: code }));
				expect((await guestA.rec.call('contest:join', { code, name: '甲' })).data).toBeDefined();
				const officerB = track(await signedIn(t.db, onB.url, officer));
				expect((await officerB.rec.call('contest:join', { code })).data).toBeDefined();

				// Started on A: the player on B gets the question and answers it through B.
				const host_ = (c: Connected, command: string) =>
					c.rec.call('contest:host', { contestId: id, command });
				expect((await host_(consoleA, 'start')).data.phase.name).toBe('question');
				await officerB.rec.waitFor('contest:state', (p) => p.view.phase.name === 'question');
				const answer = (c: Connected, response: string) =>
					c.rec.call('contest:answer', { contestId: id, round: 0, index: 0, response });
				expect(await answer(officerB, 'C')).toMatchObject({ data: { response: 'C' } });
				expect(await answer(guestA, 'A')).toMatchObject({ data: { response: 'A' } });

				// B's studio sees both answers; a screen that (re)connects to B gets the current view.
				await studioB.rec.waitFor('contest:answered', (p) => p.answered === 2);
				const lateStudio = track(await signedIn(t.db, onB.url, host));
				const watched = await lateStudio.rec.call('contest:watch', {
					contestId: id,
					view: 'studio'
				});
				expect(watched.data.view).toMatchObject({ answered: 2, phase: { name: 'question' } });

				// B's host reveals what A and B stored; everyone, on A too, gets it once.
				const revealed = await host_(consoleB, 'reveal');
				expect(revealed.data.phase).toMatchObject({
					name: 'reveal',
					reveal: { answered: 2, correct: 1 }
				});
				const me = await officerB.rec.waitFor('contest:me', (p) => p.answer?.correct === true);
				expect(me.score).toBeGreaterThan(0);
				await guestA.rec.waitFor('contest:state', (p) => p.view.phase.name === 'reveal');
				await new Promise((r) => setTimeout(r, 300));
				const revealStates = guestA.rec.received.filter(
					(r) =>
						r.event === 'contest:state' &&
						(r.payload as { view: { phase: { name: string } } }).view.phase.name === 'reveal'
				);
				expect(revealStates).toHaveLength(1);
				expect((await host_(consoleA, 'next')).data.phase.question.number).toBe(2);
				expect(onA.contests.hub.stats.retries + onB.contests.hub.stats.retries).toBe(0);
			});
		});
	}
);
