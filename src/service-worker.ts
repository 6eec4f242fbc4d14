/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Keeps the drill pages usable on a weak field connection: the app shell (built JS/CSS and
// static files) is served from the cache, and drill pages are fetched from the network first,
// falling back to the last copy when offline. Answers are never cached or replayed here: the
// page's own outbox (src/routes/drill/answer-queue.ts) sends them with idempotency keys.
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const SHELL = `lianbing-shell-${version}`;
const PAGES = 'lianbing-drill-pages';
const MAX_PAGES = 40;
const ASSETS = new Set([...build, ...files]);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(SHELL)
			.then((cache) => cache.addAll([...ASSETS]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith('lianbing-shell-') && key !== SHELL) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

/** Drill pages and their data, except the mock exam (its clock is the server's) and one-offs. */
function isDrillPage(url: URL): boolean {
	if (!url.pathname.startsWith('/drill') || url.pathname.startsWith('/drill/exam')) return false;
	if (url.pathname === '/drill/answer') return false;
	return !url.searchParams.has('answered') && !url.searchParams.has('done');
}

async function trim(cache: Cache): Promise<void> {
	const keys = await cache.keys();
	for (const request of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) {
		await cache.delete(request);
	}
}

async function networkFirst(request: Request): Promise<Response> {
	const cache = await caches.open(PAGES);
	try {
		const response = await fetch(request);
		// Only real pages: never a redirect to /login or an error page in place of a drill page.
		if (response.ok && response.type === 'basic' && !response.redirected) {
			await cache.put(request, response.clone());
			await trim(cache);
		}
		return response;
	} catch (error) {
		const cached = await cache.match(request);
		if (cached) return cached;
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	if (ASSETS.has(url.pathname)) {
		event.respondWith(
			caches
				.open(SHELL)
				.then((cache) => cache.match(url.pathname))
				.then((cached) => cached ?? fetch(request))
		);
		return;
	}
	if (isDrillPage(url)) event.respondWith(networkFirst(request));
});
