// The builder's form as values: every button (add a round, search, pick, remove) posts the whole
// form and gets it back changed, so building works the same with JavaScript off. Pure.
import type { QuestionType } from '$lib/components/question-labels';
import type { ContestDraft } from '$lib/server/contest/draft';

export const MAX_ROUNDS = 10;

/** A question as the builder lists it (found by search, or already picked). */
export interface PickedQuestion {
	id: number;
	type: QuestionType;
	topic: string;
	difficulty: number;
	stem: string;
	usable: boolean;
}

export interface RoundValues {
	title: string;
	limitSeconds: string;
	points: string;
	speed: boolean;
	streak: boolean;
	picks: number[];
	drawCount: string;
	drawTopic: string;
	drawMin: string;
	drawMax: string;
}

export interface SearchValues {
	q: string;
	topic: string;
	type: string;
	/** The round the picked questions go to (0-based, as text). */
	round: string;
	page: string;
}

export interface BuilderValues {
	title: string;
	allowGuests: boolean;
	allowLateJoin: boolean;
	podiumSize: string;
	teams: string;
	rounds: RoundValues[];
	search: SearchValues;
}

export function emptyRound(n: number, defaultTitle: (n: number) => string): RoundValues {
	return {
		title: defaultTitle(n),
		limitSeconds: '20',
		points: '1000',
		speed: true,
		streak: true,
		picks: [],
		drawCount: '0',
		drawTopic: '',
		drawMin: '1',
		drawMax: '5'
	};
}

export function emptyBuilder(defaultTitle: (n: number) => string): BuilderValues {
	return {
		title: '',
		allowGuests: false,
		allowLateJoin: true,
		podiumSize: '3',
		teams: '',
		rounds: [emptyRound(1, defaultTitle)],
		search: { q: '', topic: '', type: '', round: '0', page: '1' }
	};
}

function text(data: FormData, name: string): string {
	const value = data.get(name);
	return typeof value === 'string' ? value : '';
}

function ids(raw: string): number[] {
	const out: number[] = [];
	for (const part of raw.split(',')) {
		const n = Number(part);
		if (Number.isInteger(n) && n > 0 && !out.includes(n)) out.push(n);
	}
	return out;
}

export function readBuilderForm(data: FormData): BuilderValues {
	const count = Math.min(Math.max(Number(text(data, 'roundCount')) || 1, 1), MAX_ROUNDS);
	const rounds = Array.from({ length: count }, (_, i): RoundValues => {
		const f = (name: string) => text(data, `r${i}.${name}`);
		return {
			title: f('title'),
			limitSeconds: f('limitSeconds'),
			points: f('points'),
			speed: f('speed') === 'on',
			streak: f('streak') === 'on',
			picks: ids(f('picks')).slice(0, 200),
			drawCount: f('drawCount'),
			drawTopic: f('drawTopic'),
			drawMin: f('drawMin'),
			drawMax: f('drawMax')
		};
	});
	return {
		title: text(data, 'title'),
		allowGuests: text(data, 'allowGuests') === 'on',
		allowLateJoin: text(data, 'allowLateJoin') === 'on',
		podiumSize: text(data, 'podiumSize'),
		teams: text(data, 'teams'),
		rounds,
		search: {
			q: text(data, 'q').slice(0, 100),
			topic: text(data, 'qTopic'),
			type: text(data, 'qType'),
			round: text(data, 'qRound'),
			page: text(data, 'qPage') || '1'
		}
	};
}

/** Non-numbers become NaN, which the draft check reports next to the field. */
const num = (value: string) => (value.trim() === '' ? NaN : Number(value));

export function toDraft(v: BuilderValues): ContestDraft {
	return {
		title: v.title,
		allowGuests: v.allowGuests,
		allowLateJoin: v.allowLateJoin,
		podiumSize: num(v.podiumSize),
		teams: v.teams
			.split(/\n/)
			.map((t) => t.trim())
			.filter((t) => t !== ''),
		rounds: v.rounds.map((r) => {
			const drawCount = num(r.drawCount);
			return {
				title: r.title,
				questionIds: r.picks,
				draw:
					drawCount === 0
						? null
						: {
								topic: r.drawTopic || null,
								minDifficulty: num(r.drawMin),
								maxDifficulty: num(r.drawMax),
								count: drawCount
							},
				limitSeconds: num(r.limitSeconds),
				points: num(r.points),
				speedWeighted: r.speed,
				streak: r.streak
			};
		})
	};
}

/** The round index a button or the search form names, clamped to the rounds there are. */
export function roundIndex(v: BuilderValues, raw: string): number {
	const n = Number(raw);
	return Number.isInteger(n) && n >= 0 && n < v.rounds.length ? n : 0;
}

export function withPick(v: BuilderValues, round: number, id: number): BuilderValues {
	if (v.rounds.some((r) => r.picks.includes(id))) return v;
	const rounds = v.rounds.map((r, i) => (i === round ? { ...r, picks: [...r.picks, id] } : r));
	return { ...v, rounds };
}

export function withoutPick(v: BuilderValues, round: number, id: number): BuilderValues {
	const rounds = v.rounds.map((r, i) =>
		i === round ? { ...r, picks: r.picks.filter((p) => p !== id) } : r
	);
	return { ...v, rounds };
}

export function withRound(v: BuilderValues, defaultTitle: (n: number) => string): BuilderValues {
	if (v.rounds.length >= MAX_ROUNDS) return v;
	return { ...v, rounds: [...v.rounds, emptyRound(v.rounds.length + 1, defaultTitle)] };
}

export function withoutRound(v: BuilderValues, round: number): BuilderValues {
	if (v.rounds.length <= 1) return v;
	const rounds = v.rounds.filter((_, i) => i !== round);
	const target = Math.min(roundIndex(v, v.search.round), rounds.length - 1);
	return { ...v, rounds, search: { ...v.search, round: String(target) } };
}
