// Problems in words, for the preview page and the command line alike.
import * as m from '../../../paraglide/messages.js';
import { translateError, type Locale } from '../../i18n';
import type { CheckedProblem, Severity } from './check';
import type { BankFormat, ProblemField } from './types';

type Label = (inputs: Record<string, unknown>, options: { locale: Locale }) => string;

const FIELD_LABELS: Record<ProblemField, Label> = {
	type: m.bankio_field_type,
	stem: m.bankio_field_stem,
	options: m.bankio_field_options,
	answer: m.bankio_field_answer,
	explanation: m.bankio_field_explanation,
	legalBasis: m.bankio_field_legalBasis,
	topic: m.bankio_field_topic,
	subtopic: m.bankio_field_subtopic,
	difficulty: m.bankio_field_difficulty,
	tags: m.bankio_field_tags,
	jurisdiction: m.bankio_field_jurisdiction,
	status: m.bankio_field_status,
	sourceFacts: m.bankio_field_sourceFacts,
	history: m.bankio_field_history,
	file: m.bankio_field_file
};

export function whereLabel(
	p: Pick<CheckedProblem, 'position' | 'line' | 'title'>,
	format: BankFormat,
	locale: Locale
): string {
	if (p.position === 0) return m.bankio_where_file({}, { locale });
	if (format === 'xlsx' || format === 'csv')
		return m.bankio_where_row({ row: p.position }, { locale });
	if (format === 'gift' && p.line) {
		const inputs = { n: p.position, line: p.line, title: p.title ?? '' };
		return p.title
			? m.bankio_where_gift_titled(inputs, { locale })
			: m.bankio_where_gift(inputs, { locale });
	}
	return m.bankio_where_question({ n: p.position }, { locale });
}

export interface DescribedProblem {
	id: number;
	where: string;
	field: string;
	reason: string;
	severity: Severity;
}

export function describeProblem(
	p: CheckedProblem,
	id: number,
	format: BankFormat,
	locale: Locale
): DescribedProblem {
	return {
		id,
		where: whereLabel(p, format, locale),
		field: p.field ? FIELD_LABELS[p.field]({}, { locale }) : '',
		reason: translateError(p.code, p.params ?? {}, locale),
		severity: p.severity
	};
}
