// The shape of a branching case scenario (file format "lianbing-scenario", version 1) and of a
// play-through. Plain data only: the engine, the store and the pages share these types.

export const SCENARIO_FORMAT = 'lianbing-scenario';
export const SCENARIO_FORMAT_VERSION = 1;
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

/** A choice scores between these bounds (inclusive). */
export const MIN_CHOICE_SCORE = -20;
export const MAX_CHOICE_SCORE = 20;

/**
 * Flags the story keeps (evidence collected, a notice served). `set` assigns values, it never
 * adds, so a graph has finitely many states and can be checked exhaustively. A flag that was
 * never set reads as false (or 0).
 */
export type FlagValue = boolean | number;
export type Flags = Record<string, FlagValue>;

export interface ScenarioDocument {
	title: string;
	body: string;
}

export interface ContentNode {
	kind: 'content';
	title: string;
	body: string;
	documents: ScenarioDocument[];
	next: string;
}

export interface Choice {
	id: string;
	label: string;
	next: string;
	score: number;
	feedback: string;
	legalBasis: string;
	set: Flags;
	requires: Flags;
}

export interface DecisionNode {
	kind: 'decision';
	prompt: string;
	choices: Choice[];
}

export interface EndingNode {
	kind: 'ending';
	grade: Grade;
	title: string;
	debrief: string;
}

export type ScenarioNode = ContentNode | DecisionNode | EndingNode;

export interface ScenarioGraph {
	format: typeof SCENARIO_FORMAT;
	version: typeof SCENARIO_FORMAT_VERSION;
	slug: string;
	title: string;
	summary: string;
	topic: string;
	difficulty: number;
	legalBasis: string[];
	start: string;
	nodes: Record<string, ScenarioNode>;
}

/**
 * Something wrong with a graph. `code` names the message `err_<code>`; `nodeId` (and
 * `choiceId`) place it, so the editor can show it next to the node. Errors refuse a save;
 * warnings are shown but do not.
 */
export interface ScenarioProblem {
	code: string;
	severity: 'error' | 'warning';
	nodeId?: string;
	choiceId?: string;
	params?: Record<string, string | number>;
}

/** Where a player stands. `nodeId` is always a decision or an ending: content is passed through. */
export interface RunState {
	nodeId: string;
	flags: Flags;
	score: number;
	finished: boolean;
	grade: Grade | null;
}
