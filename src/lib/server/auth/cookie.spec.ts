import { describe, expect, it } from 'vitest';
import { deleteSessionCookie, setSessionCookie } from './cookie';
import { SESSION_COOKIE } from './session';

function capture(url: string) {
	const calls: { name: string; value?: string; options: Record<string, unknown> }[] = [];
	const cookies = {
		set: (name: string, value: string, options: Record<string, unknown>) =>
			calls.push({ name, value, options }),
		delete: (name: string, options: Record<string, unknown>) => calls.push({ name, options })
	};
	return { event: { url: new URL(url), cookies } as never, calls };
}

describe('session cookie', () => {
	it('is not marked Secure over plain http on a training hall LAN, or the phone would drop it', () => {
		const { event, calls } = capture('http://192.168.1.20:3000/login');
		setSessionCookie(event, 'tok', new Date('2030-01-01'));
		expect(calls[0]).toMatchObject({
			name: SESSION_COOKIE,
			value: 'tok',
			options: { secure: false, httpOnly: true, sameSite: 'lax', path: '/' }
		});
	});

	it('is Secure, HttpOnly and SameSite=Lax over https', () => {
		const { event, calls } = capture('https://lianbing.example.gov.cn/login');
		setSessionCookie(event, 'tok', new Date('2030-01-01'));
		expect(calls[0].options).toMatchObject({ secure: true, httpOnly: true, sameSite: 'lax' });
		deleteSessionCookie(event);
		expect(calls[1]).toMatchObject({ name: SESSION_COOKIE, options: { path: '/', secure: true } });
	});
});
