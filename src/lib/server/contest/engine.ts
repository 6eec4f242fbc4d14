// The live contest as a pure state machine: `decide` turns a command into events (or a
// refusal), `applyEvent` folds an event into the state. The server appends the events to the
// log before acknowledging, and rebuilds the state after a restart with `foldEvents`.
import { isCorrect, isWellFormedResponse } from '../bank/check-answer';
import { activeNames, applyEvent, foldEvents, initialState } from './fold';
import { answerPoints, streakBonus } from './scoring';
import {
	answerSlot,
	type ContestConfig,
	type ContestEvent,
	type ContestState,
	type QuestionRef,
	type RoundConfig
} from './types';

export { applyEvent, foldEvents, initialState };

export type Command =
	| { type: 'create'; config: ContestConfig }
	| {
			type: 'join';
			contestantId: string;
			name: string;
			userId: string | null;
			teamId: string | null;
	  }
	| { type: 'kick'; contestantId: string }
	/** Opens the first question; `rounds` are the questions drawn for this start (else config's). */
	| { type: 'start'; rounds?: RoundConfig[] }
	| { type: 'next' }
	| { type: 'answer'; contestantId: string; round: number; index: number; response: unknown }
	| { type: 'pause' }
	| { type: 'resume' }
	| { type: 'reveal' }
	| { type: 'end' };

export type Decision = { ok: true; events: ContestEvent[] } | { ok: false; code: string };

const refuse = (code: string): Decision => ({ ok: false, code });
const accept = (...events: ContestEvent[]): Decision => ({ ok: true, events });

/** The question after the last one opened, or null when the contest has none left. */
export function nextQuestion(
	state: ContestState,
	rounds: RoundConfig[] = state.config?.rounds ?? []
): QuestionRef | null {
	const last = state.opened.at(-1);
	let round = last ? last.round : 0;
	let index = last ? last.index + 1 : 0;
	while (round < rounds.length) {
		if (index < rounds[round].questions.length) return { round, index };
		round += 1;
		index = 0;
	}
	return null;
}

export function decide(state: ContestState, command: Command, now: number): Decision {
	const { phase, config } = state;
	if (command.type === 'create') {
		return phase.name === 'setup'
			? accept({ type: 'created', at: now, config: command.config })
			: refuse('contest_exists');
	}
	if (!config) return refuse('contest_not_found');
	if (phase.name === 'ended') return refuse('contest_ended');

	switch (command.type) {
		case 'join': {
			const existing = state.contestants[command.contestantId];
			if (existing?.kicked) return refuse('contest_kicked');
			if (existing) return accept();
			if (phase.name !== 'lobby' && !config.allowLateJoin) return refuse('contest_no_late_join');
			const { contestantId, userId, teamId } = command;
			if (userId === null && !config.allowGuests) return refuse('contest_guests_not_allowed');
			const name = command.name.normalize('NFKC').trim();
			if (name.length < 1 || name.length > 20) return refuse('contest_name_invalid');
			// Guests choose their name, so it must tell them apart; officers keep their real names.
			if (userId === null && nameTaken(state, name)) return refuse('contest_name_taken');
			if (config.teams.length > 0 && teamId === null) return refuse('contest_team_required');
			if (teamId !== null && !config.teams.some((t) => t.id === teamId)) {
				return refuse('contest_team_invalid');
			}
			return accept({ type: 'joined', at: now, contestantId, name, userId, teamId });
		}
		case 'kick':
			if (
				!state.contestants[command.contestantId] ||
				state.contestants[command.contestantId].kicked
			) {
				return refuse('contest_no_such_contestant');
			}
			return accept({ type: 'kicked', at: now, contestantId: command.contestantId });
		case 'start':
			if (phase.name !== 'lobby') return refuse('contest_wrong_phase');
			return decideStart(state, command.rounds ?? config.rounds, now);
		case 'next': {
			if (phase.name === 'lobby') return decideStart(state, config.rounds, now);
			if (phase.name !== 'reveal') return refuse('contest_wrong_phase');
			const ref = nextQuestion(state);
			if (!ref) return accept({ type: 'ended', at: now });
			const deadline = now + config.rounds[ref.round].limitMs;
			return accept({ type: 'question_opened', at: now, ...ref, deadline });
		}
		case 'answer':
			return decideAnswer(state, command, now);
		case 'pause':
			return phase.name === 'question'
				? accept({ type: 'paused', at: now })
				: refuse('contest_wrong_phase');
		case 'resume':
			if (phase.name !== 'paused') return refuse('contest_wrong_phase');
			return accept({ type: 'resumed', at: now, deadline: now + phase.remainingMs });
		case 'reveal':
			if (phase.name !== 'question' && phase.name !== 'paused')
				return refuse('contest_wrong_phase');
			return accept({ type: 'revealed', at: now, ...phase.at });
		case 'end':
			return accept({ type: 'ended', at: now });
	}
}

function nameTaken(state: ContestState, name: string): boolean {
	return (activeNames(state.contestants).get(name) ?? 0) > 0;
}

function decideStart(state: ContestState, rounds: RoundConfig[], now: number): Decision {
	const ref = nextQuestion(state, rounds);
	if (!ref) return refuse('contest_no_questions');
	const deadline = now + rounds[ref.round].limitMs;
	return accept(
		{ type: 'started', at: now, rounds },
		{ type: 'question_opened', at: now, ...ref, deadline }
	);
}

function decideAnswer(
	state: ContestState,
	command: Extract<Command, { type: 'answer' }>,
	now: number
): Decision {
	const { phase, config } = state;
	const contestant = state.contestants[command.contestantId];
	if (!contestant || contestant.kicked) return refuse('contest_not_joined');
	if (phase.name === 'paused') return refuse('contest_paused');
	if (phase.name !== 'question') return refuse('contest_not_open');
	if (phase.at.round !== command.round || phase.at.index !== command.index) {
		return refuse('contest_not_open');
	}
	if (now > phase.deadline + config!.graceMs) return refuse('contest_too_late');
	if (contestant.answers[answerSlot(phase.at)]) return refuse('contest_already_answered');
	const round = config!.rounds[phase.at.round];
	const question = round.questions[phase.at.index];
	if (!isWellFormedResponse(question.type, question.optionCount, command.response)) {
		return refuse('bad_payload');
	}
	const response = command.response as string | boolean;
	const correct = isCorrect(question.type, question.key, response);
	const elapsedMs = Math.max(0, now - phase.openedAt);
	const limitMs = phase.deadline - phase.openedAt;
	const streak = correct ? contestant.streak + 1 : 0;
	const points = correct
		? answerPoints(question.points, elapsedMs, limitMs, round.speedWeighted) +
			(question.points > 0 ? streakBonus(streak, round.streak) : 0)
		: 0;
	return accept({
		type: 'answered',
		at: now,
		contestantId: contestant.id,
		...phase.at,
		response,
		correct,
		points,
		elapsedMs
	});
}
