import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import * as table from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { startSession } from '../../src/lib/server/drill/sessions';
import type { DrillSession } from '../../src/lib/server/db/schema/drill';
import { POST } from '../../src/routes/drill/answer/+server';
import { publishMany, questionOfVersion, unpublish } from './drill-fixtures';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
	useDatabase(t);
});
afterAll(async () => {
	await t?.close();
});

let officer: SessionUser;
let session: DrillSession;
beforeEach(async () => {
	await t.reset();
	officer = await makeUser(t.db, 'ln.officer', 'officer', '210000');
	await publishMany(t.db, 2);
	session = await startSession(t.db, officer.id, { mode: 'daily' });
});

function post(user: SessionUser | null, body: unknown, contentType = 'application/json') {
	const request = new Request('http://localhost/drill/answer', {
		method: 'POST',
		headers: { 'content-type': contentType },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	return POST({ locals: { user, session: null }, request } as any);
}

const payload = (over: Record<string, unknown> = {}) => ({
	key: crypto.randomUUID(),
	sessionId: session.id,
	position: 0,
	versionId: session.versionIds[0],
	response: 'A',
	timeMs: 9000,
	answeredAt: new Date().toISOString(),
	...over
});

describe('POST /drill/answer', () => {
	it('records an answer once and repeats the first result for the same key', async () => {
		const body = payload();
		const first = await post(officer, body);
		expect(first.status).toBe(200);
		const result = (await first.json()).result;
		expect(result).toMatchObject({ position: 0, correct: true, key: 'A', finished: false });
		const again = await post(officer, { ...body, response: 'D' });
		expect(again.status).toBe(200);
		expect((await again.json()).result).toEqual(result);
		expect(await t.db.select().from(table.drillAnswer)).toHaveLength(1);
	});

	it('answers visitors 401 and staff 403 without recording', async () => {
		const trainer = await makeUser(t.db, 'ln.trainer', 'trainer', '210000');
		expect((await post(null, payload())).status).toBe(401);
		const refused = await post(trainer, payload());
		expect(refused.status).toBe(403);
		expect(await refused.json()).toMatchObject({ code: 'forbidden' });
		expect(await t.db.select().from(table.drillAnswer)).toHaveLength(0);
	});

	it('refuses other content types, broken JSON and malformed payloads', async () => {
		expect((await post(officer, 'key=1', 'application/x-www-form-urlencoded')).status).toBe(415);
		expect((await post(officer, '{not json')).status).toBe(400);
		const bad = await post(officer, payload({ key: 'again' }));
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({ code: 'drill_bad_payload' });
		const wrongShape = await post(officer, payload({ response: true }));
		expect(await wrongShape.json()).toMatchObject({ code: 'drill_bad_response' });
	});

	it('refuses unpublished questions and sessions of others', async () => {
		await unpublish(t.db, await questionOfVersion(t.db, session.versionIds[0]));
		const withdrawn = await post(officer, payload());
		expect(withdrawn.status).toBe(400);
		const body = await withdrawn.json();
		expect(body.code).toBe('drill_question_unavailable');
		expect(body.message).toBeTruthy();
		const other = await makeUser(t.db, 'xj.officer', 'officer', '650000');
		expect(
			(await post(other, payload({ position: 1, versionId: session.versionIds[1] }))).status
		).toBe(404);
	});
});
