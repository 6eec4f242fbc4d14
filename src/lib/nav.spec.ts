import { describe, expect, it } from 'vitest';
import { currentHref, isCurrentPath, navItems } from './nav';

describe('navigation', () => {
	it('shows officers no staff or admin pages', () => {
		const hrefs = navItems('officer').map((i) => i.href);
		expect(hrefs).not.toContain('/manage');
		expect(hrefs).not.toContain('/bank');
		expect(hrefs.some((h) => h.startsWith('/admin'))).toBe(false);
	});

	it('puts practice second in the officer bottom bar and keeps it from staff', () => {
		expect(navItems('officer').filter((i) => i.primary)[1]?.href).toBe('/drill');
		expect(navItems('trainer').map((i) => i.href)).not.toContain('/drill');
	});

	it('gives trainers people and bank pages but not admin pages', () => {
		const hrefs = navItems('trainer').map((i) => i.href);
		expect(hrefs).toEqual(expect.arrayContaining(['/manage', '/bank']));
		expect(hrefs.some((h) => h.startsWith('/admin'))).toBe(false);
	});

	it('keeps the phone bottom bar to at most four primary items for every role', () => {
		for (const role of ['officer', 'trainer', 'admin'] as const) {
			expect(navItems(role).filter((i) => i.primary).length).toBeLessThanOrEqual(4);
		}
	});

	it('offers everyone the page to join a contest by code, never in the bottom bar', () => {
		for (const role of ['officer', 'trainer', 'admin'] as const) {
			expect(navItems(role)).toContainEqual({ href: '/join', label: '加入比赛', primary: false });
		}
	});

	it('shows nothing to visitors', () => {
		expect(navItems(undefined)).toEqual([]);
	});

	it('marks the current section without matching look-alike prefixes', () => {
		expect(isCurrentPath('/', '/')).toBe(true);
		expect(isCurrentPath('/manage', '/')).toBe(false);
		expect(isCurrentPath('/manage/import', '/manage')).toBe(true);
		expect(isCurrentPath('/managers', '/manage')).toBe(false);
	});

	it('marks only the most specific entry when one nests in another', () => {
		const hrefs = ['/', '/manage', '/manage/duty', '/drill'];
		expect(currentHref('/manage/duty', hrefs)).toBe('/manage/duty');
		expect(currentHref('/manage/duty/12', hrefs)).toBe('/manage/duty');
		expect(currentHref('/manage/users', hrefs)).toBe('/manage');
		expect(currentHref('/', hrefs)).toBe('/');
		expect(currentHref('/bank', hrefs)).toBeUndefined();
	});
});
