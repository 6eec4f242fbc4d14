import { describe, expect, it } from 'vitest';
import { levelFromXp, MAX_LEVEL, xpForLevel } from './levels';

describe('level curve', () => {
	it.each([
		[0, 1],
		[99, 1],
		[100, 2],
		[299, 2],
		[300, 3],
		[999, 4],
		[1000, 5],
		[4500, 10],
		[19_000, 20]
	])('%i XP is level %i', (xp, level) => {
		expect(levelFromXp(xp).level).toBe(level);
	});

	it('costs 100 XP more for each level than for the one before', () => {
		for (let l = 2; l < 50; l++) {
			expect(xpForLevel(l + 1) - xpForLevel(l) - (xpForLevel(l) - xpForLevel(l - 1))).toBe(100);
		}
	});

	it('reports progress inside the level', () => {
		expect(levelFromXp(350)).toEqual({ level: 3, into: 50, span: 300, toNext: 250 });
	});

	it('lands exactly on every threshold', () => {
		for (let l = 1; l <= MAX_LEVEL; l++) {
			expect(levelFromXp(xpForLevel(l)).level).toBe(l);
			if (l > 1) expect(levelFromXp(xpForLevel(l) - 1).level).toBe(l - 1);
		}
	});

	it('stops at the top level and ignores negative totals', () => {
		expect(levelFromXp(10_000_000)).toMatchObject({ level: MAX_LEVEL, span: 0, toNext: 0 });
		expect(levelFromXp(-5).level).toBe(1);
	});
});
