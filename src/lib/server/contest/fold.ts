// Folding the contest's event log into its state. The live state after a restart is
// foldEvents(the stored log), and equals the state the server held before it stopped.
//
// A state handed out is never changed afterwards. Copying the whole contestant map for every
// event made a burst of 2000 answers quadratic (seconds), so runs of events are applied to ONE
// private copy (`ownedCopy`), replacing (never mutating) the contestant records they touch.
import { answerSlot, type Contestant, type ContestEvent, type ContestState } from './types';

type Contestants = Record<string, Contestant>;

// Names in use by contestants still in the room, per contestant map: a memo, so a room of
// thousands checks a guest's name in constant time instead of scanning everyone on each join.
const namesInUse = new WeakMap<Contestants, Map<string, number>>();

export function activeNames(contestants: Contestants): Map<string, number> {
	let names = namesInUse.get(contestants);
	if (!names) {
		names = new Map();
		for (const id in contestants) {
			const c = contestants[id];
			if (!c.kicked) names.set(c.name, (names.get(c.name) ?? 0) + 1);
		}
		namesInUse.set(contestants, names);
	}
	return names;
}

function countName(contestants: Contestants, name: string, delta: number): void {
	const names = namesInUse.get(contestants);
	if (names) names.set(name, (names.get(name) ?? 0) + delta);
}

export function initialState(): ContestState {
	return { config: null, phase: { name: 'setup' }, started: false, contestants: {}, opened: [] };
}

/** A copy whose containers the caller owns, for applyEventInPlace. */
export function ownedCopy(state: ContestState): ContestState {
	return { ...state, contestants: { ...state.contestants }, opened: [...state.opened] };
}

export function applyEvent(state: ContestState, event: ContestEvent): ContestState {
	const next = ownedCopy(state);
	applyEventInPlace(next, event);
	return next;
}

export function foldEvents(events: Iterable<ContestEvent>): ContestState {
	const state = initialState();
	for (const event of events) applyEventInPlace(state, event);
	return state;
}

/** Only on a state from ownedCopy (or initialState) that nobody else has seen yet. */
export function applyEventInPlace(state: ContestState, event: ContestEvent): void {
	switch (event.type) {
		case 'created':
			state.config = event.config;
			state.phase = { name: 'lobby' };
			return;
		case 'started':
			state.config = { ...state.config!, rounds: event.rounds };
			state.started = true;
			return;
		case 'joined': {
			const { contestantId: id, name, userId, teamId } = event;
			countName(state.contestants, name, 1);
			state.contestants[id] = {
				id,
				name,
				userId,
				teamId,
				score: 0,
				streak: 0,
				kicked: false,
				answers: {}
			};
			return;
		}
		case 'kicked': {
			const c = state.contestants[event.contestantId];
			countName(state.contestants, c.name, -1);
			state.contestants[c.id] = { ...c, kicked: true };
			return;
		}
		case 'question_opened': {
			const at = { round: event.round, index: event.index };
			state.phase = { name: 'question', at, openedAt: event.at, deadline: event.deadline };
			state.opened.push(at);
			return;
		}
		case 'answered': {
			const c = state.contestants[event.contestantId];
			const record = {
				response: event.response,
				correct: event.correct,
				points: event.points,
				elapsedMs: event.elapsedMs
			};
			state.contestants[c.id] = {
				...c,
				score: c.score + event.points,
				streak: event.correct ? c.streak + 1 : 0,
				answers: { ...c.answers, [answerSlot(event)]: record }
			};
			return;
		}
		case 'paused': {
			if (state.phase.name !== 'question') return;
			const { at, openedAt, deadline } = state.phase;
			const elapsedMs = event.at - openedAt;
			const remainingMs = Math.max(0, deadline - event.at);
			state.phase = { name: 'paused', at, elapsedMs, remainingMs };
			return;
		}
		case 'resumed': {
			if (state.phase.name !== 'paused') return;
			// Answer times exclude the pause: the question counts as opened `elapsedMs` ago.
			const { at, elapsedMs } = state.phase;
			state.phase = {
				name: 'question',
				at,
				openedAt: event.at - elapsedMs,
				deadline: event.deadline
			};
			return;
		}
		case 'revealed':
			state.phase = { name: 'reveal', at: { round: event.round, index: event.index } };
			return;
		case 'ended':
			state.phase = { name: 'ended' };
			return;
	}
}
