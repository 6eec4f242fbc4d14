// What the player's page shows, rebuilt from the database on every load so a refresh (or
// another device) lands exactly where the player left off. Only the choices on offer are sent,
// never their scores or feedback.
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/session';
import { advance, availableChoices, findChoice, type ContentStep, type EndingNode } from './engine';
import { describePath, endingOf, type PathStep } from './review';
import { decisionsOf, graphOfRun, latestRun, runState } from './runs';
import type { StoredScenario } from './store';

export interface LastStep {
	label: string;
	feedback: string;
	legalBasis: string;
	scoreDelta: number;
}

export type PlayView =
	| { phase: 'intro' }
	| {
			phase: 'decision';
			runId: number;
			nodeId: string;
			content: ContentStep[];
			prompt: string;
			choices: { id: string; label: string }[];
			score: number;
			last: LastStep | null;
	  }
	| {
			phase: 'ending';
			runId: number;
			content: ContentStep[];
			ending: EndingNode;
			score: number;
			last: LastStep | null;
			path: PathStep[];
	  };

export async function playView(
	db: Db,
	user: SessionUser,
	scenario: StoredScenario
): Promise<PlayView> {
	const run = await latestRun(db, user.id, scenario.id);
	if (!run) return { phase: 'intro' };
	const [graph, decisions] = await Promise.all([graphOfRun(db, run), decisionsOf(db, run.id)]);
	const previous = decisions.at(-1);
	const found = previous && findChoice(graph, previous.nodeId, previous.choiceId);
	const last = found
		? {
				label: found.choice.label,
				feedback: found.choice.feedback,
				legalBasis: found.choice.legalBasis,
				scoreDelta: previous.scoreDelta
			}
		: null;
	// The content read since the last decision: from where that choice led, or from the start.
	const { content } = advance(graph, found ? found.choice.next : graph.start);
	const ending = run.finishedAt ? endingOf(graph, run.currentNode) : null;
	if (ending) {
		const path = describePath(graph, decisions);
		return { phase: 'ending', runId: run.id, content, ending, score: run.score, last, path };
	}
	const node = graph.nodes[run.currentNode];
	return {
		phase: 'decision',
		runId: run.id,
		nodeId: run.currentNode,
		content,
		prompt: node.kind === 'decision' ? node.prompt : '',
		choices: availableChoices(node, runState(run).flags).map(({ id, label }) => ({ id, label })),
		score: run.score,
		last
	};
}
