// The first thing a new officer does on a phone: sign up, read the home page in Chinese,
// switch to English, sign out, and sign in again.
import { expect, test } from '@playwright/test';
import { signIn, uniqueUsername } from './helpers';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('a new officer signs up, switches language, signs out and signs in again', async ({
	page
}) => {
	const username = uniqueUsername('officer');
	const displayName = '李测试';
	const password = 'Lianbing-2025';

	await page.goto('/');
	await expect(page).toHaveURL(/\/login(\?|$)/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

	await page.getByRole('link', { name: '注册为执法队员' }).click();
	await expect(page.getByRole('heading', { name: '注册执法队员账号' })).toBeVisible();
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('姓名').fill(displayName);
	await page.getByLabel('所属单位').selectOption({ label: '和平区' });
	await page.getByLabel('密码', { exact: true }).fill(password);
	await page.getByLabel('确认密码').fill(password);
	await page.getByRole('button', { name: '注册', exact: true }).click();

	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByTestId('greeting')).toHaveText(`${displayName}，你好`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.getByText('所属单位：和平区')).toBeVisible();
	await expect(page.getByText('角色：执法队员')).toBeVisible();

	await page.getByRole('button', { name: '语言' }).click();
	await expect(page.getByTestId('greeting')).toHaveText(`Hello, ${displayName}`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByText('Unit: Heping District')).toBeVisible();

	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await expect(page).toHaveURL(/\/login(\?|$)/);
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

	// Signed out for real: the home page sends us back to sign in.
	await page.goto('/');
	await expect(page).toHaveURL(/\/login(\?|$)/);

	await signIn(page, username, 'not-the-password-1', 'en');
	await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
	await expect(page).toHaveURL(/\/login(\?|$)/);
	await expect(page.getByLabel('Username')).toHaveValue(username);

	await signIn(page, username, password, 'en');
	await expect(page.getByTestId('greeting')).toHaveText(`Hello, ${displayName}`);
});
