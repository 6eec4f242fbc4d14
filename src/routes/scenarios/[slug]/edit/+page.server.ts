import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { exportScenario, validateScenario } from '$lib/server/scenario/engine';
import { checkAction, editorView, saveAction } from '../../editor.server';
import { positiveInt } from '../../format';
import { editableScenario } from './scenario.server';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'trainer', 'admin');
	const scenario = await editableScenario(actor, event.params.slug);
	return {
		scenario: {
			slug: scenario.slug,
			title: scenario.title,
			status: scenario.status,
			version: scenario.version
		},
		json: exportScenario(scenario.graph),
		editor: editorView(scenario.graph, validateScenario(scenario.graph)),
		saved: positiveInt(event.url.searchParams.get('saved'))
	};
};

export const actions: Actions = {
	check: async (event) => {
		const actor = requireRole(event, 'trainer', 'admin');
		await editableScenario(actor, event.params.slug);
		return checkAction(event.request);
	},
	save: async (event) => {
		const actor = requireRole(event, 'trainer', 'admin');
		const scenario = await editableScenario(actor, event.params.slug);
		return saveAction(event.request, actor, scenario.id);
	}
};
