// Checks a parsed graph: links, reachability, termination, choices, conditions. The
// structural checks ignore conditions; when they pass, every state a player can reach is
// explored (explore.ts) to catch what conditions break: choices never offered, decisions where
// nothing is on offer, and loops whose every exit is closed.
import { exploreStates } from './explore';
import type { ScenarioGraph, ScenarioNode, ScenarioProblem } from './types';

/** The nodes a node leads to, ignoring conditions. */
export function linksOf(node: ScenarioNode): string[] {
	if (node.kind === 'content') return [node.next];
	if (node.kind === 'decision') return node.choices.map((c) => c.next);
	return [];
}

function reachableFrom(graph: ScenarioGraph, start: string): Set<string> {
	const seen = new Set<string>();
	const queue = [start];
	while (queue.length > 0) {
		const id = queue.pop()!;
		const node = graph.nodes[id];
		if (!node || seen.has(id)) continue;
		seen.add(id);
		queue.push(...linksOf(node));
	}
	return seen;
}

/** Nodes from which some ending can be reached (walking the links backwards from the endings). */
function nodesThatCanEnd(graph: ScenarioGraph): Set<string> {
	const incoming = new Map<string, string[]>();
	for (const [id, node] of Object.entries(graph.nodes)) {
		for (const target of linksOf(node)) incoming.set(target, [...(incoming.get(target) ?? []), id]);
	}
	const ok = new Set<string>();
	const queue = Object.keys(graph.nodes).filter((id) => graph.nodes[id].kind === 'ending');
	while (queue.length > 0) {
		const id = queue.pop()!;
		if (ok.has(id)) continue;
		ok.add(id);
		queue.push(...(incoming.get(id) ?? []));
	}
	return ok;
}

function checkLinksAndChoices(graph: ScenarioGraph, problems: ScenarioProblem[]): void {
	const choiceIds = new Set<string>();
	for (const [nodeId, node] of Object.entries(graph.nodes)) {
		if (node.kind === 'content' && node.next && !graph.nodes[node.next]) {
			problems.push({
				code: 'scn_next_dangling',
				severity: 'error',
				nodeId,
				params: { target: node.next }
			});
		}
		if (node.kind !== 'decision') continue;
		if (node.choices.length === 0)
			problems.push({ code: 'scn_no_choices', severity: 'error', nodeId });
		if (node.choices.length === 1)
			problems.push({ code: 'scn_one_choice', severity: 'warning', nodeId });
		for (const c of node.choices) {
			const place = { nodeId, choiceId: c.id || undefined };
			if (c.next && !graph.nodes[c.next]) {
				problems.push({
					code: 'scn_next_dangling',
					severity: 'error',
					...place,
					params: { target: c.next }
				});
			}
			if (!c.id) continue;
			// Unique across the graph: a recorded decision then names its choice unambiguously.
			if (choiceIds.has(c.id)) {
				problems.push({
					code: 'scn_choice_duplicate',
					severity: 'error',
					...place,
					params: { id: c.id }
				});
			}
			choiceIds.add(c.id);
		}
	}
}

/** `explore: false` skips the state exploration, for a graph that did not even parse cleanly. */
export function validateScenario(
	graph: ScenarioGraph,
	{ explore = true }: { explore?: boolean } = {}
): ScenarioProblem[] {
	const problems: ScenarioProblem[] = [];
	if (!graph.start || !graph.nodes[graph.start]) {
		problems.push({ code: 'scn_start_missing', severity: 'error', params: { start: graph.start } });
	}
	checkLinksAndChoices(graph, problems);
	const endings = Object.values(graph.nodes).filter((n) => n.kind === 'ending');
	if (endings.length === 0) problems.push({ code: 'scn_no_endings', severity: 'error' });
	const reachable = reachableFrom(graph, graph.start);
	const canEnd = nodesThatCanEnd(graph);
	for (const nodeId of Object.keys(graph.nodes)) {
		if (graph.nodes[graph.start] && !reachable.has(nodeId)) {
			problems.push({ code: 'scn_unreachable', severity: 'error', nodeId });
		} else if (endings.length > 0 && !canEnd.has(nodeId)) {
			problems.push({ code: 'scn_no_ending', severity: 'error', nodeId });
		}
	}
	if (!explore || problems.some((p) => p.severity === 'error')) return problems;
	return [...problems, ...exploreStates(graph)];
}

export function hasErrors(problems: ScenarioProblem[]): boolean {
	return problems.some((p) => p.severity === 'error');
}
