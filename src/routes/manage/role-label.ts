import { m } from '$lib/paraglide/messages.js';

export function roleLabel(role: string): string {
	if (role === 'admin') return m.role_admin();
	return role === 'trainer' ? m.role_trainer() : m.role_officer();
}
