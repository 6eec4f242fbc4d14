// The pages around the live contest: /join finds a contest by code, the phone page sends
// visitors to sign in when a contest takes no guests, and only hosts open the console and the
// studio screen (with its QR code of the join address).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { ContestHub } from '../../src/lib/server/contest/service';
import * as join from '../../src/routes/join/+page.server';
import * as play from '../../src/routes/contests/[code]/play/+page.server';
import * as hostPage from '../../src/routes/contests/[id]/host/+page.server';
import * as studioPage from '../../src/routes/contests/[id]/studio/+page.server';
import { makeContest } from './contest-socket-fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
	useDatabase(t);
});
afterAll(async () => {
	await t?.close();
});

let host: SessionUser;
beforeEach(async () => {
	await t.reset();
	host = await makeUser(t.db, 'host', 'trainer', '210000');
});

const joinWith = (code: string) =>
	outcome(() => join.actions.default(fakeEvent({ url: '/join', form: { code } })));

describe('/join', () => {
	it('sends a valid code to the contest page, also typed with spaces or full-width digits', async () => {
		const { code } = await makeContest(t.db, host);
		expect(await joinWith(code)).toEqual({
			kind: 'redirect',
			status: 303,
			location: `/contests/${code}/play`
		});
		const wide = `${code.slice(0, 3)} ${code.slice(3)}`.replace(/\d/g, (d) =>
			String.fromCharCode(d.charCodeAt(0) + 0xfee0)
		);
		expect(await joinWith(wide)).toMatchObject({ location: `/contests/${code}/play` });
	});

	it.each([
		['abc', 'contest_code_invalid'],
		['12345', 'contest_code_invalid'],
		['000000', 'contest_not_found']
	])('refuses %s with %s', async (code, expected) => {
		const result = (await joinWith(code)) as Any;
		expect(result.kind).toBe('ok');
		expect(result.value.status).toBe(400);
		expect(result.value.data).toMatchObject({ code: expected, values: { code } });
	});

	it('tells a late visitor that the contest has ended', async () => {
		const { id, code } = await makeContest(t.db, host);
		const hub = new ContestHub({ db: t.db });
		expect((await hub.execute(id, { type: 'end' })).ok).toBe(true);
		hub.close();
		const result = (await joinWith(code)) as Any;
		expect(result.value.data).toMatchObject({ code: 'contest_ended', message: '比赛已经结束。' });
	});

	it('prefills a code from the address', async () => {
		const load = (url: string) => join.load(fakeEvent({ url }) as Any);
		expect(await load('/join?code=123456')).toEqual({ code: '123456' });
		expect(await load('/join?code=12<script>')).toEqual({ code: '' });
	});
});

describe('the phone page', () => {
	const loadPlay = (code: string, user: SessionUser | null = null) =>
		outcome(() =>
			play.load(fakeEvent({ user, url: `/contests/${code}/play`, params: { code } }) as Any)
		);

	it('admits guests to a contest that takes them, with its teams', async () => {
		const { id, code } = await makeContest(t.db, host);
		expect(await loadPlay(code)).toMatchObject({
			kind: 'ok',
			value: { contest: { id, code, status: 'lobby', teams: [] }, signedIn: false }
		});
	});

	it('sends visitors to sign in first when the contest is for accounts only', async () => {
		const { code } = await makeContest(t.db, host, { allowGuests: false });
		expect(await loadPlay(code)).toEqual({
			kind: 'redirect',
			status: 303,
			location: `/login?next=${encodeURIComponent(`/contests/${code}/play`)}`
		});
		const officer = await makeUser(t.db, 'officer', 'officer', '650000');
		expect(await loadPlay(code, officer)).toMatchObject({ kind: 'ok', value: { signedIn: true } });
	});

	it('is not found for an unknown code', async () => {
		expect(await loadPlay('999999')).toMatchObject({ kind: 'error', status: 404 });
	});
});

describe('the host console and the studio screen', () => {
	const loadHosted = (
		route: typeof hostPage | typeof studioPage,
		id: string,
		user: SessionUser | null
	) =>
		outcome(() => route.load(fakeEvent({ user, url: `/contests/${id}/x`, params: { id } }) as Any));

	it('open for the host, with the join address and its QR code on the studio', async () => {
		const { id, code } = await makeContest(t.db, host);
		expect(await loadHosted(hostPage, String(id), host)).toMatchObject({
			kind: 'ok',
			value: { contest: { id, code }, joinUrl: `http://localhost/contests/${code}/play` }
		});
		const studio = (await loadHosted(studioPage, String(id), host)) as Any;
		expect(studio.value.qrSvg).toMatch(/^<svg[^>]*>.*<path/s);
	});

	it('open for trainers of a unit above, not for officers or other provinces', async () => {
		const { id } = await makeContest(t.db, host);
		const national = await makeUser(t.db, 'national', 'trainer', '000000');
		const officer = await makeUser(t.db, 'officer', 'officer', '210000');
		const outsider = await makeUser(t.db, 'outsider', 'trainer', '650000');
		for (const route of [hostPage, studioPage]) {
			expect(await loadHosted(route, String(id), national)).toMatchObject({ kind: 'ok' });
			expect(await loadHosted(route, String(id), officer)).toMatchObject({ status: 403 });
			expect(await loadHosted(route, String(id), outsider)).toMatchObject({ status: 403 });
			expect(await loadHosted(route, String(id), null)).toMatchObject({ kind: 'redirect' });
			expect(await loadHosted(route, 'x1', host)).toMatchObject({ status: 404 });
			expect(await loadHosted(route, String(id + 1), host)).toMatchObject({ status: 404 });
		}
	});
});
