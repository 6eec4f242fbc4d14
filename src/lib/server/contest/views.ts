// What each audience may see of a contest, as pure functions of the folded state. The key,
// the explanation and anyone's correctness (also hidden inside scores, streaks and ranks) stay
// out of every view until the question is revealed.
import type {
	ContestantView,
	ContestHeader,
	HostView,
	MeView,
	PhaseView,
	PlayerView,
	QuestionShown,
	StudioView
} from '../../contest-protocol';
import { nextQuestion } from './engine';
import { answerSlot, type ContestState, type QuestionRef } from './types';
import {
	distributionOf,
	hiddenSlot,
	revealedStandings,
	revealedStreak,
	teamStandings
} from './views-scores';

/** What the state does not know about its contest. */
export interface ViewContext {
	id: number;
	code: string;
}

const LEADERBOARD_SIZE = 10;
const NEWCOMERS_SIZE = 30;

function header(state: ContestState, ctx: ViewContext): ContestHeader {
	return {
		id: ctx.id,
		code: ctx.code,
		title: state.config?.title ?? '',
		// The standings are cached per state: a burst of joins must not count the room each time.
		contestants: revealedStandings(state).list.length,
		allowGuests: state.config?.allowGuests ?? false,
		allowLateJoin: state.config?.allowLateJoin ?? false,
		graceMs: state.config?.graceMs ?? 0
	};
}

function shown(state: ContestState, ref: QuestionRef): QuestionShown {
	const rounds = state.config!.rounds;
	const round = rounds[ref.round];
	const question = round.questions[ref.index];
	let before = 0;
	for (let r = 0; r < ref.round; r++) before += rounds[r].questions.length;
	return {
		...ref,
		number: before + ref.index + 1,
		total: rounds.reduce((sum, r) => sum + r.questions.length, 0),
		roundTitle: round.title,
		type: question.type,
		stem: question.stem,
		options: question.options,
		points: question.points,
		limitMs: round.limitMs,
		speedWeighted: round.speedWeighted
	};
}

function phaseView(state: ContestState, withDistribution: boolean): PhaseView {
	const { phase, config } = state;
	if (!config || phase.name === 'setup' || phase.name === 'lobby') return { name: 'lobby' };
	if (phase.name === 'ended') return { name: 'ended' };
	const question = shown(state, phase.at);
	if (phase.name === 'question') {
		return { name: 'question', question, openedAt: phase.openedAt, deadline: phase.deadline };
	}
	if (phase.name === 'paused') return { name: 'paused', question, remainingMs: phase.remainingMs };
	const q = config.rounds[phase.at.round].questions[phase.at.index];
	const stats = distributionOf(state, phase.at, q);
	return {
		name: 'reveal',
		question,
		reveal: {
			key: q.key,
			explanation: q.explanation,
			legalBasis: q.legalBasis,
			answered: stats.answered,
			correct: stats.correct,
			meanMs: stats.meanMs,
			...(withDistribution ? { distribution: stats.bars } : {})
		}
	};
}

/** Broadcast to the whole players room: identical for everyone. */
export function playerView(state: ContestState, ctx: ViewContext): PlayerView {
	return { contest: header(state, ctx), phase: phaseView(state, false) };
}

/** One contestant's own standing; null when they never joined. */
export function meView(state: ContestState, contestantId: string): MeView | null {
	const c = state.contestants[contestantId];
	if (!c) return null;
	const hidden = hiddenSlot(state);
	const standing = revealedStandings(state).byId.get(contestantId);
	const ref = currentRef(state);
	const record = ref ? c.answers[answerSlot(ref)] : undefined;
	const revealed = ref !== null && (hidden === null || answerSlot(ref) !== answerSlot(hidden));
	return {
		contestantId: c.id,
		name: c.name,
		score: standing?.score ?? 0,
		rank: standing?.rank ?? 0,
		streak: revealedStreak(state, c),
		removed: c.kicked,
		team: state.config?.teams.find((t) => t.id === c.teamId)?.name ?? null,
		answer:
			ref && record
				? {
						...ref,
						response: record.response,
						...(revealed ? { correct: record.correct, points: record.points } : {})
					}
				: null
	};
}

export function contestantView(
	state: ContestState,
	contestantId: string,
	ctx: ViewContext
): ContestantView | null {
	const me = meView(state, contestantId);
	return me ? { ...playerView(state, ctx), me } : null;
}

/** The question on screen now, or the one just revealed. */
function currentRef(state: ContestState): QuestionRef | null {
	const { phase } = state;
	return 'at' in phase ? phase.at : null;
}

export function answeredCount(state: ContestState): number {
	const ref = currentRef(state);
	if (!ref) return 0;
	const slot = answerSlot(ref);
	let n = 0;
	for (const c of Object.values(state.contestants)) if (!c.kicked && c.answers[slot]) n += 1;
	return n;
}

export function studioView(state: ContestState, ctx: ViewContext): StudioView {
	const { list } = revealedStandings(state);
	const podiumSize = state.config?.podiumSize ?? 3;
	const active = Object.values(state.contestants).filter((c) => !c.kicked);
	return {
		contest: header(state, ctx),
		phase: phaseView(state, true),
		answered: answeredCount(state),
		leaderboard: list.slice(0, LEADERBOARD_SIZE),
		podium: state.phase.name === 'ended' ? list.filter((s) => s.rank <= podiumSize) : null,
		podiumSize,
		teams: teamStandings(state),
		newcomers: active.slice(-NEWCOMERS_SIZE).map((c) => c.name)
	};
}

export function hostView(state: ContestState, ctx: ViewContext): HostView {
	const { list } = revealedStandings(state);
	const ref = currentRef(state);
	const slot = ref ? answerSlot(ref) : null;
	return {
		...studioView(state, ctx),
		roster: list.map((s) => {
			const c = state.contestants[s.contestantId];
			return {
				...s,
				answered: slot !== null && !!c.answers[slot],
				guest: c.userId === null,
				teamId: c.teamId
			};
		}),
		hasNext: nextQuestion(state) !== null,
		started: state.started
	};
}
