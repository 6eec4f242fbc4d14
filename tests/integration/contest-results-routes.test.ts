import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeEvent, makeUser, outcome } from '../helpers/events';
import { useDatabase } from '../../src/lib/server/db';
import type { SessionUser } from '../../src/lib/server/auth/session';
import {
	ContestHub,
	createContest,
	exportResultsXlsx,
	getResults
} from '../../src/lib/server/contest/service';
import * as results from '../../src/routes/contests/[id]/results/+page.server';
import * as xlsx from '../../src/routes/contests/[id]/results/xlsx/+server';
import { draft, publishQuestions, question, round } from './contest-fixtures';

let t: TestDatabase;
let host: SessionUser;
let officer: SessionUser;
let ids: { contest: number; officer: string; guest: string; kicked: string };

beforeAll(async () => {
	t = await openTestDatabase();
	useDatabase(t);
	host = await makeUser(t.db, 'ln-host', 'trainer', '210000');
	officer = await makeUser(t.db, 'ln-officer', 'officer', '210000');
	const qids = await publishQuestions(t.db, '210000', [
		question({ answer: 'A' }),
		question({ type: 'truefalse', options: [], answer: true, stem: '排污许可证应当载明排放限值。' })
	]);
	const { id } = await createContest(
		t.db,
		host,
		draft({ rounds: [round({ questionIds: qids, speedWeighted: false, streak: false })] })
	);
	const hub = new ContestHub({ db: t.db });
	try {
		const join = async (who: Parameters<typeof hub.join>[1]) => {
			const r = await hub.join(id, who);
			if (!('contestantId' in r)) throw new Error(r.code);
			return r.contestantId;
		};
		const me = await join({ userId: officer.id });
		const guest = await join({ name: '访客甲', idField: 'XJ-007' });
		const kicked = await join({ name: '捣乱者' });
		const run = async (command: Parameters<typeof hub.execute>[1]) => {
			const r = await hub.execute(id, command);
			if (!r.ok) throw new Error(r.code);
		};
		const answer = (contestantId: string, index: number, response: string | boolean) =>
			run({ type: 'answer', contestantId, round: 0, index, response });
		await run({ type: 'start' });
		await answer(me, 0, 'A');
		await answer(guest, 0, 'B');
		await answer(kicked, 0, 'A');
		await run({ type: 'kick', contestantId: kicked });
		await run({ type: 'reveal' });
		await run({ type: 'next' });
		await answer(me, 1, false);
		await answer(guest, 1, true);
		await run({ type: 'reveal' });
		await run({ type: 'end' });
		ids = { contest: id, officer: me, guest, kicked };
	} finally {
		hub.close();
	}
});
afterAll(async () => {
	await t?.close();
});

interface ResultsData {
	contestants: number;
	standings: { name: string }[];
	questions: { key: unknown }[];
	chosen: { name: string; answers: { number: number | null; response: unknown }[] } | null;
}

const event = (user: SessionUser | null, url = '') =>
	fakeEvent({
		user,
		url: `/contests/${ids.contest}/results${url}`,
		params: { id: String(ids.contest) }
	});

describe('contest results', () => {
	it('ranks the contestants, leaves the removed one unranked and keeps every answer', async () => {
		const r = await getResults(t.db, ids.contest);
		expect(r!.contest.status).toBe('ended');
		expect(r!.standings.map((s) => [s.name, s.rank, s.score])).toEqual([
			['ln-officer', 1, 1000],
			['访客甲', 1, 1000],
			['捣乱者', null, 1000]
		]);
		expect(r!.standings[1]).toMatchObject({ guest: true, idField: 'XJ-007', correctCount: 1 });
		const [first, second] = r!.questions;
		expect(first).toMatchObject({ answered: 2, correctCount: 1, percentCorrect: 50 });
		expect(second.distribution.map((d) => [d.label, d.count])).toEqual([
			['true', 1],
			['false', 1]
		]);
		expect(r!.answersOf.get(ids.kicked)).toHaveLength(1);
	});

	it('shows the results page to the host with one contestant’s answers on request', async () => {
		const data = (await results.load(event(host, `?c=${ids.guest}`))) as ResultsData;
		expect(data.contestants).toBe(3);
		expect(data.standings[0].name).toBe('ln-officer');
		expect(data.questions[0].key).toBe('A');
		expect(data.chosen?.name).toBe('访客甲');
		expect(data.chosen?.answers.map((a) => [a.number, a.response])).toEqual([
			[1, 'B'],
			[2, true]
		]);
	});

	it('refuses officers, other provinces’ trainers and unknown contests; lets national staff in', async () => {
		const outsider = await makeUser(t.db, 'js-trainer', 'trainer', '320000');
		const national = await makeUser(t.db, 'nat-admin', 'admin', '000000');
		expect(await outcome(() => results.load(event(officer)))).toMatchObject({ status: 403 });
		expect(await outcome(() => results.load(event(outsider)))).toMatchObject({ status: 403 });
		expect(await outcome(() => xlsx.GET(event(outsider)))).toMatchObject({ status: 403 });
		expect(await outcome(() => results.load(event(null)))).toMatchObject({ kind: 'redirect' });
		const missing = fakeEvent({ user: host, params: { id: '424242' } });
		expect(await outcome(() => results.load(missing))).toMatchObject({ status: 404 });
		const bogus = fakeEvent({ user: host, params: { id: 'abc' } });
		expect(await outcome(() => results.load(bogus))).toMatchObject({ status: 404 });
		expect(await outcome(() => results.load(event(national)))).toMatchObject({ kind: 'ok' });
	});

	it('exports standings, question statistics and every answer to XLSX', async () => {
		const response = await xlsx.GET(event(host));
		expect(response.headers.get('Content-Type')).toContain('spreadsheetml');
		expect(response.headers.get('Content-Disposition')).toMatch(/attachment; filename=".+\.xlsx"/);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(await response.arrayBuffer());
		expect(book.worksheets.map((s) => s.name)).toEqual(['个人排名', '题目统计', '答题明细']);
		const standings = book.getWorksheet('个人排名')!;
		expect(standings.getRow(1).getCell(1).value).toBe('名次');
		expect(standings.getRow(3).values).toEqual(
			expect.arrayContaining(['访客甲', 'XJ-007', '访客', 1000])
		);
		expect(standings.getRow(4).getCell(1).value).toBe('已移出');
		expect(book.getWorksheet('答题明细')!.rowCount).toBe(1 + 5);
		const stats = book.getWorksheet('题目统计')!;
		expect(stats.getRow(3).getCell(4).value).toBe('对');
	});

	it('writes English headers for English readers', async () => {
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(
			(await exportResultsXlsx(t.db, ids.contest, 'en')) as unknown as ArrayBuffer
		);
		expect(book.worksheets[0].name).toBe('Standings');
		expect(book.worksheets[0].getRow(1).getCell(2).value).toBe('Name');
	});
});
