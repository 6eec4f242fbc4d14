// A live contest in one browser, each participant in a context of their own: the host console,
// the studio screen (the host's projector), a guest on a phone and a signed-in demo officer on
// a phone. The studio never shows the answer before the reveal; a refresh mid-question brings
// the guest back to the same question.
import { devices, expect, test, type BrowserContext, type Page } from '@playwright/test';

/**
 * Signs in and lands on `next`. Typing into the sign-in form before it has hydrated can be wiped
 * on a slow machine, so the fields are checked (and filled again) before submitting.
 */
async function signInTo(page: Page, username: string, next: string) {
	await page.goto(`/login?next=${encodeURIComponent(next)}`);
	await page.waitForLoadState('networkidle');
	const name = page.getByLabel('用户名');
	const password = page.getByLabel('密码', { exact: true });
	await expect(async () => {
		await name.fill(username);
		await password.fill('demo1234');
		await expect(name).toHaveValue(username, { timeout: 500 });
	}).toPass();
	await page.getByRole('button', { name: '登录', exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, '\\?')}$`));
}

const phone = { ...devices['Pixel 7'], locale: 'zh-CN' };

/** Answers whatever question type was drawn, the way a person would. */
async function answer(page: Page) {
	const pad = page.getByRole('group', { name: '选择答案' });
	const fill = page.getByLabel('你的答案');
	await expect(pad.or(fill).first()).toBeVisible();
	if (await fill.isVisible()) {
		await fill.fill('按日连续处罚');
		await page.getByRole('button', { name: '提交答案' }).click();
	} else if (await page.getByText('多选题：').isVisible()) {
		await pad.getByRole('button').first().click();
		await page.getByRole('button', { name: '提交答案' }).click();
	} else {
		await pad.getByRole('button').first().click();
	}
	await expect(page.getByText(/^已提交：/)).toBeVisible();
}

async function expectResult(page: Page) {
	await expect(page.getByText(/回答正确|回答错误/)).toBeVisible();
	await expect(page.getByText(/^正确答案：/)).toBeVisible();
}

test('a host runs a contest for a guest and an officer while the studio screen follows', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const contexts: BrowserContext[] = [];
	const context = async (options: Parameters<typeof browser.newContext>[0] = {}) => {
		const created = await browser.newContext({ locale: 'zh-CN', ...options });
		contexts.push(created);
		return created.newPage();
	};

	// The host builds a contest of two questions drawn from the bank.
	const title = `端到端技能比武${Date.now().toString(36)}`;
	const host = await context({ viewport: { width: 1280, height: 900 } });
	await signInTo(host, 'ln.trainer', '/contests/new');
	await host.getByLabel('比赛名称').fill(title);
	await host.getByLabel('允许访客（未登录）以姓名参赛').check();
	await host.getByLabel('抽题数量（0 为不抽）').fill('2');
	await host.getByRole('button', { name: '创建比赛' }).click();
	await expect(host).toHaveURL(/created=\d{6}/);
	const code = new URL(host.url()).searchParams.get('created')!;
	const card = host.getByRole('listitem').filter({ hasText: title });
	const studioHref = (await card.getByRole('link', { name: '大屏' }).getAttribute('href'))!;
	await card.getByRole('link', { name: '主持控制台' }).click();
	await expect(host.getByText('候场中：选手正在加入')).toBeVisible();

	// The projector, signed in as the host.
	const studio = await context({
		viewport: { width: 1920, height: 1080 },
		storageState: await contexts[0].storageState()
	});
	await studio.goto(studioHref);
	await expect(studio.getByLabel(`比赛码 ${code}`)).toBeVisible();
	await expect(studio.getByRole('figure').locator('svg')).toBeVisible();

	// A guest types the code; the demo officer follows the link signed in.
	const guest = await context(phone);
	await guest.goto('/join');
	await guest.getByLabel('比赛码').fill(code);
	await guest.getByRole('button', { name: '进入比赛' }).click();
	await guest.getByLabel('参赛名称').fill('游客小李');
	await guest.getByRole('button', { name: '加入比赛' }).click();
	await expect(guest.getByText('已加入，请等待主持人开始比赛。')).toBeVisible();

	const officer = await context(phone);
	await signInTo(officer, 'ln.officer', `/contests/${code}/play`);
	await expect(officer.getByText('已加入，请等待主持人开始比赛。')).toBeVisible();
	await expect(officer.getByText('张执法', { exact: true })).toBeVisible();

	await expect(studio.getByText('2 人在场').first()).toBeVisible();
	for (const name of ['游客小李', '张执法']) {
		await expect(studio.getByRole('listitem').filter({ hasText: name })).toBeVisible();
	}
	await expect(host.getByText('选手名单（2 人）')).toBeVisible();

	// Question 1: both answer; the studio counts them but shows no answer until the reveal.
	await host.getByRole('button', { name: '开始比赛' }).click();
	for (const page of [guest, officer, studio]) {
		await expect(page.getByText('第 1 题 / 共 2 题', { exact: false })).toBeVisible();
	}
	await expect(guest.getByRole('timer')).toBeVisible();
	await answer(guest);
	await answer(officer);
	await expect(studio.getByText('已作答 2 / 2')).toBeVisible();
	await expect(host.getByText('已作答 2 / 2')).toBeVisible();
	await expect(studio.getByText(/正确答案/)).toHaveCount(0);
	await host.getByRole('button', { name: '揭晓答案' }).click();
	await expect(studio.getByText(/^✓ 正确答案：/)).toBeVisible();
	await expect(studio.getByRole('list', { name: '答案分布' })).toBeVisible();
	await expectResult(guest);
	await expectResult(officer);

	// Question 2: the guest's phone reloads mid-question and comes back as the same contestant.
	await host.getByRole('button', { name: '下一题' }).click();
	await expect(guest.getByText('第 2 题 / 共 2 题', { exact: false })).toBeVisible();
	await guest.reload();
	await expect(guest.getByText('游客小李', { exact: true })).toBeVisible();
	await expect(guest.getByText('第 2 题 / 共 2 题', { exact: false })).toBeVisible();
	await answer(guest);
	await answer(officer);
	await host.getByRole('button', { name: '揭晓答案' }).click();
	await expectResult(guest);
	await host.getByRole('button', { name: '结束并颁奖' }).click();

	// The end: a podium on the studio, final places on the phones.
	await expect(studio.getByRole('heading', { name: '颁奖台' })).toBeVisible();
	await expect(studio.getByText('游客小李').first()).toBeVisible();
	for (const page of [guest, officer]) {
		await expect(page.getByText('比赛结束')).toBeVisible();
		await expect(page.getByText(/你的最终名次：第 [12] 名/)).toBeVisible();
	}
	await expect(host.getByText('比赛已结束')).toBeVisible();

	for (const c of contexts) await c.close();
});
