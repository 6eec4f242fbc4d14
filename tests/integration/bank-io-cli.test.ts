// `npm run bank` as admins and scripts use it: a real process on its own database (a fresh
// PostgreSQL database with TEST_DATABASE_URL, else an embedded one in a temporary folder).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankJson, QUESTIONS } from './bank-io-fixtures';
import { inputToRow, TEMPLATE_HEADERS } from '../../src/lib/server/bank/io/columns';

const CONFORMANCE = '/work/shared/fixtures/gift/moodle-examples.gift.txt';

let dir: string;
let env: NodeJS.ProcessEnv;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'bank-cli-'));
	env = { ...process.env, DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' };
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (serverUrl) {
		const name = `lianbing_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
		const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database "${name}"`);
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		env.DATABASE_URL = url.toString();
		drop = async () => {
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
			await admin.end();
		};
	}
});
afterAll(async () => {
	await drop?.();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

function bank(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(
			'node_modules/.bin/tsx',
			['scripts/bank.ts', ...args],
			{ env },
			(error, stdout, stderr) => {
				resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
			}
		);
	});
}

function write(name: string, text: string): string {
	const file = path.join(dir, name);
	writeFileSync(file, text);
	return file;
}

describe('npm run bank', () => {
	it('validate: exit 1 and the row-level messages for a bad file, exit 0 for a good one', async () => {
		const rows = QUESTIONS.map((q) => inputToRow(q).map(String));
		rows[1][TEMPLATE_HEADERS.indexOf('难度')] = '9';
		const csv = [TEMPLATE_HEADERS, ...rows]
			.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))
			.join('\n');
		const bad = await bank('validate', write('bad.csv', csv));
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain('ERROR     第 3 行 [难度]: 难度应为 1–5 的整数。');
		const good = await bank('validate', write('good.json', bankJson(QUESTIONS)));
		expect(good.code).toBe(0);
		expect(good.stderr).toContain('5 questions read: 5 to import');
	}, 60_000);

	it('import --publish, then export: the questions come back published; a second import adds none', async () => {
		const file = write('bank.json', bankJson(QUESTIONS));
		const imported = await bank('import', file, '--publish');
		expect(imported).toMatchObject({ code: 0 });
		expect(imported.stdout).toContain('Imported 5 questions into 生态环境部 (000000).');
		const out = path.join(dir, 'export.json');
		const exported = await bank('export', '--format', 'json', '--out', out);
		expect(exported.code).toBe(0);
		const questions = JSON.parse(readFileSync(out, 'utf8')).questions;
		expect(questions).toHaveLength(5);
		expect(questions.every((q: { status: string }) => q.status === 'published')).toBe(true);
		const again = await bank('import', file);
		expect(again.stdout).toContain('Imported 0 questions');
		expect(again.stderr).toContain('5 duplicates');
	}, 60_000);

	it('GIFT conformance file: refused with a reason per question unless the unsupported kinds are skipped', async () => {
		const refused = await bank(
			'import',
			CONFORMANCE,
			'--topic',
			'执法质量提升',
			'--difficulty',
			'2'
		);
		expect(refused.code).toBe(1);
		expect(refused.stderr.match(/^REFUSED /gm)).toHaveLength(11);
		expect(refused.stderr).toContain('REFUSED   第 14 题（第 55 行）: 匹配题（->）题库不支持');
		const skipped = await bank(
			'import',
			CONFORMANCE,
			'--topic',
			'执法质量提升',
			'--difficulty',
			'2',
			'--skip-unsupported'
		);
		expect(skipped.code).toBe(0);
		expect(skipped.stdout).toContain('Imported 18 questions');
	}, 60_000);

	it('refuses bad usage with exit code 2 and an unreadable file with 1, before opening the database', async () => {
		expect((await bank('export', '--format', 'pdf')).code).toBe(2);
		expect((await bank()).code).toBe(2);
		const broken = await bank('validate', write('broken.json', '{'));
		expect(broken).toMatchObject({ code: 1, stderr: 'JSON 文件格式有误，无法解析。\n' });
	}, 60_000);
});
