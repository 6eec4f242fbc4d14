// Reads a scenario from JSON text (or an already parsed value) into a typed graph, leniently:
// every shape problem is listed with the node it belongs to, and whatever could be read is
// kept, so the editor can still show the node list of a half-finished graph.
import { topics } from '../db/schema/bank';
import { isObject, LIMITS, Reader, type Obj } from './reader';
import {
	SCENARIO_FORMAT,
	SCENARIO_FORMAT_VERSION,
	type ScenarioGraph,
	type ScenarioProblem
} from './types';

export { LIMITS };
const SLUG = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;

export interface ParseResult {
	/** null only when nothing usable could be read (not JSON, not an object, no nodes). */
	graph: ScenarioGraph | null;
	problems: ScenarioProblem[];
}

export function parseScenario(input: unknown): ParseResult {
	const r = new Reader();
	let value = input;
	if (typeof input === 'string') {
		if (input.length > LIMITS.jsonChars) {
			r.error('scn_json_too_large', {}, { max: LIMITS.jsonChars });
			return { graph: null, problems: r.problems };
		}
		try {
			value = JSON.parse(input.replace(/^\uFEFF/, ''));
		} catch {
			r.error('scn_json_invalid');
			return { graph: null, problems: r.problems };
		}
	}
	if (!isObject(value)) {
		r.error('scn_json_invalid');
		return { graph: null, problems: r.problems };
	}
	return readGraph(r, value);
}

function readGraph(r: Reader, o: Obj): ParseResult {
	if (o.format !== SCENARIO_FORMAT || o.version !== SCENARIO_FORMAT_VERSION) {
		r.error('scn_format_invalid');
	}
	const slug = typeof o.slug === 'string' ? o.slug.trim() : '';
	if (!SLUG.test(slug)) r.error('scn_slug_invalid');
	const topic = r.text(o, 'topic', {}, LIMITS.shortText);
	if (topic && !(topics as readonly string[]).includes(topic)) {
		r.error('scn_topic_invalid', {}, { topics: topics.join('、') });
	}
	const difficulty = o.difficulty ?? 3;
	if (
		typeof difficulty !== 'number' ||
		!Number.isInteger(difficulty) ||
		difficulty < 1 ||
		difficulty > 5
	) {
		r.error('scn_difficulty_invalid');
	}
	const legalBasis = Array.isArray(o.legalBasis) ? o.legalBasis : [];
	if (!legalBasis.every((l) => typeof l === 'string')) {
		r.error('scn_field_invalid', {}, { field: 'legalBasis' });
	}
	const graph: ScenarioGraph = {
		format: SCENARIO_FORMAT,
		version: SCENARIO_FORMAT_VERSION,
		slug,
		title: r.text(o, 'title', {}, LIMITS.shortText),
		summary: r.text(o, 'summary', {}, 2000, false),
		topic,
		difficulty: typeof difficulty === 'number' ? difficulty : 3,
		legalBasis: legalBasis.filter((l): l is string => typeof l === 'string').map((l) => l.trim()),
		start: typeof o.start === 'string' ? o.start : '',
		nodes: {}
	};
	if (!isObject(o.nodes) || Object.keys(o.nodes).length === 0) {
		r.error('scn_nodes_missing');
		return { graph: null, problems: r.problems };
	}
	const entries = Object.entries(o.nodes);
	if (entries.length > LIMITS.nodes) r.error('scn_too_many_nodes', {}, { max: LIMITS.nodes });
	for (const [nodeId, raw] of entries.slice(0, LIMITS.nodes)) {
		if (nodeId.length > LIMITS.idChars || nodeId.trim() !== nodeId || !nodeId) {
			r.error('scn_id_invalid', { nodeId }, { field: 'id', max: LIMITS.idChars });
		}
		const node = r.node(raw, nodeId);
		if (node) graph.nodes[nodeId] = node;
	}
	return { graph, problems: r.problems };
}
