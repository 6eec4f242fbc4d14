// Reads Moodle GIFT into import items. What the bank can hold is read: multiple choice
// (= and ~, weights; several positive weights and no "=" make a multiple-answer question),
// true/false, short answer and missing word (→ fill-in, or choice with a ____ blank).
// Numerical, matching, essay and description items are answered with a reason instead.
import { topics } from '../../db/schema/bank';
import type { QuestionInput } from '../question-input';
import { splitTags } from './columns';
import { readChoice, readShortAnswer, readTrueFalse, type BlockResult } from './gift-answers';
import { cleanText, protectEscapes, readHead, splitGift, type GiftEvent } from './gift-text';
import { checkQuestionCount } from './table';
import type { ImportItem } from './types';

export const BLANK = '____';

interface Category {
	topic?: string;
	subtopic?: string;
}

/** `$CATEGORY: $course$/top/大气监督帮扶/大气污染防治法` → topic and subtopic, if it names a topic. */
export function readCategory(path: string): Category {
	const parts = path
		.replace(/^\$[a-z0-9]+\$\//i, '')
		.split('/')
		.map((p) => p.trim())
		.filter(Boolean);
	const at = parts.findIndex((p) => (topics as readonly string[]).includes(p));
	return at < 0 ? {} : { topic: parts[at], subtopic: parts.slice(at + 1).join('/') || undefined };
}

function classify(
	block: string
): 'essay' | 'numerical' | 'choice' | 'truefalse' | 'matching' | 'short' {
	const b = block.trim();
	if (b === '') return 'essay';
	if (b.startsWith('#')) return 'numerical';
	if (b.includes('~')) return 'choice';
	if (!b.includes('=')) return 'truefalse';
	if (b.includes('->')) return 'matching';
	return 'short';
}

type QuestionEvent = Extract<GiftEvent, { kind: 'question' }>;

function readQuestion(event: QuestionEvent, position: number, category: Category): ImportItem {
	const head = readHead(protectEscapes(event.text));
	const item: ImportItem = {
		position,
		line: event.line,
		title: head.title,
		problems: [],
		notes: []
	};
	const open = head.body.indexOf('{');
	if (open < 0) return { ...item, unsupported: { code: 'bankio_gift_description' } };
	const close = head.body.indexOf('}', open);
	if (close < 0) return { ...item, problems: [{ code: 'bankio_gift_unclosed' }] };
	if (head.body.indexOf('{', close) >= 0)
		return { ...item, problems: [{ code: 'bankio_gift_many_blocks' }] };
	const block = head.body.slice(open + 1, close);
	const kind = classify(block.split('####')[0]);
	if (kind === 'essay' || kind === 'numerical' || kind === 'matching') {
		return { ...item, unsupported: { code: `bankio_gift_${kind}` } };
	}
	const clean = (text: string) => cleanText(text, head.format);
	const before = clean(head.body.slice(0, open));
	const after = clean(head.body.slice(close + 1));
	// Text after the block makes it a missing-word question: the blank stays in the stem.
	const missingWord = after !== '';
	if (missingWord && (kind === 'truefalse' || `${before}${after}`.includes(BLANK))) {
		return { ...item, problems: [{ code: 'bankio_gift_blank_conflict' }] };
	}
	const stem = missingWord ? `${before}${spaced(before, after)}${after}` : before;
	const result: BlockResult =
		kind === 'choice'
			? readChoice(block, clean)
			: kind === 'short'
				? readShortAnswer(block, clean)
				: readTrueFalse(block, clean);
	return { ...item, ...fromMeta(event, category, stem, result) };
}

/** Keeps a space around the blank only where the text had one between Latin words. */
function spaced(before: string, after: string): string {
	const left = /[A-Za-z0-9,.;:!?)]$/.test(before) ? ' ' : '';
	const right = /^[A-Za-z0-9(]/.test(after) ? ' ' : '';
	return `${left}${BLANK}${right}`;
}

function fromMeta(event: QuestionEvent, category: Category, stem: string, r: BlockResult) {
	const meta = event.meta;
	const topic = meta['专题'] ?? category.topic ?? '';
	const difficultyText = meta['难度']?.normalize('NFKC');
	const input: QuestionInput = {
		type: r.type,
		stem,
		options: r.options,
		answer: r.answer,
		explanation: r.explanation,
		legalBasis: meta['法律依据'] ?? '',
		topic,
		subtopic: meta['子专题'] ?? category.subtopic ?? '',
		difficulty: difficultyText ? Number(difficultyText) : NaN,
		tags: splitTags(meta['标签'] ?? ''),
		jurisdiction: meta['适用范围'] || 'national'
	};
	return {
		input,
		problems: r.problems,
		notes: r.notes,
		needsTopic: topic === '',
		needsDifficulty: !difficultyText,
		legalBasisOptional: true
	};
}

export function readGiftItems(source: string): ImportItem[] {
	const items: ImportItem[] = [];
	let category: Category = {};
	for (const event of splitGift(source)) {
		if (event.kind === 'category') category = readCategory(event.path);
		else items.push(readQuestion(event, items.length + 1, category));
	}
	checkQuestionCount(items.length);
	return items;
}
