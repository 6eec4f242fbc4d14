import type { ActionData } from './$types';
import type { Intent } from './unit-form';

/** The refusal of this form, if the last submission was this form's and failed. */
export function failureOf(form: ActionData, intent: Intent) {
	if (!form || !('message' in form) || !form.values || form.values.intent !== intent) return null;
	return { message: form.message, values: form.values };
}

export function successOf(form: ActionData, intent: Intent) {
	return form && !('message' in form) && form.intent === intent ? form : null;
}

/** aria attributes tying an input to the form's error message. */
export function errorAria(failure: ReturnType<typeof failureOf>, name: string, errorId: string) {
	const invalid = !!failure && failure.values.field === name;
	return {
		'aria-invalid': invalid ? ('true' as const) : undefined,
		'aria-describedby': invalid ? errorId : undefined
	};
}
