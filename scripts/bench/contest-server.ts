// The bench's server process: the app's own Socket.IO stack (handshake, contest handlers, hub,
// group commit, broadcaster) on a fresh embedded PGlite, with a host account and a contest of
// `--questions` questions. Driven over IPC by scripts/bench-contest.ts.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { count, eq } from 'drizzle-orm';
import { createUser } from '../../src/lib/server/accounts/users';
import {
	createSession,
	generateSessionToken,
	SESSION_COOKIE
} from '../../src/lib/server/auth/session';
import { insertQuestion } from '../../src/lib/server/bank/store';
import { createContest } from '../../src/lib/server/contest/service';
import { openDatabase } from '../../src/lib/server/db/client';
import * as table from '../../src/lib/server/db/schema';
import { ensureReferenceUnits, getUnitByCode } from '../../src/lib/server/org/units';
import { createContestRealtime } from '../../src/lib/server/realtime/contest-handlers';
import { createSocketHandler, type AppServer } from '../../src/lib/server/realtime/handler';
import { createSocketServer } from '../../src/lib/server/realtime/host.js';
import { validateSessionToken } from '../../src/lib/server/auth/session';

const { values } = parseArgs({ options: { questions: { type: 'string', default: '5' } } });
const send = (message: object) => process.send?.(message);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lianbing-bench-'));
const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
const db = database.db;
await ensureReferenceUnits(db);
const unit = await getUnitByCode(db, '210000');
const host = await createUser(db, {
	username: 'bench-host',
	displayName: '主持人',
	password: 'bench-pass-1234',
	role: 'trainer',
	unitId: unit!.id
});
const token = generateSessionToken();
await createSession(db, token, host.id);
const sessionUser = (await validateSessionToken(db, token)).user!;

const questionIds: number[] = [];
for (let i = 0; i < Number(values.questions); i++) {
	questionIds.push(
		await insertQuestion(
			db,
			{
				type: 'single',
				stem: `第${i + 1}题：对拒不改正的违法排污行为，可以依法实施下列哪种处罚？（压力测试题目，长度接近真实题干）`,
				options: ['按日连续处罚', '警告并处罚款', '通报批评', '约谈企业负责人'],
				answer: 'A',
				explanation: '《中华人民共和国环境保护法》第五十九条规定按日连续处罚。',
				legalBasis: '《中华人民共和国环境保护法》第五十九条',
				topic: '执法质量提升',
				subtopic: '',
				difficulty: 3,
				tags: [],
				jurisdiction: 'national'
			},
			{ unitId: unit!.id, authorId: null, status: 'published' }
		)
	);
}
const contest = await createContest(db, sessionUser, {
	title: '压力测试',
	rounds: [
		{
			title: '必答题',
			questionIds,
			draw: null,
			limitSeconds: 300,
			points: 1000,
			speedWeighted: true,
			streak: true
		}
	],
	allowGuests: true,
	allowLateJoin: true,
	podiumSize: 3,
	teams: []
});

const server = http.createServer((_req, res) => res.writeHead(404).end());
let io: AppServer | null = null;
const contests = createContestRealtime({ getDb: () => db, getIo: () => io });
const handler = createSocketHandler({ getDb: () => db, contests });
const node = await createSocketServer(server, {
	redisUrl: null,
	handler: async () => handler as never
});
io = node.io as unknown as AppServer;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

/** Resident memory after full collections, once it has settled (the lowest of a few samples). */
async function rss(): Promise<number> {
	const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
	let lowest = Infinity;
	for (let i = 0; i < 5; i++) {
		gc();
		await new Promise((r) => setTimeout(r, 100));
		lowest = Math.min(lowest, process.memoryUsage().rss);
	}
	return lowest;
}

/** CPU time this process has used (user + system, every thread), in ms. */
function cpuMs(): number {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
}

process.on('message', async (message: { cmd: string }) => {
	if (message.cmd === 'rss') send({ rss: await rss() });
	if (message.cmd === 'cpu') send({ cpu: cpuMs() });
	if (message.cmd === 'stored') {
		const [row] = await db
			.select({ n: count() })
			.from(table.contestAnswer)
			.where(eq(table.contestAnswer.contestId, contest.id));
		send({ stored: row.n });
	}
	if (message.cmd === 'stop') {
		contests.close();
		await node.close();
		await database.close();
		rmSync(dataDir, { recursive: true, force: true });
		process.exit(0);
	}
});

send({
	ready: true,
	url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
	cookie: `${SESSION_COOKIE}=${token}`,
	contestId: contest.id,
	code: contest.code
});
