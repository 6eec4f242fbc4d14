// How options look on the phone, the host console and the studio screen: a letter, a shape and
// a colour each, so colour is never the only way to tell them apart (and red stays reserved for
// wrong answers and errors).
import { m } from '$lib/paraglide/messages.js';
import type { PhaseView } from '$lib/contest-protocol';
import { LETTERS } from '../question-labels';

const SHAPES = ['▲', '◆', '●', '■', '★', '⬟', '✚', '⬢'];

// Dark enough for white text at 4.5:1 or better.
const COLOURS = [
	'bg-navy-700',
	'bg-brand-800',
	'bg-amber-700',
	'bg-violet-700',
	'bg-cyan-800',
	'bg-slate-600',
	'bg-fuchsia-800',
	'bg-teal-800'
];

export interface OptionLook {
	letter: string;
	shape: string;
	colour: string;
}

export function optionLook(index: number): OptionLook {
	return {
		letter: LETTERS[index] ?? '?',
		shape: SHAPES[index % SHAPES.length],
		colour: COLOURS[index % COLOURS.length]
	};
}

/** A distribution bar's label: an option letter, 对/错 for true/false, 答对/答错 for typed answers. */
export function choiceLabel(choice: string): string {
	if (choice === 'true') return m.q_true();
	if (choice === 'false') return m.q_false();
	if (choice === 'correct') return m.contest_studio_choice_correct();
	if (choice === 'wrong') return m.contest_studio_choice_wrong();
	return choice;
}

/** The shape for a distribution bar, so bars carry the same shapes as the options. */
export function choiceShape(choice: string): string {
	if (choice === 'true' || choice === 'correct') return '✓';
	if (choice === 'false' || choice === 'wrong') return '✗';
	const i = LETTERS.indexOf(choice);
	return i >= 0 ? SHAPES[i] : '';
}

const PHASE_LABELS: Record<PhaseView['name'], () => string> = {
	lobby: m.contest_host_phase_lobby,
	question: m.contest_host_phase_question,
	paused: m.contest_host_phase_paused,
	reveal: m.contest_host_phase_reveal,
	ended: m.contest_host_phase_ended
};

export function phaseLabel(name: PhaseView['name']): string {
	return PHASE_LABELS[name]();
}

/** Seconds left, never negative, rounded up (so 0 appears only when time is really up). */
export function secondsLeft(deadline: number, serverNow: number): number {
	return Math.max(0, Math.ceil((deadline - serverNow) / 1000));
}
