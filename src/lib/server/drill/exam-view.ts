// What the exam pages show. Before submission only the question as the officer sees it (stem,
// options in their order, their own response): never the key, the explanation or correctness.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { QuestionType } from '../db/schema/bank';
import type { SessionUser } from '../auth/session';
import { requireOwnExam, type Exam } from './exam-access';
import { displayedOptions, toDisplayed } from './exam-paper';
import { closeIfExpired } from './exam-submit';

export interface ShownExamQuestion {
	position: number;
	type: QuestionType;
	stem: string;
	options: string[];
	/** In the letters shown; null when not answered yet. */
	response: string | boolean | null;
}

export type PaperView =
	| { phase: 'submitted'; examId: number }
	| {
			phase: 'open';
			exam: Pick<
				Exam,
				'id' | 'name' | 'startedAt' | 'deadlineAt' | 'questionCount' | 'requestedCount'
			>;
			navigator: { position: number; type: QuestionType; answered: boolean }[];
			question: ShownExamQuestion;
	  };

function itemsQuery(db: Db, examId: number) {
	return db
		.select({
			position: table.drillExamItem.position,
			optionOrder: table.drillExamItem.optionOrder,
			response: table.drillExamItem.response,
			correct: table.drillExamItem.correct,
			version: table.questionVersion
		})
		.from(table.drillExamItem)
		.innerJoin(
			table.questionVersion,
			eq(table.questionVersion.id, table.drillExamItem.questionVersionId)
		)
		.where(eq(table.drillExamItem.examId, examId))
		.orderBy(asc(table.drillExamItem.position));
}

type ItemRow = Awaited<ReturnType<typeof itemsQuery>>[number];

export function shownQuestion(row: ItemRow): ShownExamQuestion {
	const { version: v, optionOrder: order } = row;
	return {
		position: row.position,
		type: v.type,
		stem: v.stem,
		options: displayedOptions(v.options, order),
		response:
			row.response === null ? null : toDisplayed(v.type, order, v.options.length, row.response)
	};
}

/**
 * The open paper at `position` (clamped to the paper; without one, the first question not
 * answered yet), or `submitted` — also when its time ran out just now: it is submitted first.
 */
export async function paperView(
	db: Db,
	user: SessionUser,
	examId: number,
	position: number | undefined,
	now: Date
): Promise<PaperView> {
	const exam = await closeIfExpired(db, await requireOwnExam(db, user, examId), now);
	if (exam.submittedAt) return { phase: 'submitted', examId: exam.id };
	const rows = await itemsQuery(db, exam.id);
	const resume = rows.find((r) => r.response === null)?.position ?? 1;
	const wanted = position !== undefined && Number.isInteger(position) ? position : resume;
	const at = Math.min(Math.max(wanted, 1), rows.length);
	return {
		phase: 'open',
		exam: {
			id: exam.id,
			name: exam.name,
			startedAt: exam.startedAt,
			deadlineAt: exam.deadlineAt,
			questionCount: exam.questionCount,
			requestedCount: exam.requestedCount
		},
		navigator: rows.map((r) => ({
			position: r.position,
			type: r.version.type,
			answered: r.response !== null
		})),
		question: shownQuestion(rows[at - 1])
	};
}

export { itemsQuery as examItems };
