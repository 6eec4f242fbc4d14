// Shared by the new and edit pages: the node list with translated problems, and the check and
// save actions. An invalid graph is never saved; the problems are shown next to their nodes.
import { fail, redirect } from '@sveltejs/kit';
import { isDomainError } from '$lib/server/errors';
import { currentLocale, failFromError, failWithCode, field } from '$lib/server/forms';
import { translateError } from '$lib/server/i18n';
import type { SessionUser } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import {
	checkScenario,
	hasErrors,
	type ScenarioGraph,
	type ScenarioProblem
} from '$lib/server/scenario/engine';
import { outlineScenario } from '$lib/server/scenario/outline';
import { isScenarioStatus, saveScenario } from '$lib/server/scenario/store';

export interface ProblemView {
	severity: 'error' | 'warning';
	message: string;
	where: string;
}

function viewProblem(p: ScenarioProblem): ProblemView {
	const message = translateError(p.code, p.params ?? {}, currentLocale());
	return { severity: p.severity, message, where: p.choiceId ?? '' };
}

export function editorView(graph: ScenarioGraph | null, problems: ScenarioProblem[]) {
	const { nodes, general } = outlineScenario(graph, problems);
	return {
		errorCount: problems.filter((p) => p.severity === 'error').length,
		general: general.map((p) => ({ ...viewProblem(p), where: p.nodeId ?? p.choiceId ?? '' })),
		nodes: nodes.map((n) => ({ ...n, problems: n.problems.map(viewProblem) }))
	};
}

export type EditorView = ReturnType<typeof editorView>;

async function readForm(request: Request) {
	const data = await request.formData();
	return { json: field(data, 'json'), status: field(data, 'status') || 'draft' };
}

export async function checkAction(request: Request) {
	const values = await readForm(request);
	const { graph, problems } = checkScenario(values.json);
	const editor = editorView(graph, problems);
	return {
		code: hasErrors(problems) ? 'scn_invalid' : '',
		message: '',
		checked: true,
		values,
		editor
	};
}

const REFUSALS = new Set(['forbidden', 'unit_out_of_scope']);

export async function saveAction(request: Request, actor: SessionUser, id?: number) {
	const values = await readForm(request);
	if (!isScenarioStatus(values.status)) {
		return failWithCode('scn_status_invalid', values);
	}
	let saved: { slug: string; version: number };
	try {
		const result = await saveScenario(getDb(), actor, {
			json: values.json,
			status: values.status,
			id
		});
		if (!result.ok) {
			// The page words this one itself: it names how many errors the node list shows.
			const editor = editorView(result.graph, result.problems);
			return fail(400, { code: 'scn_invalid', message: '', values, editor });
		}
		saved = result;
	} catch (e) {
		return failFromError(e, values, isDomainError(e) && REFUSALS.has(e.code) ? 403 : 400);
	}
	redirect(303, `/scenarios/${saved.slug}/edit?saved=${saved.version}`);
}
