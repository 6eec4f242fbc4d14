import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { exportScenario } from '$lib/server/scenario/engine';
import { editableScenario } from '../edit/scenario.server';

/** The working copy as a JSON file, in the same format the editor and the starter files use. */
export const GET: RequestHandler = async (event) => {
	const actor = requireRole(event, 'trainer', 'admin');
	const scenario = await editableScenario(actor, event.params.slug);
	return new Response(exportScenario(scenario.graph), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${scenario.slug}.json"`
		}
	});
};
