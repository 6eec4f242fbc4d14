import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import * as auth from '$lib/server/auth/session';
import { setSessionCookie, deleteSessionCookie } from '$lib/server/auth/cookie';
import { bootstrap } from '$lib/server/bootstrap';
import { closeDatabase, ensureDatabase, getDb } from '$lib/server/db';
import { submitExpiredExams } from '$lib/server/drill/exam-submit';
import { log } from '$lib/server/log';
import { startContestRealtime } from '$lib/server/realtime/contest-handlers';
import { createSocketHandler } from '$lib/server/realtime/handler';
import { setSocketHandler } from '$lib/server/realtime/host.js';

export const init: ServerInit = async () => {
	if (building) return;
	const database = await ensureDatabase();
	const info = await bootstrap(database);
	(globalThis as Record<symbol, unknown>)[Symbol.for('lianbing.startup')] = info;
	const contests = startContestRealtime({ getDb, listen: database.listen });
	setSocketHandler(createSocketHandler({ getDb, contests }));
	// Contests that were running when the process stopped get their automatic reveals back.
	contests.hub.recover().catch((err) => log.error('contest recovery failed', { err }));
	// Mock exams whose deadline passed while nobody had them open are handed in once a minute.
	setInterval(
		() =>
			submitExpiredExams(getDb(), new Date()).catch((err) =>
				log.error('exam sweep failed', { err })
			),
		60_000
	).unref();
	process.once('sveltekit:shutdown', () => {
		contests.close();
		void closeDatabase();
	});
	log.info('ready', { database: info.database });
};

const handleRequestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
	if (event.url.pathname !== '/healthz') {
		log.info('request', {
			method: event.request.method,
			path: event.url.pathname,
			status: response.status,
			ms: Math.round(performance.now() - started),
			user: event.locals.user?.id
		});
	}
	return response;
};

const handleAuth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(auth.SESSION_COOKIE);
	if (token) {
		const { session, user } = await auth.validateSessionToken(getDb(), token);
		if (session) setSessionCookie(event, token, session.expiresAt);
		else deleteSessionCookie(event);
		event.locals.user = user;
		event.locals.session = session;
	}
	return resolve(event);
};

const handleParaglide: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

export const handle = sequence(handleRequestLog, handleAuth, handleParaglide);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status !== 404)
		log.error('unhandled error', { err: error, path: event.url.pathname, status });
	return { message };
};
