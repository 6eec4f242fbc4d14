// The lenient field readers behind parseScenario: each records a problem where the value
// sits (node, choice) and returns something usable, so one pass lists every problem.
import {
	GRADES,
	MAX_CHOICE_SCORE,
	MIN_CHOICE_SCORE,
	type Choice,
	type Flags,
	type Grade,
	type ScenarioDocument,
	type ScenarioNode,
	type ScenarioProblem
} from './types';

export const LIMITS = {
	jsonChars: 1_000_000,
	nodes: 300,
	choices: 8,
	documents: 20,
	idChars: 64,
	shortText: 200,
	text: 20_000
};

type Place = Pick<ScenarioProblem, 'nodeId' | 'choiceId'>;
export type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

export class Reader {
	problems: ScenarioProblem[] = [];

	error(code: string, place: Place = {}, params?: ScenarioProblem['params']) {
		this.problems.push({ code, severity: 'error', ...place, ...(params ? { params } : {}) });
	}

	text(o: Obj, field: string, place: Place, max = LIMITS.text, required = true): string {
		const raw = o[field];
		if (raw === undefined || raw === null || raw === '') {
			if (required) this.error('scn_field_required', place, { field });
			return '';
		}
		if (typeof raw !== 'string') {
			this.error('scn_field_invalid', place, { field });
			return '';
		}
		const value = raw.trim();
		if (required && !value) this.error('scn_field_required', place, { field });
		if (value.length > max) this.error('scn_text_too_long', place, { field, max });
		return value;
	}

	id(raw: unknown, field: string, place: Place): string {
		if (typeof raw !== 'string' || !raw.trim()) {
			this.error('scn_field_required', place, { field });
			return '';
		}
		if (raw.length > LIMITS.idChars || raw.trim() !== raw) {
			this.error('scn_id_invalid', place, { field, max: LIMITS.idChars });
		}
		return raw;
	}

	flags(raw: unknown, field: string, place: Place): Flags {
		if (raw === undefined || raw === null) return {};
		const ok =
			isObject(raw) &&
			Object.entries(raw).every(
				([k, v]) =>
					k.length > 0 &&
					k.length <= LIMITS.idChars &&
					(typeof v === 'boolean' || (typeof v === 'number' && Number.isInteger(v)))
			);
		if (!ok) {
			this.error('scn_flags_invalid', place, { field });
			return {};
		}
		return { ...(raw as Flags) };
	}

	documents(raw: unknown, place: Place): ScenarioDocument[] {
		if (raw === undefined || raw === null) return [];
		if (!Array.isArray(raw) || raw.length > LIMITS.documents) {
			this.error('scn_field_invalid', place, { field: 'documents' });
			return [];
		}
		return raw.map((d) => {
			const doc = isObject(d) ? d : {};
			return {
				title: this.text(doc, 'title', place, LIMITS.shortText),
				body: this.text(doc, 'body', place)
			};
		});
	}

	choice(raw: unknown, nodeId: string): Choice {
		const c = isObject(raw) ? raw : {};
		const id = this.id(c.id, 'id', { nodeId });
		const place = { nodeId, choiceId: id || undefined };
		const score = c.score ?? 0;
		if (
			typeof score !== 'number' ||
			!Number.isInteger(score) ||
			score < MIN_CHOICE_SCORE ||
			score > MAX_CHOICE_SCORE
		) {
			this.error('scn_score_range', place, { min: MIN_CHOICE_SCORE, max: MAX_CHOICE_SCORE });
		}
		return {
			id,
			label: this.text(c, 'label', place, 500),
			next: this.id(c.next, 'next', place),
			score: typeof score === 'number' && Number.isFinite(score) ? Math.trunc(score) : 0,
			feedback: this.text(c, 'feedback', place),
			legalBasis: this.text(c, 'legalBasis', place, 1000),
			set: this.flags(c.set, 'set', place),
			requires: this.flags(c.requires, 'requires', place)
		};
	}

	node(raw: unknown, nodeId: string): ScenarioNode | null {
		const place = { nodeId };
		const n = isObject(raw) ? raw : {};
		if (n.kind === 'content') {
			return {
				kind: 'content',
				title: this.text(n, 'title', place, LIMITS.shortText),
				body: this.text(n, 'body', place),
				documents: this.documents(n.documents, place),
				next: this.id(n.next, 'next', place)
			};
		}
		if (n.kind === 'decision') {
			const list = Array.isArray(n.choices) ? n.choices : [];
			if (n.choices !== undefined && !Array.isArray(n.choices)) {
				this.error('scn_field_invalid', place, { field: 'choices' });
			}
			if (list.length > LIMITS.choices) {
				this.error('scn_too_many_choices', place, { max: LIMITS.choices });
			}
			return {
				kind: 'decision',
				prompt: this.text(n, 'prompt', place, 2000),
				choices: list.slice(0, LIMITS.choices).map((c) => this.choice(c, nodeId))
			};
		}
		if (n.kind === 'ending') {
			const grade = (GRADES as readonly unknown[]).includes(n.grade) ? (n.grade as Grade) : 'D';
			if (grade !== n.grade) this.error('scn_grade_invalid', place);
			return {
				kind: 'ending',
				grade,
				title: this.text(n, 'title', place, LIMITS.shortText),
				debrief: this.text(n, 'debrief', place)
			};
		}
		this.error('scn_node_kind', place);
		return null;
	}
}
