// Times in China time whatever the server's zone; the locale only changes the wording.
export function formatTime(date: Date | string, locale: string, seconds = false): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
		timeZone: 'Asia/Shanghai',
		dateStyle: 'medium',
		timeStyle: seconds ? 'medium' : 'short'
	}).format(new Date(date));
}

export function signed(n: number): string {
	return n > 0 ? `+${n}` : String(n);
}

export function positiveInt(value: string | null): number | undefined {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : undefined;
}
