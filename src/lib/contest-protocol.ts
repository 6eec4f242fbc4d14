// What each audience of a live contest receives: the host console, the studio screen and a
// contestant's phone. Shared by the server (views.ts builds these) and the pages. Before a
// question is revealed no view carries its key, its explanation or anyone's correctness.
// Documented in docs/realtime.md: change both together.
import type { AnswerKey, QuestionType } from './components/question-labels';

export type HostCommandName = 'start' | 'next' | 'pause' | 'resume' | 'reveal' | 'end' | 'kick';
export const HOST_COMMANDS: readonly HostCommandName[] = [
	'start',
	'next',
	'pause',
	'resume',
	'reveal',
	'end',
	'kick'
];

export interface ContestHeader {
	id: number;
	code: string;
	title: string;
	/** Contestants in the room (removed ones do not count). */
	contestants: number;
	allowGuests: boolean;
	allowLateJoin: boolean;
	/** Late answers still count this long after the deadline (network jitter). */
	graceMs: number;
}

/** A question as shown while it is open: never its key. */
export interface QuestionShown {
	round: number;
	index: number;
	/** 1-based position over all rounds, and the number of questions in the contest. */
	number: number;
	total: number;
	roundTitle: string;
	type: QuestionType;
	stem: string;
	options: string[];
	points: number;
	limitMs: number;
	speedWeighted: boolean;
}

/** One bar of the answer distribution: an option letter, 'true'/'false', or 'correct'/'wrong'. */
export interface DistributionBar {
	choice: string;
	count: number;
	correct: boolean;
}

export interface Reveal {
	key: AnswerKey;
	explanation: string;
	legalBasis: string;
	answered: number;
	correct: number;
	/** Mean answer time in ms, null when nobody answered. */
	meanMs: number | null;
	/** Host and studio only: phones show their own result instead. */
	distribution?: DistributionBar[];
}

/** All times are server times in ms since the epoch; clients add their measured clock offset. */
export type PhaseView =
	| { name: 'lobby' }
	| { name: 'question'; question: QuestionShown; openedAt: number; deadline: number }
	| { name: 'paused'; question: QuestionShown; remainingMs: number }
	| { name: 'reveal'; question: QuestionShown; reveal: Reveal }
	| { name: 'ended' };

export interface Standing {
	contestantId: string;
	name: string;
	score: number;
	/** Equal scores share a rank (1, 2, 2, 4). */
	rank: number;
}

export interface TeamStanding {
	teamId: string;
	name: string;
	members: number;
	/** The mean of the members' scores. */
	score: number;
	rank: number;
}

export interface MyAnswer {
	round: number;
	index: number;
	response: string | boolean;
	/** Only once that question is revealed. */
	correct?: boolean;
	points?: number;
}

/** A contestant's own standing. Score and rank count revealed questions only. */
export interface MeView {
	contestantId: string;
	name: string;
	score: number;
	rank: number;
	streak: number;
	removed: boolean;
	/** Team name in team play. */
	team: string | null;
	/** Their answer to the current (or just revealed) question, if any. */
	answer: MyAnswer | null;
}

/** The same for every contestant, so it is broadcast once to the whole room. */
export interface PlayerView {
	contest: ContestHeader;
	phase: PhaseView;
}

export interface ContestantView extends PlayerView {
	me: MeView;
}

export interface StudioView {
	contest: ContestHeader;
	phase: PhaseView;
	/** Answers in so far to the open question (no correctness). */
	answered: number;
	leaderboard: Standing[];
	/** The top places once the contest has ended; ties can make it longer than podiumSize. */
	podium: Standing[] | null;
	podiumSize: number;
	/** Team play only (else empty), by rank. */
	teams: TeamStanding[];
	/** Names of the latest arrivals, for the lobby. */
	newcomers: string[];
}

export interface HostContestantRow extends Standing {
	/** Whether they answered the open question (never whether correctly). */
	answered: boolean;
	guest: boolean;
	teamId: string | null;
}

export interface HostView extends StudioView {
	/** Every contestant in the room, by rank. */
	roster: HostContestantRow[];
	/** Whether a question is left to open, so the console can offer "next" or "end". */
	hasNext: boolean;
	started: boolean;
}

export interface AnsweredCount {
	round: number;
	index: number;
	answered: number;
	contestants: number;
}

export interface JoinRequest {
	code: string;
	/** Guests only: display name (1–20 characters) and an optional ID such as a staff number. */
	name?: string;
	idField?: string;
	/** Guests only: the token from an earlier join, to come back as the same contestant. */
	guestToken?: string;
	/** Team play: the team chosen at the first join. */
	teamId?: string;
}

export interface JoinResult extends ContestantView {
	/** Guests: keep it (e.g. in localStorage) to come back after a refresh. */
	guestToken?: string;
}

export interface AnswerRequest {
	contestId: number;
	round: number;
	index: number;
	/** Letters ("B", "ACD", "CADB"), true/false, or text for fill-in questions. */
	response: string | boolean;
}

export interface AnswerReceipt {
	round: number;
	index: number;
	response: string | boolean;
}

export interface HostRequest {
	contestId: number;
	command: HostCommandName;
	/** For `kick`. */
	contestantId?: string;
}

export interface WatchRequest {
	contestId: number;
	view: 'host' | 'studio';
}

/** `removed`: the host removed the contestant. `replaced`: they joined from another connection. */
export type LeftReason = 'removed' | 'replaced';

/** `contest:state`: the view of the audience the socket watches or plays as. */
export type ContestStatePayload =
	| { audience: 'player'; view: PlayerView }
	| { audience: 'studio'; view: StudioView }
	| { audience: 'host'; view: HostView };
