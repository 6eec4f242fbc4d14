import { describe, expect, it } from 'vitest';
import { decide, foldEvents, type Command } from './engine';
import { applyEventInPlace, ownedCopy } from './fold';
import type { ContestConfig, ContestEvent, ContestQuestion, RoundConfig } from './types';

const question = (versionId: number): ContestQuestion => ({
	questionId: versionId,
	versionId,
	type: 'single',
	stem: `第${versionId}题`,
	options: ['甲', '乙', '丙', '丁'],
	optionCount: 4,
	key: 'A',
	explanation: '',
	legalBasis: '',
	points: 1000
});

const round = (questions: ContestQuestion[]): RoundConfig => ({
	kind: 'compulsory',
	title: '必答题',
	questions,
	limitMs: 10_000,
	speedWeighted: false,
	streak: null
});

function lobby(config: Partial<ContestConfig> = {}): ContestEvent[] {
	return [
		{
			type: 'created',
			at: 0,
			config: {
				title: '比武',
				rounds: [round([])],
				allowGuests: true,
				allowLateJoin: true,
				graceMs: 500,
				podiumSize: 3,
				teams: [],
				...config
			}
		}
	];
}

function run(log: ContestEvent[], command: Command, now = 1000) {
	const decision = decide(foldEvents(log), command, now);
	if (decision.ok) log.push(...decision.events);
	return decision;
}

describe('starting a contest', () => {
	it('installs the rounds drawn at the start and opens the first question', () => {
		const log = lobby();
		const drawn = [round([question(7), question(8)])];
		expect(run(log, { type: 'start', rounds: drawn }, 5000).ok).toBe(true);
		const state = foldEvents(log);
		expect(state.started).toBe(true);
		expect(state.config!.rounds).toEqual(drawn);
		expect(state.phase).toEqual({
			name: 'question',
			at: { round: 0, index: 0 },
			openedAt: 5000,
			deadline: 15_000
		});
	});

	it('refuses to start without questions, and "next" in the lobby never ends the contest', () => {
		const log = lobby();
		expect(run(log, { type: 'start' })).toEqual({ ok: false, code: 'contest_no_questions' });
		expect(run(log, { type: 'next' })).toEqual({ ok: false, code: 'contest_no_questions' });
		expect(foldEvents(log).phase.name).toBe('lobby');
	});

	it('skips empty rounds and starts only once', () => {
		const log = lobby();
		run(log, { type: 'start', rounds: [round([]), round([question(1)])] });
		const state = foldEvents(log);
		expect(state.phase.name === 'question' && state.phase.at).toEqual({ round: 1, index: 0 });
		expect(run(log, { type: 'start' })).toEqual({ ok: false, code: 'contest_wrong_phase' });
	});
});

describe('team play', () => {
	const teams = [
		{ id: 't1', name: '新疆队' },
		{ id: 't2', name: '辽宁队' }
	];
	const join = (contestantId: string, teamId: string | null): Command => ({
		type: 'join',
		contestantId,
		name: contestantId,
		userId: null,
		teamId
	});

	it('requires one of the configured teams when the contest has teams', () => {
		const log = lobby({ teams });
		expect(run(log, join('a', null))).toEqual({ ok: false, code: 'contest_team_required' });
		expect(run(log, join('a', 't9'))).toEqual({ ok: false, code: 'contest_team_invalid' });
		expect(run(log, join('a', 't2')).ok).toBe(true);
		expect(foldEvents(log).contestants.a.teamId).toBe('t2');
	});

	it('refuses a team in an individual contest', () => {
		const log = lobby();
		expect(run(log, join('a', 't1'))).toEqual({ ok: false, code: 'contest_team_invalid' });
		expect(run(log, join('a', null)).ok).toBe(true);
	});
});

describe('joining', () => {
	const join = (contestantId: string, name: string, userId: string | null): Command => ({
		type: 'join',
		contestantId,
		name,
		userId,
		teamId: null
	});

	it('refuses guests unless the host allows them', () => {
		const log = lobby({ allowGuests: false });
		expect(run(log, join('g', '访客', null))).toEqual({
			ok: false,
			code: 'contest_guests_not_allowed'
		});
		expect(run(log, join('u', '张伟', 'u1')).ok).toBe(true);
	});

	it('lets two officers with the same real name join, but not a guest taking that name', () => {
		const log = lobby();
		expect(run(log, join('a', '张伟', 'u1')).ok).toBe(true);
		expect(run(log, join('b', '张伟', 'u2')).ok).toBe(true);
		expect(run(log, join('g', '张伟', null))).toEqual({ ok: false, code: 'contest_name_taken' });
	});

	it('lets a joined contestant join again without a new event (reconnect)', () => {
		const log = lobby();
		run(log, join('a', '张伟', 'u1'));
		expect(run(log, join('a', '张伟', 'u1'))).toEqual({ ok: true, events: [] });
	});
});

describe('names after a removal', () => {
	it('frees a removed guest’s name for someone else, also when folded from the log', () => {
		const log = lobby();
		const join = (contestantId: string): Command => ({
			type: 'join',
			contestantId,
			name: '访客',
			userId: null,
			teamId: null
		});
		expect(run(log, join('g1')).ok).toBe(true);
		expect(run(log, join('g2'))).toEqual({ ok: false, code: 'contest_name_taken' });
		expect(run(log, { type: 'kick', contestantId: 'g1' }).ok).toBe(true);
		expect(run(log, join('g2')).ok).toBe(true);
		expect(run(log, join('g3'))).toEqual({ ok: false, code: 'contest_name_taken' });
	});

	it('keeps the name index right inside one batch applied in place', () => {
		const state = ownedCopy(foldEvents(lobby()));
		const step = (command: Command) => {
			const d = decide(state, command, 1000);
			if (d.ok) for (const e of d.events) applyEventInPlace(state, e);
			return d.ok || d.code;
		};
		const guest = (contestantId: string): Command => ({
			type: 'join',
			contestantId,
			name: '访客',
			userId: null,
			teamId: null
		});
		expect(step(guest('g1'))).toBe(true);
		expect(step(guest('g2'))).toBe('contest_name_taken');
		expect(step({ type: 'kick', contestantId: 'g1' })).toBe(true);
		expect(step(guest('g2'))).toBe(true);
		expect(step(guest('g3'))).toBe('contest_name_taken');
	});
});
