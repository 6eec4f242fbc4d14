import { describe, expect, it } from 'vitest';
import { decide, initialState, type Command } from '../contest/engine';
import { applyEventInPlace, ownedCopy } from '../contest/fold';
import type { ContestConfig, ContestEvent, ContestState } from '../contest/types';
import { answeredCount } from '../contest/views';
import { nextCounts, type AnswerCounts } from './contest-broadcast';

const question = (questionId: number) => ({
	questionId,
	versionId: questionId,
	type: 'single' as const,
	stem: `第${questionId}题`,
	options: ['甲', '乙', '丙', '丁'],
	optionCount: 4,
	key: 'A',
	explanation: '',
	legalBasis: '',
	points: 1000
});

const config: ContestConfig = {
	title: '技能比武',
	allowGuests: true,
	allowLateJoin: true,
	graceMs: 500,
	podiumSize: 3,
	teams: [],
	rounds: [
		{
			kind: 'compulsory',
			title: '必答题',
			limitMs: 20_000,
			speedWeighted: false,
			streak: null,
			questions: [question(1), question(2)]
		}
	]
};

/** Runs batches of commands the way the hub does and checks the counts after each batch. */
function run(batches: Command[][]) {
	let state: ContestState = initialState();
	let counts: AnswerCounts | undefined;
	let at = 1_000;
	const seen: { answered: number; contestants: number }[] = [];
	for (const batch of batches) {
		const next = ownedCopy(state);
		const events: ContestEvent[] = [];
		for (const command of batch) {
			const decision = decide(next, command, (at += 100));
			if (!decision.ok) continue;
			for (const e of decision.events) applyEventInPlace(next, e);
			events.push(...decision.events);
		}
		state = next;
		counts = nextCounts(counts, events, state);
		const active = Object.values(state.contestants).filter((c) => !c.kicked).length;
		expect(counts).toMatchObject({ answered: answeredCount(state), contestants: active });
		seen.push({ answered: counts.answered, contestants: counts.contestants });
	}
	return seen;
}

const join = (id: string): Command => ({
	type: 'join',
	contestantId: id,
	name: id,
	userId: null,
	teamId: null
});
const answer = (id: string, index: number, response = 'A'): Command => ({
	type: 'answer',
	contestantId: id,
	round: 0,
	index,
	response
});

describe('nextCounts', () => {
	it('adds joins and answers batch by batch, and recounts on anything else', () => {
		const seen = run([
			[{ type: 'create', config }],
			[join('a'), join('b'), join('a')], // the second join of a is a reconnect
			[{ type: 'start' }],
			[answer('a', 0), join('c')],
			[answer('a', 0), answer('b', 0)], // a's second answer is refused
			[{ type: 'kick', contestantId: 'a' }], // the removed contestant's answer no longer counts
			[{ type: 'reveal' }],
			[answer('c', 0)], // too late: refused
			[{ type: 'next' }],
			[answer('c', 1), answer('b', 1, 'B')]
		]);
		expect(seen).toEqual([
			{ answered: 0, contestants: 0 },
			{ answered: 0, contestants: 2 },
			{ answered: 0, contestants: 2 },
			{ answered: 1, contestants: 3 },
			{ answered: 2, contestants: 3 },
			{ answered: 1, contestants: 2 },
			{ answered: 1, contestants: 2 },
			{ answered: 1, contestants: 2 },
			{ answered: 0, contestants: 2 },
			{ answered: 2, contestants: 2 }
		]);
	});
});
