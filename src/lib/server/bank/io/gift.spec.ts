import { describe, expect, it } from 'vitest';
import { readCategory, readGiftItems } from './gift';
import { cleanText, protectEscapes, splitGift } from './gift-text';

const one = (text: string) => readGiftItems(text)[0];

describe('splitGift', () => {
	it('separates questions at blank lines, drops comments and keeps metadata comments and line numbers', () => {
		const events = splitGift(
			'// intro\n\n// 法律依据：《某法》第一条\n// 难度：3\nQ1 {T}\n\n$CATEGORY: a/b\nQ2\n{F}\n'
		);
		expect(events).toEqual([
			{
				kind: 'question',
				line: 5,
				text: 'Q1 {T}',
				meta: { 法律依据: '《某法》第一条', 难度: '3' }
			},
			{ kind: 'category', path: 'a/b' },
			{ kind: 'question', line: 8, text: 'Q2\n{F}', meta: {} }
		]);
	});
});

describe('cleanText', () => {
	it('restores escapes after parsing, keeps \\n as a line break and joins wrapped Chinese without a space', () => {
		expect(cleanText(protectEscapes('a \\= b \\{c\\} \\# \\~ \\: \\\\'), 'moodle')).toBe(
			'a = b {c} # ~ : \\'
		);
		expect(cleanText(protectEscapes('第一行\\n第二行'), 'moodle')).toBe('第一行\n第二行');
		expect(cleanText('依法\n  查封', 'moodle')).toBe('依法查封');
		expect(cleanText('two\nwords', 'moodle')).toBe('two words');
		expect(cleanText('  并处（  ）罚款  ', 'moodle')).toBe('并处（  ）罚款');
	});

	it('turns [html] into text and strips [markdown] emphasis', () => {
		expect(cleanText('<p>A &amp; <b>B</b></p><p>&#x4E2D;</p>', 'html')).toBe('A & B 中');
		expect(cleanText('**bold** and __this__', 'markdown')).toBe('bold and this');
	});
});

describe('readGiftItems', () => {
	it('reads single choice with its title and per-answer feedback', () => {
		expect(one('::T1::Capital? {~Rome#no =Paris#yes ~Oslo}')).toMatchObject({
			position: 1,
			line: 1,
			title: 'T1',
			input: {
				type: 'single',
				stem: 'Capital?',
				options: ['Rome', 'Paris', 'Oslo'],
				answer: 'B',
				explanation: 'A. no\nB. yes'
			},
			problems: [],
			needsTopic: true,
			needsDifficulty: true,
			legalBasisOptional: true
		});
	});

	it('makes several positive weights without "=" a multiple-answer question', () => {
		expect(one('Pick two {~%50%a ~%50%b ~%-100%c}').input).toMatchObject({
			type: 'multiple',
			answer: 'AB'
		});
		expect(one('Pick one {~%100%a ~b}').input).toMatchObject({ type: 'single', answer: 'A' });
	});

	it('keeps the "=" answer of a partial-credit block and notes what was dropped', () => {
		const item = one('Q {~w ~%50%half =full}');
		expect(item.input).toMatchObject({ type: 'single', answer: 'C' });
		expect(item.notes).toEqual([
			{ field: 'answer', code: 'bankio_gift_partial_dropped', params: { answers: 'B' } }
		]);
	});

	it('refuses choice blocks without a right answer or with several full-credit answers', () => {
		expect(one('Q {~a ~b}').problems[0].code).toBe('bankio_gift_no_right_answer');
		expect(one('Q {=a =b ~c}').problems[0].code).toBe('bankio_gift_several_right');
	});

	it('reads true/false in every spelling, with feedback and general feedback', () => {
		expect(one('S {T}').input?.answer).toBe(true);
		expect(one('S {true}').input?.answer).toBe(true);
		expect(one('S {F#wrong}').input).toMatchObject({ answer: false, explanation: 'wrong' });
		expect(one('S {FALSE####依据第一条}').input).toMatchObject({
			answer: false,
			explanation: '依据第一条'
		});
		expect(one('S {maybe}').problems[0].code).toBe('bankio_gift_unreadable');
	});

	it('turns short answers into fill-in with only the full-credit answers accepted', () => {
		const item = one('Who? {=no one =%100%nobody =%50%none}');
		expect(item.input).toMatchObject({ type: 'fill', stem: 'Who?', answer: ['no one', 'nobody'] });
		expect(item.notes[0]).toMatchObject({
			code: 'bankio_gift_partial_dropped',
			params: { answers: 'none' }
		});
	});

	it('keeps the blank of a missing-word question, in Chinese and in English', () => {
		expect(one('排污许可证有效期为{=5 =五}年。').input).toMatchObject({
			type: 'fill',
			stem: '排污许可证有效期为____年。'
		});
		expect(one('Grant is {~buried =entombed} in the tomb.').input).toMatchObject({
			type: 'single',
			stem: 'Grant is ____ in the tomb.',
			answer: 'B'
		});
	});

	it('refuses a blank it cannot keep', () => {
		expect(one('已有____空 {=a} 又一空').problems[0].code).toBe('bankio_gift_blank_conflict');
		expect(one('It is {T} true').problems[0].code).toBe('bankio_gift_blank_conflict');
	});

	it('answers the kinds the bank cannot hold with a reason, and malformed blocks with a problem', () => {
		expect(one('Year? {#1822:1}').unsupported?.code).toBe('bankio_gift_numerical');
		expect(one('Match {=a -> 1 =b -> 2}').unsupported?.code).toBe('bankio_gift_matching');
		expect(one('Write an essay {}').unsupported?.code).toBe('bankio_gift_essay');
		expect(one('Just some text').unsupported?.code).toBe('bankio_gift_description');
		expect(one('Q {=a').problems[0].code).toBe('bankio_gift_unclosed');
		expect(one('Q {=a} and {=b}').problems[0].code).toBe('bankio_gift_many_blocks');
	});

	it('reads escaped control characters as text, not structure', () => {
		expect(one('Which is \\{x\\}? {~\\= 2 =\\# 1 ~a\\:b}').input).toMatchObject({
			stem: 'Which is {x}?',
			options: ['= 2', '# 1', 'a:b'],
			answer: 'B'
		});
	});

	it('takes metadata from comments and $CATEGORY, and strips html from an [html] question', () => {
		const items = readGiftItems(
			'$CATEGORY: $course$/top/大气监督帮扶/大气污染防治法\n\n// 法律依据：《大气污染防治法》第九十九条\n// 难度：2\n// 标签：超标排放、按日计罚\n[html]<p>超标排放<b>大气污染物</b>的，可以责令限制生产。</p>{T}'
		);
		expect(items[0].input).toMatchObject({
			stem: '超标排放大气污染物的，可以责令限制生产。',
			topic: '大气监督帮扶',
			subtopic: '大气污染防治法',
			legalBasis: '《大气污染防治法》第九十九条',
			difficulty: 2,
			tags: ['超标排放', '按日计罚']
		});
		expect(items[0]).toMatchObject({ needsTopic: false, needsDifficulty: false });
	});

	it('counts questions, not categories, and refuses an empty file', () => {
		expect(readGiftItems('$CATEGORY: x\n\nA {T}\n\nB {F}').map((i) => i.position)).toEqual([1, 2]);
		expect(() => readGiftItems('// only a comment\n')).toThrow(
			expect.objectContaining({ code: 'bankio_no_questions' })
		);
	});
});

describe('readCategory', () => {
	it('finds a topic anywhere in the path, the rest is the subtopic; other paths name nothing', () => {
		expect(readCategory('执法质量提升/查封扣押')).toEqual({
			topic: '执法质量提升',
			subtopic: '查封扣押'
		});
		expect(readCategory('$course$/top/队伍能力建设')).toEqual({
			topic: '队伍能力建设',
			subtopic: undefined
		});
		expect(readCategory('$course$/top/Default for Course')).toEqual({});
	});
});
