// The editor's view of a graph: each node with its links and the problems that belong to it.
import type { Flags, ScenarioGraph, ScenarioProblem } from './types';

export interface OutlineLink {
	choiceId?: string;
	label: string;
	target: string;
	score?: number;
	requires: string;
	sets: string;
	dangling: boolean;
}

export interface OutlineNode {
	id: string;
	kind: 'content' | 'decision' | 'ending';
	heading: string;
	grade?: string;
	documents: number;
	isStart: boolean;
	links: OutlineLink[];
	problems: ScenarioProblem[];
}

const flagText = (flags: Flags) =>
	Object.entries(flags)
		.map(([k, v]) => `${k}=${v}`)
		.join(', ');

export function outlineScenario(graph: ScenarioGraph | null, problems: ScenarioProblem[]) {
	const nodes: OutlineNode[] = Object.entries(graph?.nodes ?? {}).map(([id, node]) => {
		const link = (target: string, extra: Partial<OutlineLink> = {}): OutlineLink => ({
			label: '',
			target,
			requires: '',
			sets: '',
			dangling: !graph!.nodes[target],
			...extra
		});
		const links =
			node.kind === 'content'
				? [link(node.next)]
				: node.kind === 'decision'
					? node.choices.map((c) =>
							link(c.next, {
								choiceId: c.id,
								label: c.label,
								score: c.score,
								requires: flagText(c.requires),
								sets: flagText(c.set)
							})
						)
					: [];
		return {
			id,
			kind: node.kind,
			heading: node.kind === 'decision' ? node.prompt : node.title,
			grade: node.kind === 'ending' ? node.grade : undefined,
			documents: node.kind === 'content' ? node.documents.length : 0,
			isStart: graph?.start === id,
			links,
			problems: problems.filter((p) => p.nodeId === id)
		};
	});
	const placed = new Set(nodes.map((n) => n.id));
	return {
		nodes,
		// Problems of the whole graph, and of nodes that could not be read at all.
		general: problems.filter((p) => !p.nodeId || !placed.has(p.nodeId))
	};
}
