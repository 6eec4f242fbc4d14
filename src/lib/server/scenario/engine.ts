// The scenario engine's public face: parse, validate, play. Pure; see types.ts for the model.
export * from './types';
export { parseScenario, LIMITS, type ParseResult } from './parse';
export { validateScenario, hasErrors, linksOf } from './validate';
export { exploreStates, MAX_STATES } from './explore';
export {
	advance,
	applyChoice,
	availableChoices,
	findChoice,
	finalGrade,
	meetsRequirements,
	startState,
	type ApplyResult,
	type ContentStep
} from './play';
import { parseScenario } from './parse';
import type { ScenarioGraph, ScenarioProblem } from './types';
import { hasErrors as anyErrors, validateScenario } from './validate';

/**
 * Parses and validates: every problem a save would refuse, at once. A graph with shape problems
 * still gets the structural checks (links, reachability), but not the state exploration.
 */
export function checkScenario(input: unknown): {
	graph: ScenarioGraph | null;
	problems: ScenarioProblem[];
} {
	const parsed = parseScenario(input);
	if (!parsed.graph) return parsed;
	const clean = !anyErrors(parsed.problems);
	return {
		graph: parsed.graph,
		problems: [...parsed.problems, ...validateScenario(parsed.graph, { explore: clean })]
	};
}

/** The graph as authors write it: stable key order, empty optional parts left out. */
export function exportScenario(graph: ScenarioGraph): string {
	const nodes = Object.fromEntries(
		Object.entries(graph.nodes).map(([id, node]) => {
			if (node.kind !== 'decision') {
				if (node.kind === 'content' && node.documents.length === 0) {
					const { documents: _omit, ...rest } = node;
					return [id, rest];
				}
				return [id, node];
			}
			const choices = node.choices.map(({ set, requires, ...c }) => ({
				...c,
				...(Object.keys(set).length ? { set } : {}),
				...(Object.keys(requires).length ? { requires } : {})
			}));
			return [id, { ...node, choices }];
		})
	);
	return `${JSON.stringify({ ...graph, nodes }, null, '\t')}\n`;
}
