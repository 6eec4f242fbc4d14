import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { exportScenario } from '$lib/server/scenario/engine';
import { sampleScenario } from '$lib/server/scenario/sample';
import { checkAction, saveAction } from '../editor.server';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'trainer', 'admin');
	return { template: exportScenario(sampleScenario('new-scenario')) };
};

export const actions: Actions = {
	check: async (event) => {
		requireRole(event, 'trainer', 'admin');
		return checkAction(event.request);
	},
	// A new scenario belongs to the author's own unit.
	save: async (event) => saveAction(event.request, requireRole(event, 'trainer', 'admin'))
};
