// Which form field a refusal belongs to, so the message sits next to that field.
const FIELDS: Record<string, string> = {
	progress_duty_user_not_found: 'username',
	progress_duty_out_of_scope: 'username',
	progress_duty_self: 'username',
	progress_duty_kind_invalid: 'kind',
	progress_duty_date_invalid: 'from',
	progress_duty_range_order: 'to',
	progress_duty_range_too_long: 'to',
	progress_duty_out_of_window: 'from',
	progress_duty_note_too_long: 'note'
};

export function fieldOf(code: string | undefined): string | null {
	return code ? (FIELDS[code] ?? null) : null;
}
