import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createAccountAsStaff } from '$lib/server/accounts/manage';
import { canAssignRole, isRole } from '$lib/server/accounts/users';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { roles } from '$lib/server/db/schema';
import { isDomainError } from '$lib/server/errors';
import { failFromError, failWithCode, field } from '$lib/server/forms';
import { listUnitsWithin } from '$lib/server/org/units';
import { toUnitOptions } from '../../unit-options';

const REFUSALS = new Set(['forbidden', 'role_not_allowed', 'unit_out_of_scope']);

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'trainer', 'admin');
	const units = await listUnitsWithin(getDb(), actor.unitPath);
	return {
		roles: roles.filter((r) => canAssignRole(actor.role, r)),
		units: toUnitOptions(units, actor.unitPath),
		defaultUnit: String(actor.unitId)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireRole(event, 'trainer', 'admin');
		const data = await event.request.formData();
		const values = {
			username: field(data, 'username'),
			displayName: field(data, 'displayName'),
			role: field(data, 'role'),
			unitId: field(data, 'unitId')
		};
		if (!isRole(values.role)) return failWithCode('role_invalid', values);
		let username: string;
		try {
			// Role and unit scope are checked again in the domain: the form alone proves nothing.
			const created = await createAccountAsStaff(getDb(), actor, {
				username: values.username,
				displayName: values.displayName,
				password: field(data, 'password'),
				role: values.role,
				unitId: Number(values.unitId)
			});
			username = created.username;
		} catch (e) {
			const refused = isDomainError(e) && REFUSALS.has(e.code);
			return failFromError(e, values, refused ? 403 : 400);
		}
		redirect(303, `/manage?created=${encodeURIComponent(username)}`);
	}
};
