// Demo accounts on a desktop: the admin reaches the home page; an officer who types a
// staff-only address is refused, not shown the page.
import { expect, test } from '@playwright/test';
import { expectHome, signIn } from './helpers';

test.use({ viewport: { width: 1280, height: 800 } });

test('the demo admin signs in and sees the home page', async ({ page }) => {
	await page.goto('/login');
	await signIn(page, 'admin', 'demo1234');
	await expectHome(page, '系统管理员，你好');
	await expect(page.getByText('角色：管理员')).toBeVisible();
});

test('a demo officer who types /manage gets the 403 page', async ({ page }) => {
	await page.goto('/login');
	await signIn(page, 'ln.officer', 'demo1234');
	await expectHome(page, '张执法，你好');
	await expect(page.getByRole('link', { name: '人员管理' })).toHaveCount(0);

	const response = await page.goto('/manage');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('403');
	await expect(page.getByText('你没有权限访问此页面。')).toBeVisible();
});
