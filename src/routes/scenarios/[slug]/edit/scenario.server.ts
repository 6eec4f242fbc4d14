import { error } from '@sveltejs/kit';
import type { SessionUser } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { canEdit, getScenarioBySlug } from '$lib/server/scenario/store';

/** The scenario behind /scenarios/[slug]/edit and /export: 404 if missing, 403 out of scope. */
export async function editableScenario(actor: SessionUser, slug: string) {
	const scenario = await getScenarioBySlug(getDb(), slug);
	if (!scenario) error(404, { message: 'scn_not_found' });
	if (!canEdit(actor, scenario)) error(403, { message: 'forbidden' });
	return scenario;
}
