// The answer payload as the phone sends it (JSON from the offline queue, or a plain form), and
// the clamps on what the phone may claim. Pure.
import { DomainError } from '../errors';

export interface AnswerInput {
	/** Client-made UUID: the same answer sent twice counts once. */
	key: string;
	sessionId: number;
	position: number;
	versionId: number;
	response: string | boolean;
	timeMs: number;
	/** When the officer answered, by the phone's clock; absent = now. */
	answeredAt?: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_TIME_MS = 60 * 60 * 1000;
/** How far back a queued answer may be dated: a week offline is plenty. */
export const MAX_BACKDATE_MS = 7 * 24 * 60 * 60 * 1000;

export function isIdempotencyKey(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value);
}

function isId(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/** Checks the shape only; whether the response fits the question is checked when marking. */
export function parseAnswerPayload(raw: unknown): AnswerInput {
	const bad = () => new DomainError('drill_bad_payload');
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad();
	const p = raw as Record<string, unknown>;
	if (!isIdempotencyKey(p.key) || !isId(p.sessionId) || !isId(p.versionId)) throw bad();
	if (typeof p.position !== 'number' || !Number.isInteger(p.position) || p.position < 0) {
		throw bad();
	}
	if (typeof p.response !== 'string' && typeof p.response !== 'boolean') throw bad();
	if (typeof p.timeMs !== 'number' || !Number.isFinite(p.timeMs)) throw bad();
	let answeredAt: Date | undefined;
	if (p.answeredAt !== undefined && p.answeredAt !== null) {
		if (typeof p.answeredAt !== 'string') throw bad();
		answeredAt = new Date(p.answeredAt);
		if (Number.isNaN(answeredAt.getTime())) throw bad();
	}
	return {
		key: p.key.toLowerCase(),
		sessionId: p.sessionId,
		position: p.position,
		versionId: p.versionId,
		response: p.response,
		timeMs: p.timeMs,
		answeredAt
	};
}

export function clampTime(timeMs: number): number {
	return Math.round(Math.min(Math.max(timeMs, 0), MAX_TIME_MS));
}

/**
 * The moment an answer counts for (days in the mistakes notebook, the streak): the phone's
 * time, but never in the future, before the session began or more than a week back.
 */
export function clampAnsweredAt(claimed: Date | undefined, now: Date, startedAt: Date): Date {
	if (!claimed) return now;
	const earliest = Math.max(startedAt.getTime(), now.getTime() - MAX_BACKDATE_MS);
	return new Date(Math.min(Math.max(claimed.getTime(), earliest), now.getTime()));
}
