// The app's navigation, in one place: the header (desktop), the bottom bar (phones) and the
// /more page all read it. `primary` items sit in the phone's bottom bar; the rest go under "More".
import { m } from './paraglide/messages.js';

export type NavRole = 'officer' | 'trainer' | 'admin';

export interface NavItem {
	href: string;
	label: string;
	primary: boolean;
}

interface NavEntry {
	href: string;
	label: () => string;
	roles: readonly NavRole[];
	primaryFor: readonly NavRole[];
}

const ALL: readonly NavRole[] = ['officer', 'trainer', 'admin'];
const STAFF: readonly NavRole[] = ['trainer', 'admin'];

const ENTRIES: NavEntry[] = [
	{ href: '/', label: m.nav_home, roles: ALL, primaryFor: ALL },
	{ href: '/drill', label: m.drill_nav, roles: ['officer'], primaryFor: ['officer'] },
	{ href: '/progress', label: m.progress_nav, roles: ['officer'], primaryFor: ['officer'] },
	// Officers reach scenarios from the drill hub too, which keeps the bottom bar short.
	{ href: '/scenarios', label: m.scn_nav, roles: ALL, primaryFor: [] },
	{ href: '/bank', label: m.nav_bank, roles: STAFF, primaryFor: STAFF },
	{ href: '/contests', label: m.nav_contests, roles: STAFF, primaryFor: ['trainer'] },
	// Players mostly arrive by the studio's QR code; the page is there for typing a code.
	{ href: '/join', label: m.nav_join, roles: ALL, primaryFor: [] },
	{ href: '/manage', label: m.nav_manage, roles: STAFF, primaryFor: STAFF },
	{ href: '/manage/duty', label: m.progress_duty_nav, roles: STAFF, primaryFor: [] },
	{ href: '/admin/units', label: m.nav_units, roles: ['admin'], primaryFor: [] },
	{ href: '/admin/settings', label: m.nav_settings, roles: ['admin'], primaryFor: [] },
	{ href: '/account', label: m.nav_account, roles: ALL, primaryFor: ['officer'] }
];

export function navItems(role: NavRole | undefined): NavItem[] {
	if (!role) return [];
	return ENTRIES.filter((e) => e.roles.includes(role)).map((e) => ({
		href: e.href,
		label: e.label(),
		primary: e.primaryFor.includes(role)
	}));
}

export function isCurrentPath(pathname: string, href: string): boolean {
	return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** The nav entry for this page: the longest that matches, so /manage/duty is not also /manage. */
export function currentHref(pathname: string, hrefs: readonly string[]): string | undefined {
	return hrefs
		.filter((href) => isCurrentPath(pathname, href))
		.reduce<string | undefined>(
			(best, href) => (best && best.length >= href.length ? best : href),
			undefined
		);
}
