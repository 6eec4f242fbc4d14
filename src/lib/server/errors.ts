/**
 * A refusal a user can understand. `code` names a message (`err_<code>` in messages/*.json)
 * so routes and socket handlers can answer in the user's language.
 */
export class DomainError extends Error {
	constructor(
		readonly code: string,
		readonly params: Record<string, string | number> = {}
	) {
		super(code);
		this.name = 'DomainError';
	}
}

export function isDomainError(e: unknown): e is DomainError {
	return e instanceof DomainError;
}
