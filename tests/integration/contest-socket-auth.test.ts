// Who may do what in a contest over the socket: host commands and watching only for the host
// and staff of the owning unit or above; guests only with a code that admits them; every
// malformed payload gets an error ack and the server keeps serving; floods are rate-limited.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/events';
import {
	connect,
	makeContest,
	signedIn,
	startServer,
	type Connected,
	type RunningServer
} from './contest-socket-fixtures';

let t: TestDatabase;
let server: RunningServer;
const open: Connected[] = [];

beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t?.close();
});
beforeEach(async () => {
	await t.reset();
	host = null;
	server = await startServer(t.db);
});
afterEach(async () => {
	for (const c of open.splice(0)) c.socket.disconnect();
	await server.close();
});

async function as(username: string, role: 'officer' | 'trainer' | 'admin', unit: string) {
	const user = await makeUser(t.db, username, role, unit);
	const c = await signedIn(t.db, server.url, user);
	open.push(c);
	return c;
}

async function guest(code: string) {
	const c = await connect(server.url, { contestCode: code });
	open.push(c);
	return c;
}

let host: Awaited<ReturnType<typeof makeUser>> | null = null;

async function contest(over: Parameters<typeof makeContest>[2] = {}) {
	host ??= await makeUser(t.db, 'host', 'trainer', '210000');
	return makeContest(t.db, host, over);
}

describe('host commands and watching', () => {
	it('are refused to contestants, guests and another province’s trainer', async () => {
		const { id, code } = await contest();
		const officer = await as('officer', 'officer', '210000');
		await officer.rec.call('contest:join', { code });
		const visitor = await guest(code);
		await visitor.rec.call('contest:join', { code, name: '游客' });
		const outsider = await as('xj-trainer', 'trainer', '650000');
		for (const [who, expected] of [
			[officer, 'forbidden'],
			[visitor, 'unauthorized'],
			[outsider, 'forbidden']
		] as const) {
			for (const command of ['start', 'next', 'pause', 'reveal', 'end']) {
				const res = await who.rec.call('contest:host', { contestId: id, command });
				expect(res, `${command}`).toMatchObject({ error: { code: expected } });
			}
			for (const view of ['host', 'studio']) {
				const res = await who.rec.call('contest:watch', { contestId: id, view });
				expect(res).toMatchObject({ error: { code: expected } });
			}
		}
		// Nothing happened: the contest is still in its lobby.
		const colleague = await as('colleague', 'trainer', '210000');
		const watched = await colleague.rec.call('contest:watch', { contestId: id, view: 'host' });
		expect(watched.data.view.phase).toEqual({ name: 'lobby' });
		expect(outsider.rec.received.some((r) => r.event === 'contest:state')).toBe(false);
	});

	it('are accepted from another trainer of the unit and from national staff', async () => {
		const { id } = await contest();
		const colleague = await as('colleague', 'trainer', '210000');
		const national = await as('national', 'admin', '000000');
		expect(
			await colleague.rec.call('contest:host', { contestId: id, command: 'start' })
		).toMatchObject({
			data: { phase: { name: 'question' } }
		});
		expect(
			await national.rec.call('contest:host', { contestId: id, command: 'pause' })
		).toMatchObject({
			data: { phase: { name: 'paused' } }
		});
	});

	it('answer an unknown contest and a refused engine command with their codes', async () => {
		const { id } = await contest();
		const host = await as('host2', 'admin', '210000');
		expect(
			await host.rec.call('contest:host', { contestId: 999_999, command: 'start' })
		).toMatchObject({
			error: { code: 'contest_not_found' }
		});
		expect(await host.rec.call('contest:host', { contestId: id, command: 'reveal' })).toMatchObject(
			{
				error: { code: 'contest_wrong_phase', message: '当前环节不能执行此操作。' }
			}
		);
		expect(
			await host.rec.call('contest:host', {
				contestId: id,
				command: 'kick',
				contestantId: 'nobody'
			})
		).toMatchObject({ error: { code: 'contest_no_such_contestant' } });
	});
});

describe('guest sockets', () => {
	it('need the code of a live contest that admits guests', async () => {
		const open_ = await contest();
		const closed = await contest({ allowGuests: false });
		const refusal = async (auth: { contestCode?: string }) => {
			try {
				const c = await connect(server.url, auth);
				c.socket.disconnect();
				return null;
			} catch (err) {
				return (err as Error & { data?: { code: string } }).data?.code;
			}
		};
		expect(await refusal({})).toBe('unauthorized');
		expect(await refusal({ contestCode: 'abc' })).toBe('unauthorized');
		expect(await refusal({ contestCode: '000000' })).toBe('contest_unavailable');
		expect(await refusal({ contestCode: closed.code })).toBe('contest_unavailable');
		expect(await refusal({ contestCode: open_.code })).toBeNull();
	});

	it('may play only in their own contest and use no session event', async () => {
		const first = await contest();
		const second = await contest();
		const visitor = await guest(first.code);
		expect(
			await visitor.rec.call('contest:join', { code: second.code, name: '游客' })
		).toMatchObject({
			error: { code: 'unauthorized' }
		});
		expect(await visitor.rec.call('session:whoami')).toMatchObject({
			error: { code: 'unauthorized' }
		});
		expect(await visitor.rec.call('clock:sync', { clientTime: 1 })).toMatchObject({
			data: { clientTime: 1 }
		});
		expect(await visitor.rec.call('contest:join', { code: first.code, name: '' })).toMatchObject({
			error: { code: 'contest_name_invalid' }
		});
	});

	it('cannot answer before joining, nor for another contest', async () => {
		const { id, code } = await contest();
		const visitor = await guest(code);
		const ans = { contestId: id, round: 0, index: 0, response: 'A' };
		expect(await visitor.rec.call('contest:answer', ans)).toMatchObject({
			error: { code: 'contest_not_joined' }
		});
		await visitor.rec.call('contest:join', { code, name: '游客' });
		expect(await visitor.rec.call('contest:answer', { ...ans, contestId: id + 1 })).toMatchObject({
			error: { code: 'contest_not_joined' }
		});
	});
});

describe('malformed payloads', () => {
	const huge = 'x'.repeat(5_000);
	const cases: Array<[string, unknown[]]> = [
		[
			'contest:join',
			[
				undefined,
				null,
				'x',
				[],
				{ code: 123456 },
				{ code: '12345' },
				{ code: '123456', name: huge },
				{ code: '123456', name: 5 }
			]
		],
		[
			'contest:answer',
			[
				undefined,
				null,
				{ contestId: '1', round: 0, index: 0, response: 'A' },
				{ contestId: 1, round: -1, index: 0, response: 'A' },
				{ contestId: 1, round: 0, index: 0.5, response: 'A' },
				{ contestId: 1, round: 0, index: 0, response: { a: 1 } },
				{ contestId: 1, round: 0, index: 0, response: huge },
				{ contestId: 1, round: 0, index: 0 }
			]
		],
		[
			'contest:host',
			[
				undefined,
				{ contestId: 1, command: 'explode' },
				{ contestId: 1, command: 'kick' },
				{ contestId: 0, command: 'start' },
				{ contestId: 1, command: ['start'] }
			]
		],
		[
			'contest:watch',
			[undefined, { contestId: 1, view: 'player' }, { contestId: 'one', view: 'host' }]
		],
		['contest:leave', [undefined, {}, { contestId: -3 }]]
	];

	it.each(cases)('%s answers bad_payload and the server keeps serving', async (event, payloads) => {
		await contest();
		const trainer = await as('trainer', 'trainer', '210000');
		for (const payload of payloads) {
			expect(await trainer.rec.call(event, payload), JSON.stringify(payload)?.slice(0, 80)).toEqual(
				{
					error: { code: 'bad_payload', message: '请求格式不正确。' }
				}
			);
		}
		expect(await trainer.rec.call('session:whoami')).toMatchObject({
			data: { username: 'trainer' }
		});
	});

	it('a wrong-shaped answer to the open question is bad_payload too', async () => {
		const { id, code } = await contest();
		const host = await as('host3', 'trainer', '210000');
		const visitor = await guest(code);
		await visitor.rec.call('contest:join', { code, name: '游客' });
		await host.rec.call('contest:host', { contestId: id, command: 'start' });
		for (const response of ['Z', true, '']) {
			expect(
				await visitor.rec.call('contest:answer', { contestId: id, round: 0, index: 0, response })
			).toMatchObject({ error: { code: 'bad_payload' } });
		}
		expect(
			await visitor.rec.call('contest:answer', { contestId: id, round: 0, index: 0, response: 'c' })
		).toMatchObject({ data: { response: 'c' } });
	});
});

describe('rate limits', () => {
	it('refuse a flood of answers and joins from one socket with a clear error', async () => {
		const { id, code } = await contest();
		const visitor = await guest(code);
		await visitor.rec.call('contest:join', { code, name: '游客' });
		const answers = await Promise.all(
			Array.from({ length: 12 }, () =>
				visitor.rec.call('contest:answer', { contestId: id, round: 0, index: 0, response: 'A' })
			)
		);
		const limited = answers.filter((r) => r.error?.code === 'rate_limited');
		expect(limited.length).toBeGreaterThanOrEqual(6);
		expect(limited[0].error.message).toBe('操作太频繁，请稍等片刻再试。');
		const joins = await Promise.all(
			Array.from({ length: 10 }, () => visitor.rec.call('contest:join', { code, name: '游客' }))
		);
		expect(joins.filter((r) => r.error?.code === 'rate_limited').length).toBeGreaterThanOrEqual(5);
		// Another socket is not affected.
		const other = await guest(code);
		expect(await other.rec.call('contest:join', { code, name: '游客乙' })).toMatchObject({
			data: { me: { name: '游客乙' } }
		});
	});
});
