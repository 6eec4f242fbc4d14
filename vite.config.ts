import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { attachSocketServer } from './src/lib/server/realtime/host.js';

/** Socket.IO on Vite's own HTTP server in `dev` and `preview`; must come before sveltekit(). */
function socketIo(): Plugin {
	return {
		name: 'lianbing-socket-io',
		configureServer(server) {
			const http = server.httpServer;
			if (!http) return;
			void attachSocketServer(http as import('node:http').Server);
			// Kit runs `init` (which registers the socket handler) on the first request only.
			http.once('listening', () => {
				const address = http.address();
				if (address && typeof address === 'object') {
					fetch(`http://localhost:${address.port}/healthz`).catch(() => {});
				}
			});
		},
		configurePreviewServer(server) {
			void attachSocketServer(server.httpServer as import('node:http').Server);
		}
	};
}

export default defineConfig({
	plugins: [
		...(process.env.VITEST ? [] : [socketIo()]),
		tailwindcss(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale']
		}),
		sveltekit()
	],
	server: { host: true },
	test: {
		include: ['src/**/*.spec.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 120_000,
		expect: { requireAssertions: true }
	}
});
