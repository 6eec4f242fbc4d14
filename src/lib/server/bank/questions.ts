// Creating and editing questions. A version that was ever published is immutable, because
// answers may point at it: editing such a question writes version N+1 instead, and the
// question goes back to draft so that the new text is reviewed before anyone sees it.
import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import { DomainError } from '../errors';
import { PROVINCES } from '../org/reference-units';
import { validateQuestionInput, type InputProblem, type QuestionInput } from './question-input';
import { canEditQuestionAt, requireStaff, type Actor } from './scope';
import { insertQuestion, versionValues } from './store';

/** Carries every field problem, so the editor can show each next to its field. */
export class QuestionInputError extends DomainError {
	constructor(readonly problems: InputProblem[]) {
		super('q_invalid', { count: problems.length });
		this.name = 'QuestionInputError';
	}
}

export function isQuestionInputError(e: unknown): e is QuestionInputError {
	return e instanceof QuestionInputError;
}

const JURISDICTIONS = new Set(['national', ...PROVINCES.map((p) => p.code)]);
const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 30;

/** validateQuestionInput plus the rules of the editor (jurisdiction, tags); throws on problems. */
export function cleanQuestionInput(raw: QuestionInput): QuestionInput {
	const { value, problems } = validateQuestionInput(raw);
	if (!JURISDICTIONS.has(value.jurisdiction)) {
		problems.push({ field: 'jurisdiction', code: 'q_jurisdiction_invalid' });
	}
	if (value.tags.length > MAX_TAGS || value.tags.some((t) => t.length > MAX_TAG_LENGTH)) {
		problems.push({
			field: 'tags',
			code: 'q_tags_invalid',
			params: { max: MAX_TAGS, length: MAX_TAG_LENGTH }
		});
	}
	if (problems.length > 0) throw new QuestionInputError(problems);
	return value;
}

export interface ScopedQuestion {
	question: table.Question;
	unitPath: string;
}

/** The question with its owner's unit path; `lock` takes a row lock inside a transaction. */
export async function findQuestion(
	db: Db,
	id: number,
	lock = false
): Promise<ScopedQuestion | undefined> {
	if (!Number.isInteger(id) || id < 1) return undefined;
	const query = db
		.select({ question: table.question, unitPath: table.unit.path })
		.from(table.question)
		.innerJoin(table.unit, eq(table.question.unitId, table.unit.id))
		.where(eq(table.question.id, id));
	const [row] = lock ? await query.for('update', { of: table.question }) : await query;
	return row;
}

export async function requireEditableQuestion(
	db: Db,
	actor: Actor,
	id: number,
	lock = false
): Promise<ScopedQuestion> {
	requireStaff(actor);
	const found = await findQuestion(db, id, lock);
	if (!found) throw new DomainError('q_not_found');
	if (!canEditQuestionAt(actor, found.unitPath)) throw new DomainError('forbidden');
	return found;
}

/** A new draft owned by the actor's unit; returns its id. */
export async function createQuestion(db: Db, actor: Actor, raw: QuestionInput): Promise<number> {
	requireStaff(actor);
	const value = cleanQuestionInput({ ...raw, status: 'draft' });
	return db.transaction((tx) =>
		insertQuestion(tx, value, { unitId: actor.unitId, authorId: actor.id, status: 'draft' })
	);
}

type VersionValues = ReturnType<typeof versionValues>;

function sameContent(current: table.QuestionVersion, next: VersionValues): boolean {
	const keys = Object.keys(next) as (keyof VersionValues)[];
	return keys.every((k) => JSON.stringify(current[k]) === JSON.stringify(next[k]));
}

export interface UpdateOptions {
	/** The version the editor was showing; a different current version means someone else saved. */
	baseVersionId?: number;
}

export async function updateQuestion(
	db: Db,
	actor: Actor,
	id: number,
	raw: QuestionInput,
	options: UpdateOptions = {}
): Promise<{ versionId: number; newVersion: boolean; changed: boolean }> {
	return db.transaction(async (tx) => {
		// Scope before validation: someone out of scope learns nothing about the question.
		const { question: q } = await requireEditableQuestion(tx, actor, id, true);
		if (q.status === 'retired') throw new DomainError('q_retired_readonly');
		const value = cleanQuestionInput(raw);
		const [current] = await tx
			.select()
			.from(table.questionVersion)
			.where(eq(table.questionVersion.id, q.currentVersionId ?? -1));
		if (!current) throw new DomainError('q_not_found');
		if (options.baseVersionId !== undefined && options.baseVersionId !== current.id) {
			throw new DomainError('q_edit_conflict');
		}
		const values = versionValues({ ...value, sourceFacts: raw.sourceFacts ?? current.sourceFacts });
		if (sameContent(current, values) && q.jurisdiction === value.jurisdiction) {
			return { versionId: current.id, newVersion: false, changed: false };
		}
		let versionId = current.id;
		const newVersion = current.publishedAt !== null;
		if (newVersion) {
			const [{ last }] = await tx
				.select({ last: max(table.questionVersion.version) })
				.from(table.questionVersion)
				.where(eq(table.questionVersion.questionId, id));
			const [row] = await tx
				.insert(table.questionVersion)
				.values({ ...values, questionId: id, version: (last ?? 0) + 1, createdBy: actor.id })
				.returning({ id: table.questionVersion.id });
			versionId = row.id;
		} else {
			await tx
				.update(table.questionVersion)
				.set({ ...values, createdBy: actor.id })
				.where(
					and(eq(table.questionVersion.id, current.id), eq(table.questionVersion.questionId, id))
				);
		}
		await tx
			.update(table.question)
			.set({
				currentVersionId: versionId,
				status: q.status === 'published' ? 'draft' : q.status,
				type: value.type,
				topic: value.topic,
				subtopic: value.subtopic,
				difficulty: value.difficulty,
				tags: value.tags,
				stem: value.stem,
				jurisdiction: value.jurisdiction,
				updatedAt: new Date()
			})
			.where(eq(table.question.id, id));
		return { versionId, newVersion, changed: true };
	});
}
