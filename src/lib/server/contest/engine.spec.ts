import { describe, expect, it } from 'vitest';
import { decide, foldEvents, applyEvent, initialState, type Command } from './engine';
import type { ContestConfig, ContestEvent, ContestState } from './types';

const text = (questionId: number) => ({
	questionId,
	stem: `第${questionId}题`,
	options: ['甲', '乙', '丙', '丁'],
	explanation: '',
	legalBasis: ''
});

function config(overrides: Partial<ContestConfig['rounds'][number]> = {}): ContestConfig {
	return {
		title: '技能比武',
		allowGuests: true,
		allowLateJoin: false,
		graceMs: 500,
		podiumSize: 3,
		teams: [],
		rounds: [
			{
				kind: 'compulsory',
				title: '必答题',
				limitMs: 20_000,
				speedWeighted: true,
				streak: { step: 100, cap: 500 },
				questions: [
					{ ...text(1), versionId: 1, type: 'single', optionCount: 4, key: 'B', points: 1000 },
					{ ...text(2), versionId: 2, type: 'truefalse', optionCount: 0, key: true, points: 1000 },
					{ ...text(3), versionId: 3, type: 'multiple', optionCount: 4, key: 'AC', points: 1000 }
				],
				...overrides
			}
		]
	};
}

/** Runs commands against a fake clock, applying each accepted decision like the server does. */
class Harness {
	state: ContestState = initialState();
	log: ContestEvent[] = [];
	now = 1_000_000;

	run(command: Command): string | null {
		const d = decide(this.state, command, this.now);
		if (!d.ok) return d.code;
		for (const e of d.events) {
			this.log.push(e);
			this.state = applyEvent(this.state, e);
		}
		return null;
	}

	tick(ms: number) {
		this.now += ms;
	}
}

function started(cfg = config()) {
	const h = new Harness();
	h.run({ type: 'create', config: cfg });
	h.run({ type: 'join', contestantId: 'a', name: '张三', userId: 'u1', teamId: null });
	h.run({ type: 'join', contestantId: 'b', name: '李四', userId: 'u2', teamId: null });
	expect(h.run({ type: 'next' })).toBeNull();
	return h;
}

const answer = (contestantId: string, index: number, response: unknown): Command => ({
	type: 'answer',
	contestantId,
	round: 0,
	index,
	response
});

describe('compulsory round scoring', () => {
	it('weights correct answers by speed and gives wrong ones nothing', () => {
		const h = started();
		h.tick(2000);
		expect(h.run(answer('a', 0, 'B'))).toBeNull();
		h.tick(8000);
		expect(h.run(answer('b', 0, 'C'))).toBeNull();
		expect(h.state.contestants.a.score).toBe(950); // 1000 × (1 − (2/20)/2)
		expect(h.state.contestants.b.score).toBe(0);
	});

	it('gives full points when the host switched speed weighting off', () => {
		const h = started(config({ speedWeighted: false }));
		h.tick(19_000);
		h.run(answer('a', 0, 'b'));
		expect(h.state.contestants.a.score).toBe(1000);
	});

	it('adds the streak bonus from the second correct answer in a row and resets it on a miss', () => {
		const h = started(config({ speedWeighted: false }));
		h.run(answer('a', 0, 'B'));
		h.run({ type: 'reveal' });
		h.run({ type: 'next' });
		h.run(answer('a', 1, true));
		expect(h.state.contestants.a.score).toBe(1000 + 1100);
		h.run({ type: 'reveal' });
		h.run({ type: 'next' });
		h.run(answer('a', 2, 'AB'));
		expect(h.state.contestants.a.streak).toBe(0);
		expect(h.state.contestants.a.score).toBe(2100);
	});

	it('marks multiple choice regardless of letter order and case', () => {
		const h = started(config({ speedWeighted: false }));
		for (const i of [0, 1]) {
			h.run({ type: 'reveal' });
			h.run({ type: 'next' });
			if (i === 1) h.run(answer('a', 2, 'ca'));
		}
		expect(h.state.contestants.a.answers['0:2'].correct).toBe(true);
	});
});

describe('deadlines, duplicates and phases', () => {
	it('accepts an answer within the grace after the deadline and refuses a later one', () => {
		const h = started();
		h.tick(20_400);
		expect(h.run(answer('a', 0, 'B'))).toBeNull();
		h.tick(200);
		expect(h.run(answer('b', 0, 'B'))).toBe('contest_too_late');
	});

	it('takes one answer per contestant per question', () => {
		const h = started();
		expect(h.run(answer('a', 0, 'A'))).toBeNull();
		expect(h.run(answer('a', 0, 'B'))).toBe('contest_already_answered');
		expect(h.state.contestants.a.answers['0:0'].response).toBe('A');
	});

	it('refuses answers to a question that is not open, and malformed answers', () => {
		const h = started();
		expect(h.run(answer('a', 1, true))).toBe('contest_not_open');
		expect(h.run(answer('a', 0, 'Z'))).toBe('bad_payload');
		expect(h.run(answer('a', 0, { evil: true }))).toBe('bad_payload');
		expect(h.run(answer('nobody', 0, 'B'))).toBe('contest_not_joined');
		h.run({ type: 'reveal' });
		expect(h.run(answer('a', 0, 'B'))).toBe('contest_not_open');
	});

	it('pauses the clock: answers are refused while paused and times exclude the pause', () => {
		const h = started();
		h.tick(5000);
		h.run({ type: 'pause' });
		expect(h.run(answer('a', 0, 'B'))).toBe('contest_paused');
		h.tick(60_000);
		h.run({ type: 'resume' });
		const phase = h.state.phase;
		expect(phase.name === 'question' && phase.deadline).toBe(h.now + 15_000);
		h.tick(1000);
		h.run(answer('a', 0, 'B'));
		expect(h.state.contestants.a.answers['0:0'].elapsedMs).toBe(6000);
		expect(h.state.contestants.a.score).toBe(850);
	});

	it('refuses late joiners unless allowed, and kicked contestants for good', () => {
		const h = started();
		expect(
			h.run({ type: 'join', contestantId: 'c', name: '王五', userId: null, teamId: null })
		).toBe('contest_no_late_join');
		h.run({ type: 'kick', contestantId: 'b' });
		expect(
			h.run({ type: 'join', contestantId: 'b', name: '李四', userId: 'u2', teamId: null })
		).toBe('contest_kicked');
		expect(h.run(answer('b', 0, 'B'))).toBe('contest_not_joined');
	});

	it('refuses a duplicate display name in the lobby', () => {
		const h = new Harness();
		h.run({ type: 'create', config: config() });
		h.run({ type: 'join', contestantId: 'a', name: '张三', userId: null, teamId: null });
		expect(
			h.run({ type: 'join', contestantId: 'x', name: ' 张三 ', userId: null, teamId: null })
		).toBe('contest_name_taken');
	});

	it('ends after the last question and refuses commands afterwards', () => {
		const h = started();
		for (let i = 0; i < 3; i++) {
			h.run({ type: 'reveal' });
			h.run({ type: 'next' });
		}
		expect(h.state.phase.name).toBe('ended');
		expect(h.run({ type: 'next' })).toBe('contest_ended');
	});
});

describe('event sourcing', () => {
	it('rebuilds the same state from the log (a restart mid-question)', () => {
		const h = started();
		h.tick(3000);
		h.run(answer('a', 0, 'B'));
		h.run(answer('b', 0, 'D'));
		const rebuilt = foldEvents(JSON.parse(JSON.stringify(h.log)));
		expect(rebuilt).toEqual(h.state);
		h.tick(1000);
		expect(decide(rebuilt, answer('a', 0, 'B'), h.now)).toEqual({
			ok: false,
			code: 'contest_already_answered'
		});
	});
});
