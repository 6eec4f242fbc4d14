import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors';
import { clampAnsweredAt, clampTime, parseAnswerPayload } from './answer-input';

const key = '0f8fad5b-d9cb-469f-a165-70867728950e';
const good = { key, sessionId: 3, position: 0, versionId: 7, response: 'B', timeMs: 5000 };

function refusal(raw: unknown): string | undefined {
	try {
		parseAnswerPayload(raw);
	} catch (e) {
		return isDomainError(e) ? e.code : 'other';
	}
	return undefined;
}

describe('answer payload', () => {
	it('accepts a well-formed payload and reads the phone time', () => {
		const parsed = parseAnswerPayload({ ...good, answeredAt: '2025-03-01T02:00:00.000Z' });
		expect(parsed).toMatchObject({ ...good, answeredAt: new Date('2025-03-01T02:00:00Z') });
		expect(parseAnswerPayload({ ...good, response: false }).response).toBe(false);
	});

	it.each([
		null,
		[],
		'text',
		{ ...good, key: 'not-a-uuid' },
		{ ...good, sessionId: '3' },
		{ ...good, position: -1 },
		{ ...good, versionId: 0 },
		{ ...good, response: ['A'] },
		{ ...good, response: undefined },
		{ ...good, timeMs: Number.NaN },
		{ ...good, answeredAt: 'yesterday' }
	])('refuses %j', (raw) => {
		expect(refusal(raw)).toBe('drill_bad_payload');
	});
});

describe('clamps', () => {
	const now = new Date('2025-03-10T00:00:00Z');
	const started = new Date('2025-03-01T00:00:00Z');

	it('keeps the answer time between the session start, a week back and now', () => {
		expect(clampAnsweredAt(undefined, now, started)).toEqual(now);
		expect(clampAnsweredAt(new Date('2025-03-12T00:00:00Z'), now, started)).toEqual(now);
		expect(clampAnsweredAt(new Date('2025-03-01T00:00:00Z'), now, started)).toEqual(
			new Date('2025-03-03T00:00:00Z')
		);
		const recent = new Date('2025-03-09T12:00:00Z');
		expect(clampAnsweredAt(recent, now, started)).toEqual(recent);
	});

	it('keeps the time taken between 0 and an hour', () => {
		expect(clampTime(-5)).toBe(0);
		expect(clampTime(1234.6)).toBe(1235);
		expect(clampTime(1e12)).toBe(3_600_000);
	});
});
