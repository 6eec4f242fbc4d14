import { expect, type Page } from '@playwright/test';

const LABELS = {
	'zh-CN': { username: '用户名', password: '密码', submit: '登录' },
	en: { username: 'Username', password: 'Password', submit: 'Sign in' }
} as const;

/** A username no earlier test or retry in this database has used. */
export function uniqueUsername(prefix: string): string {
	return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

/** Fills the sign-in form on the page already open (or /login) and submits it. */
export async function signIn(
	page: Page,
	username: string,
	password: string,
	locale: keyof typeof LABELS = 'zh-CN'
): Promise<void> {
	const text = LABELS[locale];
	if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
	await page.getByLabel(text.username).fill(username);
	await page.getByLabel(text.password, { exact: true }).fill(password);
	await page.getByRole('button', { name: text.submit, exact: true }).click();
}

export async function expectHome(page: Page, greeting: string): Promise<void> {
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByTestId('greeting')).toHaveText(greeting);
}
