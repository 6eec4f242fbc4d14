// Server-side translation of DomainError codes, for socket acknowledgements and form errors.
import * as m from '../paraglide/messages.js';

export type Locale = 'zh-CN' | 'en';
export const LOCALE_COOKIE = 'PARAGLIDE_LOCALE';

export function localeFromCookieHeader(header: string | undefined): Locale {
	const match = /(?:^|;\s*)PARAGLIDE_LOCALE=([^;]+)/.exec(header ?? '');
	return match?.[1] === 'en' ? 'en' : 'zh-CN';
}

type MessageFn = (inputs: Record<string, unknown>, options: { locale: Locale }) => string;

export function translateError(
	code: string,
	params: Record<string, string | number>,
	locale: Locale
): string {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[`err_${code}`];
	return fn
		? fn(params, { locale })
		: (m.err_unknown as unknown as MessageFn)({ code }, { locale });
}
