// Scores, streaks and ranks as the audience may know them: without the points of a question
// that is still open, since those would tell who answered correctly. Pure.
import type { DistributionBar, Standing, TeamStanding } from '../../contest-protocol';
import {
	answerSlot,
	type AnswerRecord,
	type Contestant,
	type ContestQuestion,
	type ContestState,
	type QuestionRef
} from './types';

/** The question whose results are still secret: the open or paused one. */
export function hiddenSlot(state: ContestState): QuestionRef | null {
	const { phase } = state;
	return phase.name === 'question' || phase.name === 'paused' ? phase.at : null;
}

export interface RankTable {
	list: Standing[];
	byId: Map<string, Standing>;
}

// States are immutable (every event makes a new one), so a table per state object is safe and
// spares recomputing it for each of thousands of contestants.
const tables = new WeakMap<ContestState, RankTable>();

export function revealedStandings(state: ContestState): RankTable {
	const cached = tables.get(state);
	if (cached) return cached;
	const hidden = hiddenSlot(state);
	const slot = hidden ? answerSlot(hidden) : null;
	const rows = Object.values(state.contestants)
		.filter((c) => !c.kicked)
		.map((c) => ({
			contestantId: c.id,
			name: c.name,
			score: c.score - (slot ? (c.answers[slot]?.points ?? 0) : 0),
			rank: 0
		}))
		.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	rows.forEach((row, i) => {
		row.rank = i > 0 && rows[i - 1].score === row.score ? rows[i - 1].rank : i + 1;
	});
	const table = { list: rows, byId: new Map(rows.map((r) => [r.contestantId, r])) };
	tables.set(state, table);
	return table;
}

/** Team score: the mean of its members' revealed scores (Kahoot's rule), so size does not win. */
export function teamStandings(state: ContestState): TeamStanding[] {
	const teams = state.config?.teams ?? [];
	if (teams.length === 0) return [];
	const { list } = revealedStandings(state);
	const rows = teams
		.map((team) => {
			const members = list.filter((s) => state.contestants[s.contestantId].teamId === team.id);
			const total = members.reduce((sum, s) => sum + s.score, 0);
			const score = members.length ? Math.round(total / members.length) : 0;
			return { teamId: team.id, name: team.name, members: members.length, score, rank: 0 };
		})
		.sort((a, b) => b.score - a.score);
	rows.forEach((row, i) => {
		row.rank = i > 0 && rows[i - 1].score === row.score ? rows[i - 1].rank : i + 1;
	});
	return rows;
}

/** Correct answers in a row up to the last revealed question, as the engine counts them. */
export function revealedStreak(state: ContestState, contestant: Contestant): number {
	const hidden = hiddenSlot(state);
	const skip = hidden ? answerSlot(hidden) : null;
	let streak = 0;
	for (const ref of state.opened) {
		const slot = answerSlot(ref);
		if (slot === skip) continue;
		const record = contestant.answers[slot];
		if (record) streak = record.correct ? streak + 1 : 0;
	}
	return streak;
}

function letters(response: string | boolean): string {
	return typeof response === 'string'
		? response
				.normalize('NFKC')
				.toUpperCase()
				.replace(/[^A-H]/g, '')
		: '';
}

export interface QuestionStats {
	answered: number;
	correct: number;
	meanMs: number | null;
	bars: DistributionBar[];
}

/** Counts per option (or true/false, or right/wrong for typed answers) among active players. */
export function distributionOf(
	state: ContestState,
	ref: QuestionRef,
	question: ContestQuestion
): QuestionStats {
	const slot = answerSlot(ref);
	const records: AnswerRecord[] = [];
	for (const c of Object.values(state.contestants)) {
		if (!c.kicked && c.answers[slot]) records.push(c.answers[slot]);
	}
	const correct = records.filter((r) => r.correct).length;
	const totalMs = records.reduce((sum, r) => sum + r.elapsedMs, 0);
	const count = (test: (r: AnswerRecord) => boolean) => records.filter(test).length;
	let bars: DistributionBar[];
	if (question.type === 'single' || question.type === 'multiple') {
		const key = typeof question.key === 'string' ? question.key : '';
		bars = 'ABCDEFGH'
			.slice(0, question.optionCount)
			.split('')
			.map((choice) => ({
				choice,
				count: count((r) => letters(r.response).includes(choice)),
				correct: key.includes(choice)
			}));
	} else if (question.type === 'truefalse') {
		bars = [true, false].map((value) => ({
			choice: String(value),
			count: count((r) => r.response === value),
			correct: question.key === value
		}));
	} else {
		bars = [
			{ choice: 'correct', count: correct, correct: true },
			{ choice: 'wrong', count: records.length - correct, correct: false }
		];
	}
	return {
		answered: records.length,
		correct,
		meanMs: records.length ? Math.round(totalMs / records.length) : null,
		bars
	};
}
