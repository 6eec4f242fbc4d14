import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { listSubtopics, openTopicSessions } from '$lib/server/drill/listings';
import { topicFromSlug } from '$lib/server/drill/topics';
import { loadPlay, playActions, requireOfficer } from '../../play.server';

type Event = { params: Partial<Record<string, string>>; url: URL };

function topicOf(event: Event) {
	const topic = topicFromSlug(event.params.topic ?? '');
	if (!topic) error(404, { message: 'drill_topic_not_found' });
	return topic;
}

/** `?sub=` picks a sub-topic ('' = questions without one); no `sub` means the whole area. */
function subtopicOf(event: Event): string | null {
	const params = event.url.searchParams;
	return params.has('sub') ? (params.get('sub') ?? '').slice(0, 200) : null;
}

function here(event: Event): string {
	const sub = subtopicOf(event);
	const query = sub === null ? '' : `?${new URLSearchParams({ sub })}`;
	return `/drill/topic/${event.params.topic ?? ''}${query}`;
}

export const load: PageServerLoad = async (event) => {
	const user = requireOfficer(event);
	const topic = topicOf(event);
	const subtopic = subtopicOf(event);
	const page = Number(event.url.searchParams.get('page')) || 1;
	const [play, subtopics, open] = await Promise.all([
		loadPlay(event, { mode: 'topic', topic, subtopic }),
		listSubtopics(getDb(), topic, page),
		openTopicSessions(getDb(), user.id, topic)
	]);
	return { ...play, topic, slug: event.params.topic, subtopic, here: here(event), subtopics, open };
};

export const actions: Actions = playActions(
	(event) => ({ mode: 'topic', topic: topicOf(event), subtopic: subtopicOf(event) }),
	here
);
