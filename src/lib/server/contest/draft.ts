// The builder's input for a contest, and its checks. Pure. Picked questions are pinned to the
// version published at creation; random draws happen at the start, so a leaked list is useless.
import { topics } from '../db/schema/bank';

/** Draw `count` published questions of this topic (any when null) and difficulty range. */
export interface DraftDraw {
	topic: string | null;
	minDifficulty: number;
	maxDifficulty: number;
	count: number;
}

export interface DraftRound {
	title: string;
	/** Picked questions, in order; they come before the drawn ones. */
	questionIds: number[];
	/** The published versions of `questionIds`, pinned by createContest (input ignored). */
	versionIds?: number[];
	draw: DraftDraw | null;
	limitSeconds: number;
	points: number;
	speedWeighted: boolean;
	streak: boolean;
}

export interface ContestDraft {
	title: string;
	rounds: DraftRound[];
	allowGuests: boolean;
	allowLateJoin: boolean;
	podiumSize: number;
	/** Team names; empty for individual play. */
	teams: string[];
}

export interface DraftProblem {
	field: string;
	code: string;
	params?: Record<string, string | number>;
}

export const DRAFT_LIMITS = {
	titleLength: 60,
	roundTitleLength: 30,
	rounds: 10,
	questionsPerRound: 100,
	drawCount: 50,
	minSeconds: 5,
	maxSeconds: 300,
	maxPoints: 10_000,
	maxPodium: 10,
	teams: 20,
	teamNameLength: 20
} as const;

const L = DRAFT_LIMITS;

function intIn(value: number, min: number, max: number): boolean {
	return Number.isInteger(value) && value >= min && value <= max;
}

function checkRound(round: DraftRound, at: string, problems: DraftProblem[]): void {
	const push = (field: string, code: string, params?: DraftProblem['params']) =>
		problems.push({ field: `${at}.${field}`, code, params });
	const title = round.title.trim();
	if (title.length < 1 || title.length > L.roundTitleLength) {
		push('title', 'contest_round_title_invalid', { max: L.roundTitleLength });
	}
	if (!intIn(round.limitSeconds, L.minSeconds, L.maxSeconds)) {
		push('limitSeconds', 'contest_limit_invalid', { min: L.minSeconds, max: L.maxSeconds });
	}
	if (!intIn(round.points, 0, L.maxPoints)) {
		push('points', 'contest_points_invalid', { max: L.maxPoints });
	}
	const { draw } = round;
	if (draw) {
		if (draw.topic !== null && !(topics as readonly string[]).includes(draw.topic)) {
			push('draw.topic', 'contest_draw_topic_invalid');
		}
		const { minDifficulty: lo, maxDifficulty: hi } = draw;
		if (!intIn(lo, 1, 5) || !intIn(hi, 1, 5) || lo > hi) {
			push('draw.difficulty', 'contest_draw_difficulty_invalid');
		}
		if (!intIn(draw.count, 1, L.drawCount)) {
			push('draw.count', 'contest_draw_count_invalid', { max: L.drawCount });
		}
	}
	const total = round.questionIds.length + (draw?.count ?? 0);
	if (new Set(round.questionIds).size !== round.questionIds.length) {
		push('questions', 'contest_question_twice');
	} else if (total < 1 || total > L.questionsPerRound) {
		push('questions', 'contest_round_size_invalid', { max: L.questionsPerRound });
	}
}

/** Every problem of the draft, so the builder can show each next to its field. */
export function checkDraft(draft: ContestDraft): DraftProblem[] {
	const problems: DraftProblem[] = [];
	const title = draft.title.trim();
	if (title.length < 1 || title.length > L.titleLength) {
		problems.push({
			field: 'title',
			code: 'contest_title_invalid',
			params: { max: L.titleLength }
		});
	}
	if (draft.rounds.length < 1 || draft.rounds.length > L.rounds) {
		problems.push({ field: 'rounds', code: 'contest_rounds_invalid', params: { max: L.rounds } });
	}
	draft.rounds.forEach((round, i) => checkRound(round, `rounds.${i}`, problems));
	const picked = draft.rounds.flatMap((r) => r.questionIds);
	if (
		new Set(picked).size !== picked.length &&
		!problems.some((p) => p.field.endsWith('.questions'))
	) {
		problems.push({ field: 'rounds', code: 'contest_question_twice' });
	}
	if (!intIn(draft.podiumSize, 1, L.maxPodium)) {
		problems.push({
			field: 'podiumSize',
			code: 'contest_podium_invalid',
			params: { max: L.maxPodium }
		});
	}
	const teams = draft.teams.map((t) => t.trim());
	if (
		teams.length === 1 ||
		teams.length > L.teams ||
		teams.some((t) => t.length < 1 || t.length > L.teamNameLength) ||
		new Set(teams).size !== teams.length
	) {
		problems.push({
			field: 'teams',
			code: 'contest_teams_invalid',
			params: { max: L.teams, length: L.teamNameLength }
		});
	}
	return problems;
}
