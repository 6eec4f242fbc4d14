// Words and times shared by the contest list and results pages.
import { m } from '$lib/paraglide/messages.js';

export type ContestStatus = 'lobby' | 'running' | 'ended';

const STATUS_LABELS: Record<ContestStatus, () => string> = {
	lobby: m.contest_build_status_lobby,
	running: m.contest_build_status_running,
	ended: m.contest_build_status_ended
};

export function contestStatusLabel(status: ContestStatus): string {
	return STATUS_LABELS[status]();
}

export const CONTEST_STATUSES = Object.keys(STATUS_LABELS) as ContestStatus[];

/** China time whatever the server's zone; the locale changes only the wording. */
export function formatTime(date: Date | string, locale: string): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
		timeZone: 'Asia/Shanghai',
		dateStyle: 'medium',
		timeStyle: 'short'
	}).format(new Date(date));
}

/** An answer key or response as text: letters, 对/错, or accepted answers joined by " | ". */
export function answerText(value: string | boolean | string[]): string {
	if (typeof value === 'boolean')
		return value ? m.contest_results_true() : m.contest_results_false();
	return Array.isArray(value) ? value.join(' | ') : value;
}

export function seconds(ms: number | null): string {
	return ms === null ? '—' : (ms / 1000).toFixed(1);
}

const DISTRIBUTION_LABELS: Record<string, () => string> = {
	true: m.contest_results_true,
	false: m.contest_results_false,
	right: m.contest_results_right,
	wrong: m.contest_results_wrong
};

/** A distribution bar's label: an option letter, or 对/错, 正确/错误. */
export function distributionLabel(label: string): string {
	return DISTRIBUTION_LABELS[label]?.() ?? label;
}
