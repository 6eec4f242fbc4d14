// Folding the contest's event log into its state. Pure: the live state after a restart is
// foldEvents(the stored log), and equals the state the server held before it stopped.
import { answerSlot, type ContestEvent, type ContestState } from './types';

export function initialState(): ContestState {
	return { config: null, phase: { name: 'setup' }, started: false, contestants: {}, opened: [] };
}

export function foldEvents(events: Iterable<ContestEvent>): ContestState {
	let state = initialState();
	for (const event of events) state = applyEvent(state, event);
	return state;
}

export function applyEvent(state: ContestState, event: ContestEvent): ContestState {
	switch (event.type) {
		case 'created':
			return { ...state, config: event.config, phase: { name: 'lobby' } };
		case 'joined': {
			const { contestantId: id, name, userId, teamId } = event;
			const contestant = {
				id,
				name,
				userId,
				teamId,
				score: 0,
				streak: 0,
				kicked: false,
				answers: {}
			};
			return { ...state, contestants: { ...state.contestants, [id]: contestant } };
		}
		case 'started':
			return { ...state, config: { ...state.config!, rounds: event.rounds }, started: true };
		case 'kicked': {
			const c = state.contestants[event.contestantId];
			return { ...state, contestants: { ...state.contestants, [c.id]: { ...c, kicked: true } } };
		}
		case 'question_opened': {
			const at = { round: event.round, index: event.index };
			const phase = { name: 'question' as const, at, openedAt: event.at, deadline: event.deadline };
			return { ...state, phase, opened: [...state.opened, at] };
		}
		case 'answered': {
			const c = state.contestants[event.contestantId];
			const slot = answerSlot(event);
			const record = {
				response: event.response,
				correct: event.correct,
				points: event.points,
				elapsedMs: event.elapsedMs
			};
			const updated = {
				...c,
				score: c.score + event.points,
				streak: event.correct ? c.streak + 1 : 0,
				answers: { ...c.answers, [slot]: record }
			};
			return { ...state, contestants: { ...state.contestants, [c.id]: updated } };
		}
		case 'paused': {
			if (state.phase.name !== 'question') return state;
			const { at, openedAt, deadline } = state.phase;
			const elapsedMs = event.at - openedAt;
			const remainingMs = Math.max(0, deadline - event.at);
			return { ...state, phase: { name: 'paused', at, elapsedMs, remainingMs } };
		}
		case 'resumed': {
			if (state.phase.name !== 'paused') return state;
			// Answer times exclude the pause: the question counts as opened `elapsedMs` ago.
			const { at, elapsedMs } = state.phase;
			const phase = {
				name: 'question' as const,
				at,
				openedAt: event.at - elapsedMs,
				deadline: event.deadline
			};
			return { ...state, phase };
		}
		case 'revealed':
			return {
				...state,
				phase: { name: 'reveal', at: { round: event.round, index: event.index } }
			};
		case 'ended':
			return { ...state, phase: { name: 'ended' } };
	}
}
