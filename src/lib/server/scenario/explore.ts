// Explores every state a player can reach (node plus flags). `set` only assigns values, so the
// state space is finite; a cap keeps a pathological graph from stalling a save.
import { advance, applyChoice, availableChoices, startState } from './play';
import type { Flags, RunState, ScenarioGraph, ScenarioProblem } from './types';

export const MAX_STATES = 20_000;

const keyOf = (s: RunState) =>
	`${s.nodeId}\u0000${JSON.stringify(Object.entries(s.flags).sort(([a], [b]) => (a < b ? -1 : 1)))}`;

interface Explored {
	states: Map<string, RunState>;
	edges: Map<string, string[]>;
	passed: Set<string>;
	offered: Set<string>;
	deadEnds: Set<string>;
}

function walk(graph: ScenarioGraph): Explored | null {
	const first = startState(graph);
	const found: Explored = {
		states: new Map([[keyOf(first), first]]),
		edges: new Map(),
		passed: new Set(advance(graph, graph.start).content.map((c) => c.id)),
		offered: new Set(),
		deadEnds: new Set()
	};
	const queue = [first];
	while (queue.length > 0) {
		const state = queue.pop()!;
		const choices = availableChoices(graph.nodes[state.nodeId], state.flags);
		if (!state.finished && choices.length === 0) found.deadEnds.add(state.nodeId);
		const targets: string[] = [];
		for (const choice of choices) {
			found.offered.add(choice.id);
			const result = applyChoice(graph, state, choice.id);
			if (!result.ok) continue;
			for (const c of advance(graph, choice.next).content) found.passed.add(c.id);
			const key = keyOf(result.state);
			targets.push(key);
			if (found.states.has(key)) continue;
			if (found.states.size >= MAX_STATES) return null;
			found.states.set(key, result.state);
			queue.push(result.state);
		}
		found.edges.set(keyOf(state), targets);
	}
	return found;
}

/** States from which an ending can still be reached. */
function statesThatCanEnd(found: Explored): Set<string> {
	const incoming = new Map<string, string[]>();
	for (const [from, targets] of found.edges) {
		for (const to of targets) incoming.set(to, [...(incoming.get(to) ?? []), from]);
	}
	const ok = new Set<string>();
	const queue = [...found.states].filter(([, s]) => s.finished).map(([k]) => k);
	while (queue.length > 0) {
		const key = queue.pop()!;
		if (ok.has(key)) continue;
		ok.add(key);
		queue.push(...(incoming.get(key) ?? []));
	}
	return ok;
}

const describe = (flags: Flags) =>
	Object.entries(flags)
		.map(([k, v]) => `${k}=${v}`)
		.join(', ');

/** Problems that only show with conditions; expects a graph that passed the structural checks. */
export function exploreStates(graph: ScenarioGraph): ScenarioProblem[] {
	const found = walk(graph);
	if (!found)
		return [{ code: 'scn_too_complex', severity: 'warning', params: { max: MAX_STATES } }];
	const problems: ScenarioProblem[] = [];
	const visited = new Set([...found.passed, ...[...found.states.values()].map((s) => s.nodeId)]);
	for (const nodeId of Object.keys(graph.nodes)) {
		if (!visited.has(nodeId)) problems.push({ code: 'scn_unreachable', severity: 'error', nodeId });
	}
	for (const nodeId of found.deadEnds)
		problems.push({ code: 'scn_dead_end', severity: 'error', nodeId });
	const canEnd = statesThatCanEnd(found);
	const stuck = new Set([...found.states].filter(([k]) => !canEnd.has(k)).map(([, s]) => s.nodeId));
	for (const nodeId of stuck) {
		if (!found.deadEnds.has(nodeId))
			problems.push({ code: 'scn_no_exit', severity: 'error', nodeId });
	}
	for (const [nodeId, node] of Object.entries(graph.nodes)) {
		if (node.kind !== 'decision' || !visited.has(nodeId)) continue;
		for (const c of node.choices) {
			if (found.offered.has(c.id)) continue;
			// A condition no path satisfies: usually a misspelt flag or one set on another branch.
			problems.push({
				code: 'scn_requires_never_set',
				severity: 'error',
				nodeId,
				choiceId: c.id,
				params: { flags: describe(c.requires) }
			});
		}
	}
	return problems;
}
