// A finished (or running) contest's results from its stored rows: standings ranked like the live
// views (score, then name; equal scores share a rank; removed contestants are not ranked), team
// means, per-question statistics and each contestant's answers. Pure.
import type { ContestConfig, ContestQuestion } from './types';

export interface ResultContestant {
	contestantId: string;
	name: string;
	idField: string | null;
	teamId: string | null;
	guest: boolean;
	kicked: boolean;
}

export interface ResultAnswer {
	contestantId: string;
	round: number;
	index: number;
	response: string | boolean;
	correct: boolean;
	points: number;
	elapsedMs: number;
}

export interface StandingRow extends ResultContestant {
	rank: number | null;
	score: number;
	correctCount: number;
	answered: number;
	teamName: string | null;
}

export interface TeamRow {
	teamId: string;
	name: string;
	members: number;
	score: number;
	rank: number;
}

export interface DistributionRow {
	/** An option letter, 'true'/'false', or 'right'/'wrong' for typed answers. */
	label: string;
	count: number;
	correct: boolean;
}

export interface QuestionRow {
	round: number;
	index: number;
	/** 1-based position in the whole contest. */
	number: number;
	roundTitle: string;
	question: ContestQuestion;
	answered: number;
	correctCount: number;
	percentCorrect: number | null;
	meanMs: number | null;
	distribution: DistributionRow[];
}

export interface ResultsSummary {
	standings: StandingRow[];
	teams: TeamRow[];
	questions: QuestionRow[];
	answersOf: Map<string, ResultAnswer[]>;
}

function rankInPlace<T extends { score: number; rank: number | null }>(rows: T[]): void {
	rows.forEach((row, i) => {
		row.rank = i > 0 && rows[i - 1].score === row.score ? rows[i - 1].rank : i + 1;
	});
}

const byName = (a: { name: string }, b: { name: string }) =>
	a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

function letters(response: string | boolean): string {
	return typeof response === 'string' ? response.toUpperCase().replace(/[^A-H]/g, '') : '';
}

export function distribution(
	question: ContestQuestion,
	answers: ResultAnswer[]
): DistributionRow[] {
	const count = (test: (a: ResultAnswer) => boolean) => answers.filter(test).length;
	if (question.type === 'truefalse') {
		return [true, false].map((value) => ({
			label: String(value),
			count: count((a) => a.response === value),
			correct: question.key === value
		}));
	}
	if (question.type === 'single' || question.type === 'multiple') {
		const key = typeof question.key === 'string' ? question.key : '';
		return 'ABCDEFGH'
			.slice(0, question.optionCount)
			.split('')
			.map((label) => ({
				label,
				count: count((a) => letters(a.response).includes(label)),
				correct: key.includes(label)
			}));
	}
	// Typed answers: right and wrong, since free text has no options to count.
	return [
		{ label: 'right', count: count((a) => a.correct), correct: true },
		{ label: 'wrong', count: count((a) => !a.correct), correct: false }
	];
}

export function summariseResults(
	config: ContestConfig | null,
	contestants: ResultContestant[],
	answers: ResultAnswer[]
): ResultsSummary {
	const kicked = new Set(contestants.filter((c) => c.kicked).map((c) => c.contestantId));
	const counted = answers.filter((a) => !kicked.has(a.contestantId));
	const answersOf = new Map<string, ResultAnswer[]>();
	for (const a of answers) {
		const list = answersOf.get(a.contestantId) ?? [];
		list.push(a);
		answersOf.set(a.contestantId, list);
	}
	for (const list of answersOf.values())
		list.sort((a, b) => a.round - b.round || a.index - b.index);
	const teamName = new Map((config?.teams ?? []).map((t) => [t.id, t.name]));
	const rows: StandingRow[] = contestants.map((c) => {
		const own = answersOf.get(c.contestantId) ?? [];
		return {
			...c,
			rank: null,
			score: own.reduce((sum, a) => sum + a.points, 0),
			correctCount: own.filter((a) => a.correct).length,
			answered: own.length,
			teamName: c.teamId ? (teamName.get(c.teamId) ?? null) : null
		};
	});
	const ranked = rows.filter((r) => !r.kicked).sort((a, b) => b.score - a.score || byName(a, b));
	rankInPlace(ranked);
	const standings = [...ranked, ...rows.filter((r) => r.kicked).sort(byName)];

	const teams: TeamRow[] = (config?.teams ?? []).map((team) => {
		const members = ranked.filter((r) => r.teamId === team.id);
		const total = members.reduce((sum, r) => sum + r.score, 0);
		const score = members.length ? Math.round(total / members.length) : 0;
		return { teamId: team.id, name: team.name, members: members.length, score, rank: 0 };
	});
	teams.sort((a, b) => b.score - a.score);
	rankInPlace(teams);

	const questions: QuestionRow[] = [];
	for (const [round, roundConfig] of (config?.rounds ?? []).entries()) {
		for (const [index, question] of roundConfig.questions.entries()) {
			const these = counted.filter((a) => a.round === round && a.index === index);
			const correctCount = these.filter((a) => a.correct).length;
			const totalMs = these.reduce((sum, a) => sum + a.elapsedMs, 0);
			questions.push({
				round,
				index,
				number: questions.length + 1,
				roundTitle: roundConfig.title,
				question,
				answered: these.length,
				correctCount,
				percentCorrect: these.length ? Math.round((correctCount / these.length) * 1000) / 10 : null,
				meanMs: these.length ? Math.round(totalMs / these.length) : null,
				distribution: distribution(question, these)
			});
		}
	}
	return { standings, teams, questions, answersOf };
}
