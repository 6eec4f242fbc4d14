// Writes questions as Moodle GIFT. Topic and subtopic go in $CATEGORY lines; legal basis,
// difficulty, tags and jurisdiction in comment lines that Moodle ignores and our reader uses;
// the explanation is the general feedback (####). GIFT has no ordering questions: skipped.
import { LETTERS, type QuestionInput } from '../question-input';
import { BLANK } from './gift';
import { escapeGift } from './gift-text';

function oneLine(text: string): string {
	return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Weights Moodle accepts for n right answers: 50, 33.33333, 25, 20, 16.66667, … */
function weight(n: number): string {
	return String(Number((100 / n).toFixed(5)));
}

function answerBlock(q: QuestionInput): string {
	const letters = typeof q.answer === 'string' ? q.answer : '';
	const right = (i: number) => letters.includes(LETTERS[i]);
	let lines: string[];
	switch (q.type) {
		case 'single':
			lines = q.options.map((o, i) => `${right(i) ? '=' : '~'}${escapeGift(o)}`);
			break;
		case 'multiple':
			lines = q.options.map(
				(o, i) => `~%${right(i) ? weight(letters.length) : '-100'}%${escapeGift(o)}`
			);
			break;
		case 'truefalse':
			lines = [q.answer === true ? 'TRUE' : 'FALSE'];
			break;
		default:
			lines = (Array.isArray(q.answer) ? q.answer : []).map((a) => `=${escapeGift(a)}`);
	}
	if (q.explanation) lines.push(`####${escapeGift(q.explanation)}`);
	return `{\n\t${lines.join('\n\t')}\n}`;
}

function question(q: QuestionInput): string {
	const meta = [
		`// 法律依据：${oneLine(q.legalBasis)}`,
		`// 难度：${q.difficulty}`,
		...(q.tags.length ? [`// 标签：${q.tags.join('、')}`] : []),
		...(q.jurisdiction !== 'national' ? [`// 适用范围：${q.jurisdiction}`] : [])
	];
	const block = answerBlock(q);
	const blanks = q.stem.split(BLANK).length - 1;
	// A single blank becomes Moodle's missing word; otherwise the block follows the stem.
	const text =
		blanks === 1 && q.type !== 'truefalse'
			? q.stem.split(BLANK).map(escapeGift).join(block)
			: `${escapeGift(q.stem)}${block}`;
	return `${meta.join('\n')}\n${text}`;
}

export function writeGift(inputs: QuestionInput[]): {
	text: string;
	written: number;
	skipped: number;
} {
	const kept = inputs.filter((q) => q.type !== 'ordering');
	const skipped = inputs.length - kept.length;
	const parts = [
		`// 练兵场题库导出（GIFT）：${kept.length} 道题` +
			(skipped ? `；${skipped} 道排序题未导出（GIFT 没有排序题型）` : '')
	];
	let category = '';
	for (const q of kept) {
		const next = q.subtopic ? `${q.topic}/${q.subtopic}` : q.topic;
		if (next !== category) {
			parts.push(`$CATEGORY: ${next}`);
			category = next;
		}
		parts.push(question(q));
	}
	return { text: `${parts.join('\n\n')}\n`, written: kept.length, skipped };
}
