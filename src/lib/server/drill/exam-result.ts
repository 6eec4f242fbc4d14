// The result of a submitted attempt: score, topic table and every question with the officer's
// answer, the key (in the letters they saw), the explanation and the legal basis.
import type { Db } from '../db/client';
import type { AnswerKey } from '../db/schema/bank';
import type { SessionUser } from '../auth/session';
import { requireOwnExam, type Exam } from './exam-access';
import { toDisplayed, topicBreakdown, type TopicRow } from './exam-paper';
import { closeIfExpired } from './exam-submit';
import { examItems, shownQuestion, type ShownExamQuestion } from './exam-view';

export const REVIEW_PAGE_SIZE = 10;

export interface ReviewItem extends ShownExamQuestion {
	versionId: number;
	topic: string;
	correct: boolean;
	key: AnswerKey;
	explanation: string;
	legalBasis: string;
}

export type ResultView =
	| { phase: 'open'; examId: number }
	| {
			phase: 'submitted';
			exam: Exam;
			breakdown: TopicRow[];
			marks: { position: number; correct: boolean }[];
			review: { rows: ReviewItem[]; total: number; page: number; pages: number };
	  };

export interface ReviewFilter {
	page?: number;
	wrongOnly?: boolean;
}

export async function resultView(
	db: Db,
	user: SessionUser,
	examId: number,
	now: Date,
	filter: ReviewFilter = {}
): Promise<ResultView> {
	const exam = await closeIfExpired(db, await requireOwnExam(db, user, examId), now);
	if (!exam.submittedAt) return { phase: 'open', examId: exam.id };
	const rows = await examItems(db, exam.id);
	const marks = rows.map((r) => ({ position: r.position, correct: r.correct === true }));
	const listed = filter.wrongOnly ? rows.filter((r) => r.correct !== true) : rows;
	const pages = Math.max(1, Math.ceil(listed.length / REVIEW_PAGE_SIZE));
	const page = Math.min(Math.max(filter.page ?? 1, 1), pages);
	const slice = listed.slice((page - 1) * REVIEW_PAGE_SIZE, page * REVIEW_PAGE_SIZE);
	return {
		phase: 'submitted',
		exam,
		breakdown: topicBreakdown(rows.map((r) => ({ topic: r.version.topic, correct: r.correct }))),
		marks,
		review: {
			rows: slice.map((r) => ({
				...shownQuestion(r),
				versionId: r.version.id,
				topic: r.version.topic,
				correct: r.correct === true,
				key: toDisplayed(r.version.type, r.optionOrder, r.version.options.length, r.version.answer),
				explanation: r.version.explanation,
				legalBasis: r.version.legalBasis
			})),
			total: listed.length,
			page,
			pages
		}
	};
}
