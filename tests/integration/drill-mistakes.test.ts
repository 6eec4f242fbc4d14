import { describe, expect, it } from 'vitest';
import { makeUser } from '../helpers/events';
import * as table from '../../src/lib/server/db/schema';
import { countOpenMistakes } from '../../src/lib/server/drill/mistakes';
import { startSession } from '../../src/lib/server/drill/sessions';
import { answerNext, drillTest, publishMany } from './drill-fixtures';

const ctx = drillTest(async (db) => {
	await publishMany(db, 1);
});

/** Drills the notebook as a set (one question here) and answers it at `iso`. */
async function drillMistakes(correct: boolean, iso: string) {
	const at = new Date(iso);
	const s = await startSession(ctx.t.db, ctx.officer.id, { mode: 'mistakes' }, at);
	expect(s.mode).toBe('mistakes');
	return answerNext(ctx.t.db, ctx.officer.id, s.id, correct, at);
}

async function entry() {
	const [row] = await ctx.t.db.select().from(table.mistake);
	return row;
}

describe('mistakes notebook', () => {
	it('keeps a question until it is answered right on 3 distinct later China days', async () => {
		const s = await startSession(
			ctx.t.db,
			ctx.officer.id,
			{ mode: 'challenge' },
			new Date('2025-03-01T15:00:00Z')
		);
		await answerNext(ctx.t.db, ctx.officer.id, s.id, false, new Date('2025-03-01T15:00:00Z'));
		expect(await countOpenMistakes(ctx.t.db, ctx.officer.id)).toBe(1);

		await drillMistakes(true, '2025-03-01T15:59:00Z'); // 23:59 in China: same day, no count
		expect(await entry()).toMatchObject({ rightDays: 0 });
		await drillMistakes(true, '2025-03-01T16:00:00Z'); // midnight in China: 03-02
		await drillMistakes(true, '2025-03-02T10:00:00Z'); // 18:00 the same China day
		expect(await entry()).toMatchObject({ rightDays: 1, lastRightDay: '2025-03-02' });
		await drillMistakes(true, '2025-03-02T16:00:00Z'); // 03-03
		expect(await countOpenMistakes(ctx.t.db, ctx.officer.id)).toBe(1);
		await drillMistakes(true, '2025-03-05T01:00:00Z'); // 03-05
		expect(await entry()).toMatchObject({
			rightDays: 3,
			clearedAt: new Date('2025-03-05T01:00:00Z')
		});
		expect(await countOpenMistakes(ctx.t.db, ctx.officer.id)).toBe(0);
		await expect(
			startSession(ctx.t.db, ctx.officer.id, { mode: 'mistakes' }, new Date('2025-03-06T01:00:00Z'))
		).rejects.toMatchObject({ code: 'drill_nothing_to_practise' });
	});

	it('starts the count again after a wrong answer in between', async () => {
		const s = await startSession(
			ctx.t.db,
			ctx.officer.id,
			{ mode: 'daily' },
			new Date('2025-03-01T01:00:00Z')
		);
		await answerNext(ctx.t.db, ctx.officer.id, s.id, false, new Date('2025-03-01T01:00:00Z'));
		await drillMistakes(true, '2025-03-02T01:00:00Z');
		await drillMistakes(true, '2025-03-03T01:00:00Z');
		await drillMistakes(false, '2025-03-04T01:00:00Z');
		expect(await entry()).toMatchObject({ rightDays: 0, wrongCount: 2, clearedAt: null });
		await drillMistakes(true, '2025-03-05T01:00:00Z');
		expect(await entry()).toMatchObject({ rightDays: 1 });
	});

	it("keeps officers' notebooks apart", async () => {
		const s = await startSession(
			ctx.t.db,
			ctx.officer.id,
			{ mode: 'daily' },
			new Date('2025-03-01T01:00:00Z')
		);
		await answerNext(ctx.t.db, ctx.officer.id, s.id, false, new Date('2025-03-01T01:00:00Z'));
		const other = await makeUser(ctx.t.db, 'xj.officer', 'officer', '650000');
		expect(await countOpenMistakes(ctx.t.db, other.id)).toBe(0);
		await expect(
			startSession(ctx.t.db, other.id, { mode: 'mistakes' }, new Date('2025-03-02T01:00:00Z'))
		).rejects.toMatchObject({ code: 'drill_nothing_to_practise' });
	});
});
