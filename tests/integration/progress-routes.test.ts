import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import * as table from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { awardForAnswer } from '../../src/lib/server/progress';
import { chinaDayKey } from '../../src/lib/server/progress/china-time';
import * as progressPage from '../../src/routes/progress/+page.server';
import * as ledgerPage from '../../src/routes/progress/xp/+page.server';
import * as leaguePage from '../../src/routes/progress/league/+page.server';
import * as dutyPage from '../../src/routes/manage/duty/+page.server';
import { publishedQuestions } from './progress-fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
	useDatabase(t);
});
afterAll(async () => {
	await t?.close();
});

let officer: SessionUser;
let lnTrainer: SessionUser;
let xjTrainer: SessionUser;
beforeEach(async () => {
	await t.reset();
	officer = await makeUser(t.db, 'ln.field', 'officer', '210000');
	lnTrainer = await makeUser(t.db, 'ln.coach', 'trainer', '210000');
	xjTrainer = await makeUser(t.db, 'xj.coach', 'trainer', '650000');
});

describe('/progress pages', () => {
	it('send visitors who are not signed in to the login page', async () => {
		for (const [load, url] of [
			[progressPage.load, '/progress'],
			[ledgerPage.load, '/progress/xp'],
			[leaguePage.load, '/progress/league']
		] as const) {
			const result = await outcome(() => (load as Any)(fakeEvent({ url })));
			expect(result).toMatchObject({ kind: 'redirect', status: 303 });
		}
	});

	it("show the officer's own level, today's XP, league place and ledger", async () => {
		const ids = await publishedQuestions(t.db, 3, { difficulty: 4 });
		for (const questionId of ids) {
			await awardForAnswer(t.db, {
				userId: officer.id,
				mode: 'daily',
				correct: true,
				questionId,
				at: new Date()
			});
		}
		const page = (await progressPage.load(
			fakeEvent({ user: officer, url: '/progress?month=bad' }) as Any
		)) as Any;
		const o = page.overview;
		expect(o.xp).toBe(39);
		expect(o.today).toMatchObject({
			day: chinaDayKey(new Date()),
			xp: 39,
			modes: [{ mode: 'daily', xp: 39, cap: 150 }]
		});
		expect(o.calendar.month).toBe(chinaDayKey(new Date()).slice(0, 7));
		expect(o.calendar.next).toBeNull();
		expect(o.league.cohort).toMatchObject({ rank: 1, size: 1 });
		expect(o.badges.find((b: Any) => b.id === 'first_answer').earnedAt).not.toBeNull();
		expect(page.rules).toMatchObject({
			maxFreezes: 2,
			minAnswers: 10,
			fullZones: { promote: 5, demote: 5 }
		});

		const earlier = (await progressPage.load(
			fakeEvent({ user: officer, url: '/progress?month=2024-02' }) as Any
		)) as Any;
		expect(earlier.overview.calendar).toMatchObject({
			month: '2024-02',
			prev: '2024-01',
			next: '2024-03'
		});
		expect(earlier.overview.calendar.days).toHaveLength(29);

		const ledger = (await ledgerPage.load(
			fakeEvent({ user: officer, url: '/progress/xp' }) as Any
		)) as Any;
		expect(ledger.ledger).toMatchObject({ total: 3, page: 1, pages: 1 });
		expect(ledger.ledger.rows.map((r: Any) => r.amount)).toEqual([13, 13, 13]);
		// Another officer's ledger is their own: empty.
		const other = await makeUser(t.db, 'ln.other', 'officer', '210000');
		const theirs = (await ledgerPage.load(
			fakeEvent({ user: other, url: '/progress/xp' }) as Any
		)) as Any;
		expect(theirs.ledger.total).toBe(0);

		const league = (await leaguePage.load(
			fakeEvent({ user: officer, url: '/progress/league' }) as Any
		)) as Any;
		expect(league.standing.cohort.rows.map((r: Any) => [r.displayName, r.xp])).toEqual([
			['ln.field', 39]
		]);
		expect(league.history.total).toBe(0);
	});
});

describe('/manage/duty', () => {
	const grant = (user: SessionUser, form: Record<string, string>) =>
		outcome(() =>
			dutyPage.actions.grant(fakeEvent({ user, url: '/manage/duty?/grant', form }) as Any)
		);
	const today = () => chinaDayKey(new Date());

	it('is for staff only', async () => {
		expect(
			await outcome(() => dutyPage.load(fakeEvent({ user: officer, url: '/manage/duty' }) as Any))
		).toMatchObject({
			kind: 'error',
			status: 403
		});
		expect(
			await grant(officer, {
				username: 'ln.field',
				from: today(),
				to: today(),
				kind: 'field',
				note: ''
			})
		).toMatchObject({ kind: 'error', status: 403 });
		expect(
			await outcome(() => dutyPage.load(fakeEvent({ url: '/manage/duty' }) as Any))
		).toMatchObject({
			kind: 'redirect'
		});
	});

	it('grants in scope, refuses another province, and lists only the own scope', async () => {
		const ok = await grant(lnTrainer, {
			username: 'ln.field',
			from: today(),
			to: '',
			kind: 'emergency',
			note: '森林火灾'
		});
		expect(ok).toMatchObject({ kind: 'ok', value: { granted: { name: 'ln.field', days: 1 } } });

		const refused = (await grant(xjTrainer, {
			username: 'ln.field',
			from: today(),
			to: today(),
			kind: 'field',
			note: ''
		})) as Any;
		expect(refused.value.status).toBe(400);
		expect(refused.value.data).toMatchObject({
			code: 'progress_duty_out_of_scope',
			values: { username: 'ln.field' }
		});
		expect(refused.value.data.message).toBe('该账号不在你的管理范围内。');

		const mine = (await dutyPage.load(
			fakeEvent({ user: lnTrainer, url: '/manage/duty' }) as Any
		)) as Any;
		expect(mine.rows.map((r: Any) => [r.username, r.kind, r.note])).toEqual([
			['ln.field', 'emergency', '森林火灾']
		]);
		const theirs = (await dutyPage.load(
			fakeEvent({ user: xjTrainer, url: '/manage/duty' }) as Any
		)) as Any;
		expect(theirs.total).toBe(0);

		const [row] = await t.db
			.select()
			.from(table.dutyDay)
			.where(eq(table.dutyDay.userId, officer.id));
		const revoke = (user: SessionUser, id: string) =>
			outcome(() =>
				dutyPage.actions.revoke(
					fakeEvent({ user, url: '/manage/duty?/revoke', form: { id } }) as Any
				)
			);
		expect(((await revoke(xjTrainer, String(row.id))) as Any).value.data.code).toBe(
			'progress_duty_out_of_scope'
		);
		expect(((await revoke(lnTrainer, 'abc')) as Any).value.data.code).toBe(
			'progress_duty_not_found'
		);
		expect(await revoke(lnTrainer, String(row.id))).toMatchObject({
			kind: 'ok',
			value: { revoked: true }
		});
		expect(await t.db.select().from(table.dutyDay)).toEqual([]);
	});

	it('answers bad input with the field it belongs to', async () => {
		const result = (await grant(lnTrainer, {
			username: 'ln.field',
			from: today(),
			to: '2000-01-01',
			kind: 'field',
			note: ''
		})) as Any;
		expect(result.value.data.code).toBe('progress_duty_range_order');
	});
});
