import { describe, expect, it } from 'vitest';
import { summariseResults, type ResultAnswer, type ResultContestant } from './results-summary';
import type { ContestConfig, ContestQuestion } from './types';

const q = (over: Partial<ContestQuestion>): ContestQuestion => ({
	questionId: 1,
	versionId: 1,
	type: 'single',
	stem: '题干',
	options: ['甲', '乙', '丙', '丁'],
	optionCount: 4,
	key: 'B',
	explanation: '',
	legalBasis: '',
	points: 1000,
	...over
});

const config: ContestConfig = {
	title: '比武',
	allowGuests: true,
	allowLateJoin: false,
	graceMs: 500,
	podiumSize: 3,
	teams: [
		{ id: 't1', name: '新疆队' },
		{ id: 't2', name: '辽宁队' }
	],
	rounds: [
		{
			kind: 'compulsory',
			title: '必答题',
			limitMs: 20_000,
			speedWeighted: true,
			streak: null,
			questions: [
				q({}),
				q({ type: 'truefalse', key: true, options: [], optionCount: 0 }),
				q({ type: 'multiple', key: 'AC' })
			]
		}
	]
};

const person = (contestantId: string, name: string, teamId: string, kicked = false) =>
	({ contestantId, name, idField: null, teamId, guest: false, kicked }) as ResultContestant;

const a = (contestantId: string, index: number, response: string | boolean, points: number) =>
	({
		contestantId,
		round: 0,
		index,
		response,
		correct: points > 0,
		points,
		elapsedMs: 1000 * (index + 1)
	}) as ResultAnswer;

describe('summariseResults', () => {
	const people = [
		person('c1', '乙', 't1'),
		person('c2', '甲', 't2'),
		person('c3', '丙', 't2'),
		person('c4', '丁', 't1', true)
	];
	const answers = [
		a('c1', 0, 'B', 900),
		a('c2', 0, 'B', 900),
		a('c3', 0, 'A', 0),
		a('c4', 0, 'B', 1000),
		a('c3', 1, true, 800),
		a('c1', 2, 'CA', 0)
	];
	const summary = summariseResults(config, people, answers);

	it('ranks by score, shares ranks on ties (then by name), and leaves removed contestants unranked', () => {
		expect(summary.standings.map((s) => [s.name, s.rank, s.score])).toEqual([
			['乙', 1, 900],
			['甲', 1, 900],
			['丙', 3, 800],
			['丁', null, 1000]
		]);
		expect(summary.standings[0]).toMatchObject({
			correctCount: 1,
			answered: 2,
			teamName: '新疆队'
		});
	});

	it('scores teams by the mean of their ranked members', () => {
		expect(summary.teams).toEqual([
			{ teamId: 't1', name: '新疆队', members: 1, score: 900, rank: 1 },
			{ teamId: 't2', name: '辽宁队', members: 2, score: 850, rank: 2 }
		]);
	});

	it('counts answers per option, percent correct and mean time without removed contestants', () => {
		const [first, second, third] = summary.questions;
		expect(first).toMatchObject({ number: 1, answered: 3, correctCount: 2, percentCorrect: 66.7 });
		expect(first.meanMs).toBe(1000);
		expect(first.distribution.map((d) => [d.label, d.count, d.correct])).toEqual([
			['A', 1, false],
			['B', 2, true],
			['C', 0, false],
			['D', 0, false]
		]);
		expect(second.distribution.map((d) => [d.count, d.correct])).toEqual([
			[1, true],
			[0, false]
		]);
		expect(third.distribution.filter((d) => d.count > 0).map((d) => d.label)).toEqual(['A', 'C']);
	});

	it('lists each contestant’s answers in question order', () => {
		expect(summary.answersOf.get('c1')!.map((x) => x.index)).toEqual([0, 2]);
		expect(summary.answersOf.get('c4')).toHaveLength(1);
	});

	it('has no question statistics before the start', () => {
		const empty = summariseResults(null, people, []);
		expect(empty.questions).toEqual([]);
		expect(empty.standings.every((s) => s.score === 0)).toBe(true);
	});
});
