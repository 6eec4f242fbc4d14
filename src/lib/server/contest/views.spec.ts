import { describe, expect, it } from 'vitest';
import { applyEvent, decide, initialState, type Command } from './engine';
import type { ContestConfig, ContestState } from './types';
import {
	answeredCount,
	contestantView,
	hostView,
	meView,
	playerView,
	studioView,
	type ViewContext
} from './views';

const SECRET_EXPLANATION = '解析：此处为秘密解析文本';
const SECRET_BASIS = '《秘密法律依据》第九十九条';
const SECRET_FILL = '秘密填空答案';

const ctx: ViewContext = { id: 7, code: '123456' };

const text = (questionId: number, stem: string, options: string[] = []) => ({
	questionId,
	stem,
	options,
	explanation: SECRET_EXPLANATION,
	legalBasis: SECRET_BASIS
});

function config(): ContestConfig {
	return {
		title: '技能比武',
		allowGuests: true,
		allowLateJoin: true,
		graceMs: 500,
		podiumSize: 2,
		teams: [],
		rounds: [
			{
				kind: 'compulsory',
				title: '必答题',
				limitMs: 20_000,
				speedWeighted: false,
				streak: { step: 100, cap: 500 },
				questions: [
					{
						...text(1, '单选题干', ['甲', '乙', '丙', '丁']),
						versionId: 1,
						type: 'single',
						optionCount: 4,
						key: 'C',
						points: 1000
					},
					{
						...text(2, '填空题干'),
						versionId: 2,
						type: 'fill',
						optionCount: 0,
						key: [SECRET_FILL],
						points: 1000
					},
					{
						...text(3, '判断题干'),
						versionId: 3,
						type: 'truefalse',
						optionCount: 0,
						key: false,
						points: 1000
					}
				]
			}
		]
	};
}

class Harness {
	state: ContestState = initialState();
	now = 1_000_000;
	run(command: Command) {
		const d = decide(this.state, command, this.now);
		if (!d.ok) throw new Error(d.code);
		for (const e of d.events) this.state = applyEvent(this.state, e);
		return this;
	}
	answer(contestantId: string, index: number, response: unknown) {
		this.now += 1000;
		return this.run({ type: 'answer', contestantId, round: 0, index, response });
	}
}

function lobby() {
	const h = new Harness().run({ type: 'create', config: config() });
	for (const [id, name] of [
		['a', '张三'],
		['b', '李四'],
		['c', '王五']
	]) {
		h.run({ type: 'join', contestantId: id, name, userId: id === 'c' ? null : id, teamId: null });
	}
	return h;
}

function everyView(state: ContestState) {
	return {
		player: playerView(state, ctx),
		a: contestantView(state, 'a', ctx),
		b: contestantView(state, 'b', ctx),
		studio: studioView(state, ctx),
		host: hostView(state, ctx)
	};
}

const SECRET_FIELDS = ['key', 'correct', 'explanation', 'legalBasis', 'distribution'];

/** Every property name in a JSON-able value, however deep. */
function fieldNames(value: unknown, into = new Set<string>()): Set<string> {
	if (Array.isArray(value)) value.forEach((v) => fieldNames(v, into));
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			into.add(k);
			fieldNames(v, into);
		}
	}
	return into;
}

function expectNothingSecret(views: Record<string, unknown>) {
	for (const [audience, view] of Object.entries(views)) {
		const names = fieldNames(view);
		for (const field of SECRET_FIELDS) expect(names.has(field), `${audience}.${field}`).toBe(false);
		const text = JSON.stringify(view);
		for (const secret of [SECRET_EXPLANATION, SECRET_BASIS]) {
			expect(text.includes(secret), `${audience} has ${secret}`).toBe(false);
		}
	}
}

/** The states before a reveal, in every phase a question can be in. */
function beforeReveal(right: boolean) {
	const h = lobby();
	const states: Record<string, ContestState> = { lobby: h.state };
	h.run({ type: 'next' });
	states.opened = h.state;
	h.answer('a', 0, right ? 'C' : 'A');
	states.answered = h.state;
	h.run({ type: 'pause' });
	states.paused = h.state;
	h.now += 5000;
	h.run({ type: 'resume' });
	states.resumed = h.state;
	h.answer('b', 0, 'c');
	states.bothAnswered = h.state;
	return { h, states };
}

describe('views before the reveal', () => {
	it.each(['lobby', 'opened', 'answered', 'paused', 'resumed', 'bothAnswered'])(
		'carry no key, explanation or correctness in phase %s',
		(name) => {
			const { states } = beforeReveal(true);
			expectNothingSecret(everyView(states[name]));
		}
	);

	it('look the same whether an answer was right or wrong (scores and ranks included)', () => {
		const right = beforeReveal(true).states.bothAnswered;
		const wrong = beforeReveal(false).states.bothAnswered;
		expect(playerView(right, ctx)).toEqual(playerView(wrong, ctx));
		expect(studioView(right, ctx)).toEqual(studioView(wrong, ctx));
		expect(hostView(right, ctx)).toEqual(hostView(wrong, ctx));
		expect(contestantView(right, 'b', ctx)).toEqual(contestantView(wrong, 'b', ctx));
		const mine = { ...meView(right, 'a')!, answer: null };
		expect(mine).toEqual({ ...meView(wrong, 'a')!, answer: null });
		expect(meView(right, 'a')!.answer).toEqual({ round: 0, index: 0, response: 'C' });
	});

	it('never shows a fill-in key to the other contestants, even after someone typed it', () => {
		const h = lobby().run({ type: 'next' });
		h.answer('a', 0, 'C').run({ type: 'reveal' }).run({ type: 'next' });
		h.answer('a', 1, SECRET_FILL);
		const { b, studio, host, player } = everyView(h.state);
		for (const view of [b, studio, host, player]) {
			expect(JSON.stringify(view)).not.toContain(SECRET_FILL);
		}
		expect(meView(h.state, 'a')!.score).toBe(1000);
	});

	it('shows the open question and counts answers without marking them', () => {
		const { states } = beforeReveal(true);
		const view = hostView(states.answered, ctx);
		expect(view.phase).toMatchObject({
			name: 'question',
			question: { number: 1, total: 3, stem: '单选题干', options: ['甲', '乙', '丙', '丁'] }
		});
		expect(view.answered).toBe(1);
		expect(answeredCount(states.answered)).toBe(1);
		expect(view.roster.find((r) => r.contestantId === 'a')).toMatchObject({ answered: true });
		expect(view.roster.find((r) => r.contestantId === 'c')).toMatchObject({
			answered: false,
			guest: true
		});
		expect(view.hasNext).toBe(true);
	});
});

describe('views at the reveal', () => {
	it('add the key, explanation, distribution, own result and updated ranks', () => {
		const { h } = beforeReveal(true);
		h.answer('c', 0, 'A').run({ type: 'reveal' });
		const { player, a, c, studio } = {
			player: playerView(h.state, ctx),
			a: contestantView(h.state, 'a', ctx)!,
			c: contestantView(h.state, 'c', ctx)!,
			studio: studioView(h.state, ctx)
		};
		expect(player.phase).toMatchObject({
			name: 'reveal',
			reveal: { key: 'C', explanation: SECRET_EXPLANATION, legalBasis: SECRET_BASIS }
		});
		expect(fieldNames(player).has('distribution')).toBe(false);
		expect(studio.phase.name === 'reveal' && studio.phase.reveal).toMatchObject({
			answered: 3,
			correct: 2,
			distribution: [
				{ choice: 'A', count: 1, correct: false },
				{ choice: 'B', count: 0, correct: false },
				{ choice: 'C', count: 2, correct: true },
				{ choice: 'D', count: 0, correct: false }
			]
		});
		expect(a.me).toMatchObject({ score: 1000, rank: 1, streak: 1 });
		expect(a.me.answer).toEqual({ round: 0, index: 0, response: 'C', correct: true, points: 1000 });
		expect(c.me).toMatchObject({ score: 0, rank: 3, answer: { correct: false, points: 0 } });
		expect(studio.leaderboard.map((s) => [s.name, s.rank])).toEqual([
			['张三', 1],
			['李四', 1],
			['王五', 3]
		]);
	});

	it('keep earlier revealed points in scores while the next question is open', () => {
		const { h } = beforeReveal(true);
		h.run({ type: 'reveal' }).run({ type: 'next' });
		h.answer('a', 1, SECRET_FILL);
		const me = meView(h.state, 'a')!;
		expect(me).toMatchObject({ score: 1000, streak: 1, answer: { index: 1 } });
		expect(me.answer).not.toHaveProperty('correct');
		h.run({ type: 'reveal' });
		expect(meView(h.state, 'a')).toMatchObject({ score: 2100, streak: 2 });
	});

	it('shows typed answers as right/wrong bars and true/false as two bars', () => {
		const { h } = beforeReveal(true);
		h.run({ type: 'reveal' }).run({ type: 'next' });
		h.answer('a', 1, SECRET_FILL).answer('b', 1, '别的').run({ type: 'reveal' });
		const fill = studioView(h.state, ctx);
		expect(fill.phase.name === 'reveal' && fill.phase.reveal.distribution).toEqual([
			{ choice: 'correct', count: 1, correct: true },
			{ choice: 'wrong', count: 1, correct: false }
		]);
		h.run({ type: 'next' });
		h.answer('a', 2, false).answer('b', 2, true).run({ type: 'reveal' });
		const view = studioView(h.state, ctx);
		expect(view.phase.name === 'reveal' && view.phase.reveal.distribution).toEqual([
			{ choice: 'true', count: 1, correct: false },
			{ choice: 'false', count: 1, correct: true }
		]);
	});
});

describe('views at the end and after a removal', () => {
	it('show a podium of the configured size, with ties', () => {
		const { h } = beforeReveal(true);
		h.answer('c', 0, 'A').run({ type: 'end' });
		const view = studioView(h.state, ctx);
		expect(view.phase).toEqual({ name: 'ended' });
		expect(view.podium?.map((s) => s.name)).toEqual(['张三', '李四']);
		expect(meView(h.state, 'a')!.answer).toBeNull();
	});

	it('rank teams by the mean of their members, counting revealed questions only', () => {
		const cfg = {
			...config(),
			teams: [
				{ id: 't1', name: '一队' },
				{ id: 't2', name: '二队' }
			]
		};
		const h = new Harness().run({ type: 'create', config: cfg });
		for (const [id, teamId] of [
			['a', 't1'],
			['b', 't1'],
			['c', 't2']
		]) {
			h.run({ type: 'join', contestantId: id, name: id, userId: null, teamId });
		}
		h.run({ type: 'next' });
		h.answer('a', 0, 'C').answer('c', 0, 'C');
		expect(studioView(h.state, ctx).teams.map((t) => t.score)).toEqual([0, 0]);
		h.run({ type: 'reveal' });
		expect(studioView(h.state, ctx).teams).toEqual([
			{ teamId: 't2', name: '二队', members: 1, score: 1000, rank: 1 },
			{ teamId: 't1', name: '一队', members: 2, score: 500, rank: 2 }
		]);
		expect(meView(h.state, 'a')!.team).toBe('一队');
	});

	it('leave removed contestants out of counts and standings', () => {
		const h = lobby().run({ type: 'kick', contestantId: 'b' });
		const view = hostView(h.state, ctx);
		expect(view.contest.contestants).toBe(2);
		expect(view.roster.map((r) => r.contestantId)).toEqual(['a', 'c']);
		expect(meView(h.state, 'b')).toMatchObject({ removed: true });
		expect(contestantView(h.state, 'nobody', ctx)).toBeNull();
	});
});
