// The contest model: configuration, the events of the log, and the state folded from them.
import type { AnswerKey, QuestionType } from '../db/schema/bank';
import type { StreakRule } from './scoring';

/**
 * A question as drawn at the start, copied from its (immutable) published version so the log
 * alone replays the contest. The key, explanation and legal basis stay on the server until the
 * reveal (views.ts decides what each audience sees).
 */
export interface ContestQuestion {
	questionId: number;
	versionId: number;
	type: QuestionType;
	stem: string;
	options: string[];
	optionCount: number;
	key: AnswerKey;
	explanation: string;
	legalBasis: string;
	points: number;
}

export interface RoundConfig {
	kind: 'compulsory';
	title: string;
	questions: ContestQuestion[];
	limitMs: number;
	speedWeighted: boolean;
	streak: StreakRule | null;
}

export interface ContestTeam {
	id: string;
	name: string;
}

export interface ContestConfig {
	title: string;
	/** Before the start, random-draw rounds have no questions yet; `started` carries them. */
	rounds: RoundConfig[];
	allowGuests: boolean;
	allowLateJoin: boolean;
	/** Answers this late after the deadline still count, for network jitter. */
	graceMs: number;
	/** How many places the studio's podium shows. */
	podiumSize: number;
	/** Empty for individual play; otherwise every contestant joins one of these teams. */
	teams: ContestTeam[];
}

export type ContestEvent =
	| { type: 'created'; at: number; config: ContestConfig }
	| {
			type: 'joined';
			at: number;
			contestantId: string;
			name: string;
			userId: string | null;
			teamId: string | null;
	  }
	| { type: 'kicked'; at: number; contestantId: string }
	| { type: 'started'; at: number; rounds: RoundConfig[] }
	| { type: 'question_opened'; at: number; round: number; index: number; deadline: number }
	| {
			type: 'answered';
			at: number;
			contestantId: string;
			round: number;
			index: number;
			response: string | boolean;
			correct: boolean;
			points: number;
			elapsedMs: number;
	  }
	| { type: 'paused'; at: number }
	| { type: 'resumed'; at: number; deadline: number }
	| { type: 'revealed'; at: number; round: number; index: number }
	| { type: 'ended'; at: number };

export interface QuestionRef {
	round: number;
	index: number;
}

export type Phase =
	| { name: 'setup' }
	| { name: 'lobby' }
	| { name: 'question'; at: QuestionRef; openedAt: number; deadline: number }
	| { name: 'paused'; at: QuestionRef; elapsedMs: number; remainingMs: number }
	| { name: 'reveal'; at: QuestionRef }
	| { name: 'ended' };

export interface AnswerRecord {
	response: string | boolean;
	correct: boolean;
	points: number;
	elapsedMs: number;
}

export interface Contestant {
	id: string;
	name: string;
	userId: string | null;
	teamId: string | null;
	score: number;
	streak: number;
	kicked: boolean;
	/** Keyed by "round:index". */
	answers: Record<string, AnswerRecord>;
}

export interface ContestState {
	config: ContestConfig | null;
	phase: Phase;
	/** True once the questions are drawn and the first one opened. */
	started: boolean;
	contestants: Record<string, Contestant>;
	/** Questions already shown, in order, so "next" knows where it is. */
	opened: QuestionRef[];
}

export function answerSlot(ref: QuestionRef): string {
	return `${ref.round}:${ref.index}`;
}
