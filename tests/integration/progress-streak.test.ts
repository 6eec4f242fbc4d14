import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { DomainError } from '../../src/lib/server/errors';
import { awardForAnswer, recordDailyCompleted } from '../../src/lib/server/progress';
import { grantDutyDays, listDutyDays, revokeDutyDay } from '../../src/lib/server/progress/duty';
import { loadStreak, monthCalendar } from '../../src/lib/server/progress/streaks';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { china, publishedQuestions } from './progress-fixtures';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
});
beforeEach(async () => {
	await t.reset();
});
afterAll(async () => {
	await t?.close();
});

async function practise(userId: string, local: string) {
	await recordDailyCompleted(t.db, { userId, at: china(local) });
}

async function codeOf(run: () => Promise<unknown>): Promise<string> {
	try {
		await run();
	} catch (e) {
		if (e instanceof DomainError) return e.code;
		throw e;
	}
	return 'ok';
}

describe('streaks in China time', () => {
	it('counts 23:50 and 00:05 Shanghai as two days in a row, and ten answers as a practice day', async () => {
		const officer = await makeUser(t.db, 'st.officer', 'officer', '210000');
		const ids = await publishedQuestions(t.db, 10);
		// 15:50 UTC is 23:50 in Shanghai on the 10th; 16:05 UTC is already the 11th.
		for (const questionId of ids) {
			await awardForAnswer(t.db, {
				userId: officer.id,
				mode: 'topic',
				correct: false,
				questionId,
				at: new Date('2025-03-10T15:50:00Z')
			});
		}
		await practise(officer.id, '2025-03-11 00:05');
		const streak = await loadStreak(t.db, officer.id, china('2025-03-11 12:00'));
		expect(streak).toMatchObject({ current: 2, practisedToday: true });
		// One answer is not a practice day (ten are needed, or the daily set).
		await awardForAnswer(t.db, {
			userId: officer.id,
			mode: 'topic',
			correct: true,
			questionId: ids[0],
			at: china('2025-03-12 10:00')
		});
		const next = await loadStreak(t.db, officer.id, china('2025-03-13 10:00'));
		expect(next.current).toBe(0);
		expect(next.marks.get('2025-03-12')).toBe('missed');
	});

	it('spends a freeze earned by a 7-day streak on a missed day', async () => {
		const officer = await makeUser(t.db, 'fz.officer', 'officer', '210000');
		for (let d = 1; d <= 7; d++) await practise(officer.id, `2025-03-0${d} 20:00`);
		const before = await loadStreak(t.db, officer.id, china('2025-03-08 09:00'));
		expect(before).toMatchObject({ current: 7, freezes: 1 });
		await practise(officer.id, '2025-03-09 21:00');
		const after = await loadStreak(t.db, officer.id, china('2025-03-09 22:00'));
		expect(after).toMatchObject({ current: 8, freezes: 0 });
		expect(after.marks.get('2025-03-08')).toBe('frozen');
		const calendar = await monthCalendar(
			t.db,
			officer.id,
			'2025-03',
			after,
			china('2025-03-09 22:00')
		);
		expect(calendar.slice(6, 10).map((d) => d.mark)).toEqual([
			'practice',
			'frozen',
			'practice',
			'future'
		]);
		expect(calendar[0]).toMatchObject({ day: '2025-03-01', xp: 30 });
	});
});

describe('duty days', () => {
	it('a trainer in scope grants duty days that keep the streak without a freeze', async () => {
		const trainer = await makeUser(t.db, 'ln.coach', 'trainer', '210000');
		const officer = await makeUser(t.db, 'ln.field', 'officer', '210000');
		for (let d = 1; d <= 3; d++) await practise(officer.id, `2025-03-0${d} 20:00`);
		const granted = await grantDutyDays(
			t.db,
			trainer,
			{
				username: 'LN.Field',
				from: '2025-03-04',
				to: '2025-03-06',
				kind: 'emergency',
				note: ' 防汛 '
			},
			china('2025-03-07 08:00')
		);
		expect(granted).toMatchObject({ userId: officer.id, days: 3 });
		await practise(officer.id, '2025-03-07 20:00');
		const streak = await loadStreak(t.db, officer.id, china('2025-03-07 21:00'));
		expect(streak).toMatchObject({ current: 4, freezes: 0 });
		expect(streak.marks.get('2025-03-05')).toBe('duty');
		const rows = await t.db
			.select()
			.from(table.dutyDay)
			.where(eq(table.dutyDay.userId, officer.id));
		expect(rows.map((r) => [r.day, r.kind, r.note, r.grantedBy])).toEqual([
			['2025-03-04', 'emergency', '防汛', trainer.id],
			['2025-03-05', 'emergency', '防汛', trainer.id],
			['2025-03-06', 'emergency', '防汛', trainer.id]
		]);
		const listed = await listDutyDays(t.db, { rootPath: trainer.unitPath });
		expect(listed.total).toBe(3);
		expect(listed.rows[0]).toMatchObject({
			day: '2025-03-06',
			username: 'ln.field',
			grantedBy: 'ln.coach'
		});
	});

	it("refuses another province's trainer, officers, self-grants and bad ranges", async () => {
		const xjTrainer = await makeUser(t.db, 'xj.coach', 'trainer', '650000');
		const lnTrainer = await makeUser(t.db, 'ln.coach', 'trainer', '210000');
		const colleague = await makeUser(t.db, 'ln.peer', 'officer', '210000');
		await makeUser(t.db, 'ln.field', 'officer', '210000');
		const now = china('2025-03-07 08:00');
		const grant = (
			actor: typeof xjTrainer,
			over: Partial<Parameters<typeof grantDutyDays>[2]> = {}
		) =>
			codeOf(() =>
				grantDutyDays(
					t.db,
					actor,
					{
						username: 'ln.field',
						from: '2025-03-04',
						to: '2025-03-05',
						kind: 'field',
						note: '',
						...over
					},
					now
				)
			);
		expect(await grant(xjTrainer)).toBe('progress_duty_out_of_scope');
		expect(await grant(colleague)).toBe('progress_duty_forbidden');
		expect(await grant(lnTrainer, { username: 'ln.coach' })).toBe('progress_duty_self');
		expect(await grant(lnTrainer, { username: 'nobody' })).toBe('progress_duty_user_not_found');
		expect(await grant(lnTrainer, { kind: 'holiday' })).toBe('progress_duty_kind_invalid');
		expect(await grant(lnTrainer, { from: '2025-02-30' })).toBe('progress_duty_date_invalid');
		expect(await grant(lnTrainer, { from: '2025-03-06' })).toBe('progress_duty_range_order');
		expect(await grant(lnTrainer, { from: '2025-03-01', to: '2025-04-01' })).toBe(
			'progress_duty_range_too_long'
		);
		expect(await grant(lnTrainer, { from: '2024-12-01', to: '2024-12-02' })).toBe(
			'progress_duty_out_of_window'
		);
		expect(await grant(lnTrainer, { note: '长'.repeat(201) })).toBe('progress_duty_note_too_long');
		expect(await t.db.select().from(table.dutyDay)).toEqual([]);
		expect(await grant(lnTrainer)).toBe('ok');
	});

	it('only staff in scope revoke a duty day', async () => {
		const xjTrainer = await makeUser(t.db, 'xj.coach', 'trainer', '650000');
		const lnTrainer = await makeUser(t.db, 'ln.coach', 'trainer', '210000');
		const admin = await makeUser(t.db, 'root.admin', 'admin', '000000');
		await makeUser(t.db, 'ln.field', 'officer', '210000');
		await grantDutyDays(
			t.db,
			lnTrainer,
			{ username: 'ln.field', from: '2025-03-04', to: '2025-03-04', kind: 'field', note: '' },
			china('2025-03-05 08:00')
		);
		const [row] = await t.db.select().from(table.dutyDay);
		expect(await codeOf(() => revokeDutyDay(t.db, xjTrainer, row.id))).toBe(
			'progress_duty_out_of_scope'
		);
		expect((await listDutyDays(t.db, { rootPath: xjTrainer.unitPath })).total).toBe(0);
		expect(await codeOf(() => revokeDutyDay(t.db, admin, row.id))).toBe('ok');
		expect(await codeOf(() => revokeDutyDay(t.db, admin, row.id))).toBe('progress_duty_not_found');
	});
});
