// The drills' side of the interface with progression: XP comes back with each answer and is
// kept with it, and finishing (not abandoning) a daily set records the day.
import { describe, expect, it } from 'vitest';
import { makeUser } from '../helpers/events';
import * as table from '../../src/lib/server/db/schema';
import { recordAnswer } from '../../src/lib/server/drill/answer';
import { getSessionResult } from '../../src/lib/server/drill/feedback';
import { endSession, startSession } from '../../src/lib/server/drill/sessions';
import { answerNext, drillTest, publishMany } from './drill-fixtures';

const ctx = drillTest(async (db) => {
	await publishMany(db, 2);
});

const now = new Date('2025-03-03T01:00:00Z');

async function completedDays() {
	const rows = await ctx.t.db.select().from(table.activityDay);
	return rows.filter((r) => r.dailyCompleted).map((r) => r.day);
}

describe('drills and progression', () => {
	it('returns and keeps the XP of each answer; a repeat gets the same XP, not more', async () => {
		const s = await startSession(ctx.t.db, ctx.officer.id, { mode: 'daily' }, now);
		const input = {
			key: crypto.randomUUID(),
			sessionId: s.id,
			position: 0,
			versionId: s.versionIds[0],
			response: 'A',
			timeMs: 9000
		};
		const first = await recordAnswer(ctx.t.db, ctx.officer.id, input, now);
		expect(first.xp).toBeGreaterThan(0);
		expect(await recordAnswer(ctx.t.db, ctx.officer.id, input, now)).toEqual(first);
		const wrong = await answerNext(ctx.t.db, ctx.officer.id, s.id, false, now);
		expect(wrong.xp).toBe(0);
		const rows = await ctx.t.db.select().from(table.drillAnswer);
		expect(rows.map((r) => r.xp).sort()).toEqual([0, first.xp].sort());
		const events = await ctx.t.db.select().from(table.xpEvent);
		expect(events.filter((e) => e.reason === 'answer_correct')).toHaveLength(1);
	});

	it('records the day when the daily set is finished, not when it is abandoned', async () => {
		const abandoned = await startSession(ctx.t.db, ctx.officer.id, { mode: 'daily' }, now);
		await answerNext(ctx.t.db, ctx.officer.id, abandoned.id, true, now);
		await endSession(ctx.t.db, ctx.officer.id, abandoned.id, now);
		expect(await completedDays()).toEqual([]);

		const topic = await startSession(
			ctx.t.db,
			ctx.officer.id,
			{ mode: 'topic', topic: '执法质量提升' },
			now
		);
		await answerNext(ctx.t.db, ctx.officer.id, topic.id, true, now);
		await answerNext(ctx.t.db, ctx.officer.id, topic.id, true, now);
		expect(await completedDays()).toEqual([]);

		const finished = await startSession(ctx.t.db, ctx.officer.id, { mode: 'daily' }, now);
		await answerNext(ctx.t.db, ctx.officer.id, finished.id, true, now);
		const last = await answerNext(ctx.t.db, ctx.officer.id, finished.id, false, now);
		expect(last.finished).toBe(true);
		expect(await completedDays()).toEqual(['2025-03-03']);
	});

	it("shows the completion bonus in the day's first finished set only", async () => {
		const first = await startSession(ctx.t.db, ctx.officer.id, { mode: 'daily' }, now);
		const a = await answerNext(ctx.t.db, ctx.officer.id, first.id, true, now);
		const b = await answerNext(ctx.t.db, ctx.officer.id, first.id, true, now);
		expect(await getSessionResult(ctx.t.db, ctx.officer.id, first.id)).toMatchObject({
			complete: true,
			bonus: 30,
			xp: a.xp + b.xp + 30
		});

		const later = new Date(now.getTime() + 60_000);
		const second = await startSession(ctx.t.db, ctx.officer.id, { mode: 'daily' }, later);
		expect(second.id).not.toBe(first.id);
		await answerNext(ctx.t.db, ctx.officer.id, second.id, false, later);
		await answerNext(ctx.t.db, ctx.officer.id, second.id, false, later);
		expect(await getSessionResult(ctx.t.db, ctx.officer.id, second.id)).toMatchObject({
			complete: true,
			bonus: 0,
			xp: 0
		});
		const other = await makeUser(ctx.t.db, 'xj.officer', 'officer', '650000');
		expect(await getSessionResult(ctx.t.db, other.id, first.id)).toBeUndefined();
	});
});
