import { describe, expect, it } from 'vitest';
import {
	applyChoice,
	availableChoices,
	checkScenario,
	exportScenario,
	finalGrade,
	startState,
	type DecisionNode,
	type ScenarioGraph
} from './engine';
import { sampleScenario } from './sample';

type Nodes = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Codes (with node ids) of the errors found in the sample after `change`. */
function errorsAfter(change: (g: ScenarioGraph & { nodes: Nodes }) => void): string[] {
	const graph = structuredClone(sampleScenario()) as ScenarioGraph & { nodes: Nodes };
	change(graph);
	return checkScenario(JSON.stringify(graph))
		.problems.filter((p) => p.severity === 'error')
		.map((p) => [p.code, p.nodeId, p.choiceId].filter(Boolean).join('@'));
}

const choice = (id: string, next: string, extra: Nodes = {}) => ({
	id,
	label: id,
	next,
	score: 0,
	feedback: '反馈',
	legalBasis: '《环境保护法》第一条',
	...extra
});

describe('validation catches each kind of broken graph', () => {
	it('accepts the sample and round-trips it through export', () => {
		const first = checkScenario(JSON.stringify(sampleScenario()));
		expect(first.problems).toEqual([]);
		const again = checkScenario(exportScenario(first.graph!));
		expect(again.problems).toEqual([]);
		expect(again.graph).toEqual(first.graph);
	});

	it.each<[string, (g: ScenarioGraph & { nodes: Nodes }) => void, string]>([
		['missing start', (g) => (g.start = 'nowhere'), 'scn_start_missing'],
		['empty start', (g) => (g.start = ''), 'scn_start_missing'],
		['dangling next on content', (g) => (g.nodes.intro.next = 'ghost'), 'scn_next_dangling@intro'],
		[
			'dangling next on a choice',
			(g) => (g.nodes.d1.choices[1].next = 'ghost'),
			'scn_next_dangling@d1@d1-b'
		],
		[
			'unreachable node',
			(g) => (g.nodes.orphan = { kind: 'ending', grade: 'B', title: '孤岛', debrief: '复盘' }),
			'scn_unreachable@orphan'
		],
		[
			'cycle without exit',
			(g) => {
				g.nodes.d1.choices[1].next = 'loop1';
				g.nodes.loop1 = { kind: 'content', title: '等待', body: '……', next: 'loop2' };
				g.nodes.loop2 = { kind: 'content', title: '再等', body: '……', next: 'loop1' };
			},
			'scn_no_ending@loop1'
		],
		['decision with no choices', (g) => (g.nodes.d2.choices = []), 'scn_no_choices@d2'],
		[
			'duplicate choice ids',
			(g) => (g.nodes.d2.choices[1].id = 'd1-a'),
			'scn_choice_duplicate@d2@d1-a'
		],
		[
			'requires a flag never set',
			(g) => (g.nodes.d2.choices[0].requires = { warrant: true }),
			'scn_requires_never_set@d2@d2-a'
		],
		[
			'requires a flag set only on another branch',
			(g) => {
				g.nodes.d1.choices[0].next = 'end-a';
				g.nodes.d1.choices[0].score = 0;
			},
			'scn_requires_never_set@d2@d2-a'
		],
		['score above range', (g) => (g.nodes.d1.choices[0].score = 25), 'scn_score_range@d1@d1-a'],
		['score below range', (g) => (g.nodes.d1.choices[0].score = -21), 'scn_score_range@d1@d1-a'],
		['fractional score', (g) => (g.nodes.d1.choices[0].score = 1.5), 'scn_score_range@d1@d1-a'],
		[
			'decision where conditions leave nothing on offer',
			(g) => {
				g.nodes.d2.choices.pop();
				delete g.nodes['end-c'];
			},
			'scn_dead_end@d2'
		],
		[
			'loop whose only exit is closed on some path',
			(g) => {
				g.nodes.d2.choices = [
					choice('wait', 'wait-text'),
					choice('act', 'end-a', { requires: { evidence: true } })
				];
				g.nodes['wait-text'] = { kind: 'content', title: '等待', body: '……', next: 'd2' };
				delete g.nodes['end-c'];
			},
			'scn_no_exit@d2'
		],
		[
			'no endings at all',
			(g) => {
				g.nodes.d2.choices = [choice('x', 'd1'), choice('y', 'd1')];
				delete g.nodes['end-a'];
				delete g.nodes['end-c'];
			},
			'scn_no_endings'
		],
		['unknown node kind', (g) => (g.nodes.d2.kind = 'quiz'), 'scn_node_kind@d2'],
		['grade outside A–D', (g) => (g.nodes['end-c'].grade = 'E'), 'scn_grade_invalid@end-c'],
		[
			'text flags',
			(g) => (g.nodes.d1.choices[0].set = { evidence: 'yes' }),
			'scn_flags_invalid@d1@d1-a'
		],
		[
			'missing feedback',
			(g) => delete g.nodes.d1.choices[0].feedback,
			'scn_field_required@d1@d1-a'
		],
		['missing title', (g) => (g.title = ' '), 'scn_field_required'],
		['bad slug', (g) => (g.slug = 'Bad Slug'), 'scn_slug_invalid'],
		['unknown topic', (g) => (g.topic = '别的'), 'scn_topic_invalid'],
		['wrong format', (g) => ((g as Nodes).format = 'other'), 'scn_format_invalid']
	])('%s', (_name, change, expected) => {
		expect(errorsAfter(change)).toContain(expected);
	});

	it('refuses text that is not JSON, or JSON without nodes', () => {
		expect(checkScenario('{ not json').problems.map((p) => p.code)).toEqual(['scn_json_invalid']);
		expect(checkScenario('[]').graph).toBeNull();
		const noNodes = { ...sampleScenario(), nodes: {} };
		expect(checkScenario(noNodes).problems.map((p) => p.code)).toContain('scn_nodes_missing');
	});

	it('lists shape problems and broken links together, so one save shows them all', () => {
		expect(
			errorsAfter((g) => {
				g.nodes['end-c'].grade = 'E';
				g.nodes.d1.choices[0].next = 'ghost';
			})
		).toEqual(['scn_grade_invalid@end-c', 'scn_next_dangling@d1@d1-a']);
	});

	it('only warns about a decision with a single choice', () => {
		const g = structuredClone(sampleScenario()) as ScenarioGraph & { nodes: Nodes };
		g.nodes.d1.choices.pop();
		const { problems } = checkScenario(g);
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(problems).toContainEqual(
			expect.objectContaining({ code: 'scn_one_choice', severity: 'warning', nodeId: 'd1' })
		);
	});
});

describe('playing a graph', () => {
	const graph = sampleScenario();

	it('starts past the content, at the first decision, with nothing set', () => {
		expect(startState(graph)).toEqual({
			nodeId: 'd1',
			flags: {},
			score: 0,
			finished: false,
			grade: null
		});
	});

	it('offers a conditional choice only once its flag is set, and ends with the grade', () => {
		const s0 = startState(graph);
		const skipped = applyChoice(graph, s0, 'd1-b');
		expect(
			skipped.ok && availableChoices(graph.nodes.d2, skipped.state.flags).map((c) => c.id)
		).toEqual(['d2-b']);
		const collected = applyChoice(graph, s0, 'd1-a');
		if (!collected.ok) throw new Error('d1-a refused');
		expect(collected.state).toMatchObject({ nodeId: 'd2', flags: { evidence: true }, score: 10 });
		expect(availableChoices(graph.nodes.d2, collected.state.flags).map((c) => c.id)).toEqual([
			'd2-a',
			'd2-b'
		]);
		const ended = applyChoice(graph, collected.state, 'd2-a');
		if (!ended.ok) throw new Error('d2-a refused');
		expect(ended.state).toMatchObject({ nodeId: 'end-a', finished: true, grade: 'A', score: 20 });
		expect(finalGrade(graph, ended.state)).toBe('A');
		expect(ended.choice.legalBasis).toContain('行政处罚法');
	});

	it('refuses a choice not on offer here, a condition not met, and any choice once finished', () => {
		const s0 = startState(graph);
		expect(applyChoice(graph, s0, 'd2-b')).toEqual({ ok: false, code: 'scn_choice_unavailable' });
		expect(applyChoice(graph, s0, 'nope')).toEqual({ ok: false, code: 'scn_choice_unavailable' });
		const skipped = applyChoice(graph, s0, 'd1-b');
		if (!skipped.ok) throw new Error('d1-b refused');
		expect(applyChoice(graph, skipped.state, 'd2-a')).toEqual({
			ok: false,
			code: 'scn_choice_unavailable'
		});
		const ended = applyChoice(graph, skipped.state, 'd2-b');
		if (!ended.ok) throw new Error('d2-b refused');
		expect(ended.state.grade).toBe('C');
		expect(applyChoice(graph, ended.state, 'd2-b')).toEqual({
			ok: false,
			code: 'scn_run_finished'
		});
	});

	it('reads an unset number flag as 0 and an unset boolean as false', () => {
		const base = (graph.nodes.d1 as DecisionNode).choices[0];
		const node: DecisionNode = {
			kind: 'decision',
			prompt: '?',
			choices: [
				{ ...base, id: 'zero', requires: { count: 0 } },
				{ ...base, id: 'off', requires: { served: false } },
				{ ...base, id: 'two', requires: { count: 2 } }
			]
		};
		expect(availableChoices(node, {}).map((c) => c.id)).toEqual(['zero', 'off']);
		expect(availableChoices(node, { count: 2, served: true }).map((c) => c.id)).toEqual(['two']);
	});
});
