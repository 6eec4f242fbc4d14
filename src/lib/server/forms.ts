// Small helpers for form actions: read fields safely, answer refusals in the user's language.
import { fail } from '@sveltejs/kit';
import { getLocale } from '../paraglide/runtime.js';
import { isDomainError } from './errors';
import { translateError, type Locale } from './i18n';

/** A text field, or '' when it is missing or a file (FormData can hold either). */
export function field(data: FormData, name: string): string {
	const value = data.get(name);
	return typeof value === 'string' ? value : '';
}

export function currentLocale(): Locale {
	try {
		return getLocale() === 'en' ? 'en' : 'zh-CN';
	} catch {
		return 'zh-CN';
	}
}

/** Turns a DomainError into a 400 with a translated message; rethrows anything else. */
export function failFromError<V extends Record<string, unknown>>(
	e: unknown,
	values: V,
	status = 400
) {
	if (!isDomainError(e)) throw e;
	return fail(status, {
		code: e.code,
		message: translateError(e.code, e.params, currentLocale()),
		values
	});
}

export function failWithCode<V extends Record<string, unknown>>(
	code: string,
	values: V,
	status = 400
) {
	return fail(status, { code, message: translateError(code, {}, currentLocale()), values });
}

/** Only same-site paths: an open redirect after sign-in would help phishing. */
export function safeNextPath(next: string | null | undefined): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
	return next;
}
