// Labels and shapes of questions for client code. The unions repeat those of the bank schema
// so that components import nothing from $lib/server (question-labels.spec.ts keeps them equal).
import { m } from '$lib/paraglide/messages.js';

export const QUESTION_TYPES = ['single', 'multiple', 'truefalse', 'fill', 'ordering'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_STATUSES = ['draft', 'in_review', 'published', 'retired'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const TOPICS = [
	'大气监督帮扶',
	'重点专项行动',
	'科技手段运用',
	'执法质量提升',
	'队伍能力建设'
] as const;

export const LETTERS = 'ABCDEFGH';

/** single "B", multiple "ACD", truefalse boolean, fill accepted answers, ordering "CADB". */
export type AnswerKey = string | boolean | string[];

/** What a contestant may see before answering: never the key. */
export interface ShownQuestion {
	type: QuestionType;
	stem: string;
	options: string[];
}

const TYPE_LABELS: Record<QuestionType, () => string> = {
	single: m.q_type_single,
	multiple: m.q_type_multiple,
	truefalse: m.q_type_truefalse,
	fill: m.q_type_fill,
	ordering: m.q_type_ordering
};

const STATUS_LABELS: Record<QuestionStatus, () => string> = {
	draft: m.q_status_draft,
	in_review: m.q_status_in_review,
	published: m.q_status_published,
	retired: m.q_status_retired
};

const TOPIC_LABELS: Record<string, () => string> = {
	大气监督帮扶: m.q_topic_air,
	重点专项行动: m.q_topic_campaigns,
	科技手段运用: m.q_topic_tech,
	执法质量提升: m.q_topic_quality,
	队伍能力建设: m.q_topic_team
};

export function typeLabel(type: string): string {
	return TYPE_LABELS[type as QuestionType]?.() ?? type;
}

export function statusLabel(status: string): string {
	return STATUS_LABELS[status as QuestionStatus]?.() ?? status;
}

export function topicLabel(topic: string): string {
	return TOPIC_LABELS[topic]?.() ?? topic;
}

export function trueFalseLabel(value: boolean): string {
	return value ? m.q_true() : m.q_false();
}

/** The key as one line of text, e.g. "ACD", "对", "30日 / 三十日". */
export function describeKey(type: QuestionType, key: AnswerKey): string {
	if (type === 'truefalse') return typeof key === 'boolean' ? trueFalseLabel(key) : '';
	if (Array.isArray(key)) return key.join(' / ');
	return String(key);
}
