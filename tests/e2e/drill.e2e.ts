// An officer on a phone: the daily practice from the bottom bar to the XP it earns, with the
// key kept out of the page until each answer is in; and a mock exam answer that survives a reload.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectHome, signIn } from './helpers';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** What the feedback says about the key, per question type; none of it may be shown earlier. */
const KEY_MARKERS = ['正确答案', '可接受的答案', '正确顺序'];
const TYPE_LABEL = /^(单选题|多选题|判断题|填空题|排序题)$/;

async function signInAsOfficer(page: Page): Promise<void> {
	// Hydration resets the username field (its value comes from the form result): type after it.
	await page.goto('/login', { waitUntil: 'networkidle' });
	await signIn(page, 'ln.officer', 'demo1234');
	await expectHome(page, '张执法，你好');
}

/** The phone's bottom bar (the header's copy of the nav is hidden at this width). */
function bottomBar(page: Page): Locator {
	return page.getByRole('navigation', { name: '练兵场' });
}

/** "More" becomes a menu button on mount: from then on answers go through the page's scripts. */
async function expectHydrated(page: Page): Promise<void> {
	await expect(bottomBar(page).getByRole('button', { name: '更多' })).toBeVisible();
}

function questionView(page: Page): Locator {
	return page.getByRole('main').getByRole('article');
}

/** Answers the question on screen the way a hurried officer would; returns its type label. */
async function answer(question: Locator): Promise<string> {
	const kind = ((await question.getByText(TYPE_LABEL).textContent()) ?? '').trim();
	if (kind === '判断题') {
		await question.getByRole('radio', { name: '对', exact: true }).check();
	} else if (kind === '单选题') {
		await question.getByRole('radio').first().check();
	} else if (kind === '多选题') {
		await question.getByRole('checkbox').nth(0).check();
		await question.getByRole('checkbox').nth(1).check();
	} else if (kind === '填空题') {
		await question.getByLabel('你的答案').fill('执法');
	} else if (kind === '排序题') {
		const steps = question.getByRole('listitem').getByRole('button');
		const count = await steps.count();
		for (let i = 0; i < count; i++) await steps.nth(i).click();
		await expect(question.getByLabel(/^排列顺序/)).toHaveValue('ABCDEFGH'.slice(0, count));
	} else {
		throw new Error(`unknown question type "${kind}"`);
	}
	return kind;
}

/** Which choices are ticked and what is typed, to compare before and after a reload. */
async function readAnswer(question: Locator): Promise<{ ticked: boolean[]; typed: string[] }> {
	const ticked = async (role: 'radio' | 'checkbox') =>
		question.getByRole(role).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked));
	return {
		ticked: [...(await ticked('radio')), ...(await ticked('checkbox'))],
		typed: await question
			.getByRole('textbox')
			.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
	};
}

test('an officer does the daily practice on a phone and earns XP', async ({ page }) => {
	await signInAsOfficer(page);
	await bottomBar(page).getByRole('link', { name: '练习', exact: true }).click();
	await expect(page).toHaveURL(/\/drill$/);

	const daily = page.getByRole('article', { name: '每日一练' });
	const open = daily.getByRole('link', { name: /^(开始今日练习|继续今日练习|再练一组)$/ });
	// Finishing the day's first set earns the completion bonus; a retry on the same database
	// finds the set done and earns no second one.
	const firstSetToday = (await open.textContent())?.trim() !== '再练一组';
	await open.click();
	await expect(page).toHaveURL(/\/drill\/daily$/);
	await expect(page.getByRole('heading', { level: 1, name: '每日一练' })).toBeVisible();
	await expectHydrated(page);

	const progress = page.getByText(/^第 \d+\/\d+ 题$/);
	const start = page.getByRole('button', { name: /^(开始今日练习|再练一组)$/ });
	// A retry on the same database finds the set already open.
	await expect(start.or(progress)).toBeVisible();
	if (await start.isVisible()) await start.click();

	const question = questionView(page);
	const submit = page.getByRole('button', { name: '提交答案' });
	const next = page.getByRole('button', { name: /^(下一题|查看结果)$/ });
	const verdict = page.getByRole('status').filter({ hasText: /^\W*回答(正确|错误)/ });
	const answered: string[] = [];
	let earned = 0;
	let right = 0;
	let size = 0;
	let first = 0;

	for (;;) {
		await expect(submit).toBeEnabled();
		const [, n, total] = ((await progress.textContent()) ?? '').match(/(\d+)\/(\d+)/) ?? [];
		size = Number(total);
		first ||= Number(n);
		expect(Number(n)).toBe(first + answered.length);

		const before = await page.content();
		for (const marker of KEY_MARKERS) expect(before).not.toContain(marker);

		answered.push(await answer(question));
		await submit.click();

		await expect(verdict).toBeVisible();
		const said = (await verdict.textContent()) ?? '';
		if (said.includes('回答正确')) right++;
		earned += Number(said.match(/\+(\d+) 经验/)?.[1] ?? 0);
		await expect(question.getByText(/正确答案|可接受的答案|正确顺序/).first()).toBeVisible();
		await expect(question.getByText('解析', { exact: true })).toBeVisible();
		await expect(question.getByText('法律依据', { exact: true })).toBeVisible();
		const explanation = ((await question.getByRole('definition').first().textContent()) ?? '')
			.trim()
			.replace(/^解析[：:]/, '');
		expect(explanation.length).toBeGreaterThan(10);
		expect(before).not.toContain(explanation);

		const label = await next.textContent();
		await next.click();
		if (label?.trim() === '查看结果') break;
		await expect(progress).toHaveText(`第 ${first + answered.length}/${size} 题`);
	}

	expect(size).toBe(10);
	expect(first + answered.length - 1).toBe(size);

	const summary = page.getByRole('region', { name: '本轮结果' });
	await expect(summary).toBeVisible();
	await expect(summary.getByText('今日练习已完成，连续学习已保持。')).toBeVisible();
	const score = summary.getByText(/^答对 \d+\/\d+ 题$/);
	const summaryXp = summary.getByText(/^获得 \d+ 经验$/);
	if (first === 1) {
		await expect(score).toHaveText(`答对 ${right}/${size} 题`);
		// The summary adds up the answers' XP and, for the day's first set, the completion bonus.
		const bonus = firstSetToday ? 30 : 0;
		if (earned + bonus > 0) await expect(summaryXp).toHaveText(`获得 ${earned + bonus} 经验`);
		else await expect(summaryXp).toHaveCount(0);
		await expect(summary.getByText('其中完成今日练习奖励 30 经验')).toHaveCount(bonus ? 1 : 0);
	} else {
		await expect(score).toBeVisible();
	}

	await summary.getByRole('link', { name: '返回练习' }).click();
	await expect(page).toHaveURL(/\/drill$/);
	await expect(daily.getByText('今日已完成')).toBeVisible();
	await expect(daily.getByRole('link', { name: '再练一组' })).toBeVisible();

	await bottomBar(page).getByRole('link', { name: '我的进步', exact: true }).click();
	await expect(page).toHaveURL(/\/progress$/);
	const level = page.getByRole('region', { name: '等级与经验' });
	const total = level.getByText(/^累计经验 \d+$/);
	await expect(total).toBeVisible();
	const xp = Number(((await total.textContent()) ?? '').replace(/\D/g, ''));
	expect(xp).toBeGreaterThan(0);
	if (firstSetToday) expect(xp).toBeGreaterThanOrEqual(earned + 30);
});

test('a mock exam answer is still selected after the page is reloaded', async ({ page }) => {
	await signInAsOfficer(page);
	await bottomBar(page).getByRole('link', { name: '练习', exact: true }).click();
	await page.getByRole('link', { name: /^模拟考试/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: '模拟考试' })).toBeVisible();

	await page
		.getByRole('button', { name: '开始考试' })
		.or(page.getByRole('link', { name: '继续作答' }))
		.first()
		.click();
	await expect(page).toHaveURL(/\/drill\/exam\/\d+(\?|$)/);
	await expectHydrated(page);

	const position = page.getByText(/^第 \d+ \/ \d+ 题$/);
	const [, n] = ((await position.textContent()) ?? '').match(/第 (\d+) \//) ?? [];
	const question = questionView(page);
	await answer(question);
	await expect(page.getByText('已保存', { exact: true })).toBeVisible();
	const given = await readAnswer(question);
	expect([...given.ticked, ...given.typed.map(Boolean)]).toContain(true);

	await page.reload();
	await expectHydrated(page);
	const card = page.getByRole('navigation', { name: '答题卡' });
	const answeredButton = card.getByRole('button', { name: `第${n}题，已作答` });
	await expect(answeredButton).toBeVisible();
	// Without ?q the paper resumes at the first unanswered question: go back to the one answered.
	if (!(await position.textContent())?.startsWith(`第 ${n} /`)) await answeredButton.click();
	await expect(position).toHaveText(new RegExp(`^第 ${n} / \\d+ 题$`));
	expect(await readAnswer(question)).toEqual(given);

	await page.reload();
	await expect(position).toHaveText(new RegExp(`^第 ${n} / \\d+ 题$`));
	expect(await readAnswer(question)).toEqual(given);
});
