// After creating a contest the list opens at ?created=CODE with a one-off notice; paging on
// must keep the status filter but not bring the notice back.
import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import Page from './+page.svelte';

vi.mock('$app/state', () => ({
	page: { url: new URL('http://localhost/contests?created=123456&status=lobby&page=2') }
}));

const data = {
	locale: 'zh-CN',
	created: '123456',
	status: 'lobby',
	contests: [],
	page: 2,
	pages: 3,
	total: 60
};

function link(rel: 'prev' | 'next'): string | undefined {
	const html = render(Page, { props: { data } as never }).body;
	return html.match(new RegExp(`href="([^"]*)" rel="${rel}"`))?.[1]?.replaceAll('&amp;', '&');
}

describe('contest list pager', () => {
	it('keeps the status filter and drops the created notice', () => {
		expect(link('next')).toBe('?status=lobby&page=3');
		expect(link('prev')).toBe('?status=lobby&page=1');
	});
});
