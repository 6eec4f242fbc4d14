// Shared by the exam routes: refusals about the attempt itself become HTTP errors, and times
// are shown in China time whatever the server's zone.
import { error } from '@sveltejs/kit';
import { isDomainError } from '$lib/server/errors';

const HTTP_STATUS: Record<string, number> = { exam_not_found: 404, exam_not_yours: 403 };

/** Rethrows "no such attempt" as 404 and "someone else's attempt" as 403. */
export function rethrowAsHttp(e: unknown): never {
	if (isDomainError(e) && HTTP_STATUS[e.code]) error(HTTP_STATUS[e.code], { message: e.code });
	throw e;
}

export function formatTime(date: Date | string, locale: string, seconds = false): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
		timeZone: 'Asia/Shanghai',
		dateStyle: 'medium',
		timeStyle: seconds ? 'medium' : 'short'
	}).format(new Date(date));
}

export function positiveInt(value: string | null): number | undefined {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : undefined;
}
