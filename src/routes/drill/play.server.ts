// The load and actions every drill player page shares (daily, topic, mistakes, challenge).
// With JavaScript the player posts answers as JSON to /drill/answer (and queues them offline);
// without it, the `answer` action below records the same answer and redirects back here with
// ?answered=<key>, so a refresh never sends it twice.
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { recordAnswer } from '$lib/server/drill/answer';
import { parseAnswerPayload } from '$lib/server/drill/answer-input';
import { getAnswerFeedback, getSessionResult } from '$lib/server/drill/feedback';
import {
	currentSession,
	endSession,
	startSession,
	type SessionSpec
} from '$lib/server/drill/sessions';
import { sessionSummary, upcomingItems } from '$lib/server/drill/view';
import { failFromError, field } from '$lib/server/forms';

type Event = Pick<RequestEvent, 'locals' | 'url' | 'request' | 'params'>;

/** Drills are the officers' own practice; staff have the bank preview. */
export function requireOfficer(event: Event) {
	return requireRole(event, 'officer');
}

export async function loadPlay(event: Event, spec: SessionSpec) {
	const user = requireOfficer(event);
	const db = getDb();
	const params = event.url.searchParams;
	const [session, feedback, result] = await Promise.all([
		currentSession(db, user.id, spec),
		getAnswerFeedback(db, user.id, params.get('answered') ?? ''),
		getSessionResult(db, user.id, Number(params.get('done')))
	]);
	return {
		userId: user.id,
		session: session ? sessionSummary(session) : null,
		items: session ? await upcomingItems(db, session) : [],
		// For play without JavaScript: the key and the moment the question was served.
		slot: { key: crypto.randomUUID(), shownAt: Date.now() },
		feedback: feedback ?? null,
		result: result ?? null
	};
}

/** A form response: several checkboxes for multiple choice, 'true'/'false' for true/false. */
export function formResponse(data: FormData, type: string): string | boolean {
	const values = data.getAll('response').filter((v): v is string => typeof v === 'string');
	if (type === 'truefalse') return values[0] === 'true' ? true : values[0] === 'false' ? false : '';
	return type === 'multiple' ? values.join('') : (values[0] ?? '');
}

export function playActions(spec: (event: Event) => SessionSpec, here: (event: Event) => string) {
	return {
		start: async (event: Event) => {
			const user = requireOfficer(event);
			try {
				await startSession(getDb(), user.id, spec(event));
			} catch (e) {
				return failFromError(e, {});
			}
			redirect(303, here(event));
		},
		answer: async (event: Event) => {
			const user = requireOfficer(event);
			const data = await event.request.formData();
			const shownAt = Number(field(data, 'shownAt'));
			let key = '';
			try {
				const input = parseAnswerPayload({
					key: field(data, 'key'),
					sessionId: Number(field(data, 'session')),
					position: Number(field(data, 'position')),
					versionId: Number(field(data, 'version')),
					response: formResponse(data, field(data, 'type')),
					timeMs: Number.isFinite(shownAt) && shownAt > 0 ? Date.now() - shownAt : 0
				});
				key = input.key;
				await recordAnswer(getDb(), user.id, input);
			} catch (e) {
				return failFromError(e, {});
			}
			redirect(303, `${here(event)}${here(event).includes('?') ? '&' : '?'}answered=${key}`);
		},
		end: async (event: Event) => {
			const user = requireOfficer(event);
			const sessionId = Number(field(await event.request.formData(), 'session'));
			await endSession(getDb(), user.id, sessionId);
			const url = here(event);
			redirect(303, `${url}${url.includes('?') ? '&' : '?'}done=${sessionId}`);
		}
	};
}
