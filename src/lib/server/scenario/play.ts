// Playing a graph: which choices are on offer, what a choice does, where the player stops.
// Pure: takes a validated graph and plain state, returns new plain state.
import type {
	Choice,
	ContentNode,
	Flags,
	FlagValue,
	Grade,
	RunState,
	ScenarioGraph,
	ScenarioNode
} from './types';

/** A flag never set reads as false, or 0 when the condition asks for a number. */
function flagValue(flags: Flags, name: string, wanted: FlagValue): FlagValue {
	return flags[name] ?? (typeof wanted === 'number' ? 0 : false);
}

export function meetsRequirements(flags: Flags, requires: Flags): boolean {
	return Object.entries(requires).every(
		([name, wanted]) => flagValue(flags, name, wanted) === wanted
	);
}

export function availableChoices(node: ScenarioNode | undefined, flags: Flags): Choice[] {
	if (!node || node.kind !== 'decision') return [];
	return node.choices.filter((c) => meetsRequirements(flags, c.requires));
}

export type ContentStep = ContentNode & { id: string };

/**
 * Walks from `nodeId` through content nodes to the next decision or ending. Returns the content
 * passed on the way (what the player reads before deciding) and where they stop.
 */
export function advance(
	graph: ScenarioGraph,
	nodeId: string
): { content: ContentStep[]; stop: string } {
	const content: ContentStep[] = [];
	let id = nodeId;
	for (let node = graph.nodes[id]; node?.kind === 'content'; node = graph.nodes[id]) {
		// Only an invalid graph loops through content forever; validation refuses those.
		if (content.length > Object.keys(graph.nodes).length) throw new Error('content cycle');
		content.push({ ...node, id });
		id = node.next;
	}
	if (!graph.nodes[id]) throw new Error(`no node ${id}`);
	return { content, stop: id };
}

function arriveAt(graph: ScenarioGraph, nodeId: string, flags: Flags, score: number): RunState {
	const { stop } = advance(graph, nodeId);
	const node = graph.nodes[stop];
	const grade = node.kind === 'ending' ? node.grade : null;
	return { nodeId: stop, flags, score, finished: grade !== null, grade };
}

export function startState(graph: ScenarioGraph): RunState {
	return arriveAt(graph, graph.start, {}, 0);
}

export type ApplyResult =
	| { ok: true; state: RunState; choice: Choice }
	| { ok: false; code: 'scn_run_finished' | 'scn_choice_unavailable' };

export function applyChoice(graph: ScenarioGraph, run: RunState, choiceId: string): ApplyResult {
	const node = graph.nodes[run.nodeId];
	if (run.finished || !node || node.kind === 'ending')
		return { ok: false, code: 'scn_run_finished' };
	const choice = availableChoices(node, run.flags).find((c) => c.id === choiceId);
	if (!choice) return { ok: false, code: 'scn_choice_unavailable' };
	const flags = { ...run.flags, ...choice.set };
	return { ok: true, state: arriveAt(graph, choice.next, flags, run.score + choice.score), choice };
}

export function finalGrade(graph: ScenarioGraph, run: RunState): Grade | null {
	const node = graph.nodes[run.nodeId];
	return run.finished && node?.kind === 'ending' ? node.grade : null;
}

/** Finds a choice anywhere in the graph with the decision it belongs to. */
export function findChoice(
	graph: ScenarioGraph,
	nodeId: string,
	choiceId: string
): { prompt: string; choice: Choice } | undefined {
	const node = graph.nodes[nodeId];
	if (node?.kind !== 'decision') return undefined;
	const choice = node.choices.find((c) => c.id === choiceId);
	return choice && { prompt: node.prompt, choice };
}
