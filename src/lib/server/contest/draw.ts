// Turning the builder's rounds into the questions of a contest: picked questions are pinned to
// their published version when the contest is created; random draws are made at the start,
// from the published questions the owner unit may use (its own subtree and the national bank).
import { and, between, count, eq, inArray, isNull, like, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { QuestionType } from '../db/schema/bank';
import { escapeLike } from '../bank/scope';
import type { ContestDraft, DraftDraw, DraftProblem } from './draft';
import type { ContestQuestion, RoundConfig } from './types';
import { KAHOOT_STREAK } from './scoring';

/** Types a phone answers with buttons or one line of text; ordering needs a later round type. */
export const CONTEST_QUESTION_TYPES: QuestionType[] = ['single', 'multiple', 'truefalse', 'fill'];

function usable(unitPath: string) {
	return and(
		eq(table.question.status, 'published'),
		inArray(table.question.type, CONTEST_QUESTION_TYPES),
		or(like(table.unit.path, `${escapeLike(unitPath)}%`), isNull(table.unit.parentId))
	);
}

function drawFilter(unitPath: string, draw: DraftDraw, exclude: number[]) {
	return and(
		usable(unitPath),
		draw.topic ? eq(table.question.topic, draw.topic) : undefined,
		between(table.question.difficulty, draw.minDifficulty, draw.maxDifficulty),
		exclude.length > 0 ? notInArray(table.question.id, exclude) : undefined
	);
}

/**
 * The published version of every picked question, in the draft's order; problems for picks that
 * are not (or no longer) published, out of the owner's reach, or of an unusable type, and for
 * draws the bank cannot fill.
 */
export async function pinDraft(
	db: Db,
	unitPath: string,
	draft: ContestDraft
): Promise<{ draft: ContestDraft; problems: DraftProblem[] }> {
	const ids = draft.rounds.flatMap((r) => r.questionIds);
	const rows = ids.length
		? await db
				.select({ id: table.question.id, versionId: table.question.currentVersionId })
				.from(table.question)
				.innerJoin(table.unit, eq(table.question.unitId, table.unit.id))
				.where(and(usable(unitPath), inArray(table.question.id, ids)))
		: [];
	const versionOf = new Map(rows.map((r) => [r.id, r.versionId]));
	const problems: DraftProblem[] = [];
	const rounds = [];
	for (const [i, round] of draft.rounds.entries()) {
		const missing = round.questionIds.filter((id) => !versionOf.get(id));
		if (missing.length > 0) {
			problems.push({
				field: `rounds.${i}.questions`,
				code: 'contest_question_unusable',
				params: { ids: missing.join(', ') }
			});
		}
		if (round.draw) {
			const [{ n }] = await db
				.select({ n: count() })
				.from(table.question)
				.innerJoin(table.unit, eq(table.question.unitId, table.unit.id))
				.where(drawFilter(unitPath, round.draw, ids));
			if (n < round.draw.count) {
				problems.push({
					field: `rounds.${i}.draw.count`,
					code: 'contest_draw_short',
					params: { available: n }
				});
			}
		}
		rounds.push({ ...round, versionIds: round.questionIds.map((id) => versionOf.get(id) ?? 0) });
	}
	return { draft: { ...draft, rounds }, problems };
}

async function versionsById(db: Db, ids: number[]) {
	if (ids.length === 0) return new Map<number, table.QuestionVersion>();
	const rows = await db
		.select()
		.from(table.questionVersion)
		.where(inArray(table.questionVersion.id, ids));
	return new Map(rows.map((v) => [v.id, v]));
}

function toContestQuestion(v: table.QuestionVersion, points: number): ContestQuestion {
	return {
		questionId: v.questionId,
		versionId: v.id,
		type: v.type,
		stem: v.stem,
		options: v.options,
		optionCount: v.options.length,
		key: v.answer,
		explanation: v.explanation,
		legalBasis: v.legalBasis,
		points
	};
}

/** The rounds as played: pinned picks first, then a fresh random draw (never a repeat). */
export async function drawRounds(
	db: Db,
	unitPath: string,
	draft: ContestDraft
): Promise<RoundConfig[]> {
	const used = draft.rounds.flatMap((r) => r.questionIds);
	const pinned = await versionsById(
		db,
		draft.rounds.flatMap((r) => r.versionIds ?? [])
	);
	const rounds: RoundConfig[] = [];
	for (const round of draft.rounds) {
		const versions = (round.versionIds ?? []).flatMap((id) => pinned.get(id) ?? []);
		if (round.draw) {
			const drawn = await db
				.select({ versionId: table.question.currentVersionId, id: table.question.id })
				.from(table.question)
				.innerJoin(table.unit, eq(table.question.unitId, table.unit.id))
				.where(drawFilter(unitPath, round.draw, used))
				.orderBy(sql`random()`)
				.limit(round.draw.count);
			used.push(...drawn.map((d) => d.id));
			const byId = await versionsById(
				db,
				drawn.flatMap((d) => (d.versionId ? [d.versionId] : []))
			);
			versions.push(...drawn.flatMap((d) => byId.get(d.versionId ?? 0) ?? []));
		}
		rounds.push({
			kind: 'compulsory',
			title: round.title.trim(),
			questions: versions.map((v) => toContestQuestion(v, round.points)),
			limitMs: round.limitSeconds * 1000,
			speedWeighted: round.speedWeighted,
			streak: round.streak ? KAHOOT_STREAK : null
		});
	}
	return rounds;
}
