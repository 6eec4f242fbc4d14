// Browser tests against the production build (server.js), on Debian's Chromium: Playwright's
// own browser download is not reachable from these machines.
import { defineConfig, devices } from '@playwright/test';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const CI = !!process.env.CI;
const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DATA_ROOT = path.resolve('.e2e-data');

// Workers load this file again; the env var keeps the one folder the main process chose.
process.env.E2E_DATA_DIR ??= path.join(DATA_ROOT, String(Date.now()));
const DATA_DIR = process.env.E2E_DATA_DIR;
pruneOldRuns();

/** A fresh embedded database per run; earlier runs' folders go once they are an hour old. */
function pruneOldRuns(): void {
	mkdirSync(DATA_ROOT, { recursive: true });
	for (const entry of readdirSync(DATA_ROOT)) {
		const dir = path.join(DATA_ROOT, entry);
		if (dir !== DATA_DIR && Date.now() - statSync(dir).mtimeMs > 3_600_000) {
			rmSync(dir, { recursive: true, force: true });
		}
	}
}

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	retries: CI ? 1 : 0,
	forbidOnly: CI,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: BASE_URL,
		locale: 'zh-CN',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		actionTimeout: 15_000,
		navigationTimeout: 30_000
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				}
			}
		}
	],
	webServer: {
		// start.js builds first when the build is missing or older than the sources.
		command: 'node scripts/start.js',
		url: `${BASE_URL}/healthz`,
		reuseExistingServer: !CI,
		timeout: 240_000,
		stdout: 'ignore',
		stderr: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATA_DIR,
			DATABASE_URL: '',
			REDIS_URL: '',
			DEMO_DATA: 'on'
		}
	}
});
