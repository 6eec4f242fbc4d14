// URL names of the five drill areas (/drill/topic/air …), so links stay short and readable.
import { topics, type Topic } from '../db/schema/bank';

export const TOPIC_SLUGS: Record<string, Topic> = {
	air: '大气监督帮扶',
	campaigns: '重点专项行动',
	tech: '科技手段运用',
	quality: '执法质量提升',
	team: '队伍能力建设'
};

export function topicFromSlug(slug: string): Topic | undefined {
	return Object.hasOwn(TOPIC_SLUGS, slug) ? TOPIC_SLUGS[slug] : undefined;
}

export function slugOfTopic(topic: string): string | undefined {
	return Object.keys(TOPIC_SLUGS).find((slug) => TOPIC_SLUGS[slug] === topic);
}

export { topics };
