/** aria attributes tying an editor input to its hint and its problem, if any. */
export function fieldAria(errors: Record<string, string>, name: string, hintId?: string) {
	const ids = [hintId, errors[name] ? `q-${name}-error` : undefined].filter(Boolean);
	return {
		'aria-invalid': errors[name] ? ('true' as const) : undefined,
		'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined
	};
}
