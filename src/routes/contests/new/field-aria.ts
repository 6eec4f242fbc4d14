// Ties a builder input to its hint and its problem. Problem fields look like "rounds.0.points".

export function errorId(name: string): string {
	return `c-${name.replaceAll('.', '-')}-error`;
}

export function fieldAria(errors: Record<string, string>, name: string, hintId?: string) {
	const ids = [hintId, errors[name] ? errorId(name) : undefined].filter(Boolean);
	return {
		'aria-invalid': errors[name] ? ('true' as const) : undefined,
		'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined
	};
}
