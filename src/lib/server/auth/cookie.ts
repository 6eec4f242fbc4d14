import type { RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

type CookieEvent = Pick<RequestEvent, 'cookies' | 'url'>;

// `secure` follows the real protocol: Kit's default would mark the cookie Secure on
// http://192.168.x.x and the browser would drop it, so officers on a training hall's Wi-Fi
// could never sign in.
export function setSessionCookie(event: CookieEvent, token: string, expiresAt: Date): void {
	event.cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		expires: expiresAt,
		path: '/'
	});
}

export function deleteSessionCookie(event: CookieEvent): void {
	event.cookies.delete(SESSION_COOKIE, { path: '/', secure: event.url.protocol === 'https:' });
}
