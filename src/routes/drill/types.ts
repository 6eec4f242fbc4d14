// Shapes the drill pages receive from their loads, for client components (no $lib/server).
import type { QuestionType } from '$lib/components/question-labels';
import type { AnswerResult } from './answer-queue';

export interface ShownItem {
	position: number;
	versionId: number;
	type: QuestionType;
	stem: string;
	options: string[];
}

export interface SessionSummary {
	id: number;
	mode: 'daily' | 'topic' | 'mistakes' | 'challenge';
	size: number;
	position: number;
	correctCount: number;
	finished: boolean;
}

export interface Feedback {
	sessionId?: number | null;
	item: ShownItem;
	response: string | boolean;
	result: AnswerResult;
}
