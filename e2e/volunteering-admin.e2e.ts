// 志愿服务 management in the browser at 375 px: 组织部 forms a team (with a leader found by people search) and
// opens a venue (an off-campus type, so it names its partner), then sees both in their lists.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { startServer, type TestServer } from './server';

const MOBILE = { width: 375, height: 812 };

describe('volunteering teams and venues in the browser', () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize(MOBILE);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens a Select by its label and clicks the visible option containing `text`. */
  async function choose(label: string, text: string) {
    await page.getByLabel(label).last().click();
    await page.waitForTimeout(300);
    await page.locator('.ant-select-item-option:visible', { hasText: text }).first().click();
  }
  /** Types into a people search and takes the first person it finds. */
  async function pickPerson(label: string, q: string) {
    await page.getByLabel(label).last().click();
    await page.keyboard.type(q);
    const option = page.locator('.ant-select-item-option:visible', { hasText: '，' }).first();
    await option.waitFor();
    await option.click();
  }

  it('creates a team and a venue and lists them', { timeout: 300_000 }, async () => {
    const suffix = Date.now() % 10000;
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill('zuzhibu');
    await page.getByLabel('密码').fill('Demo@2026');
    await page.locator('button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    const team = `端到端服务队${suffix}`;
    await page.goto(`${server.baseUrl}/volunteer/teams`);
    await page.getByRole('button', { name: /组建团队/ }).click();
    await page.getByLabel('团队名称').fill(team);
    await choose('团队类型', '校内党员服务示范团队');
    await pickPerson('搜索队长', '王');
    await page.getByLabel('服务特长').last().click();
    await page.keyboard.type('义诊');
    await page.keyboard.press('Enter');
    await page.locator('.ant-modal-footer button.ant-btn-primary').click();
    await page.waitForURL(/\/volunteer\/teams\/\d+$/);
    await page.getByRole('heading', { name: team }).waitFor();
    await page.goto(`${server.baseUrl}/volunteer/teams`);
    await page.getByText(team).waitFor();
    expect(await page.locator('a[href^="/volunteer/teams/"]', { hasText: team }).count()).toBe(1);
    await screenshot(page, 'volunteering-admin-teams');

    const venue = `端到端党员工作室${suffix}`;
    await page.goto(`${server.baseUrl}/volunteer/venues`);
    await page.getByRole('button', { name: /新建阵地/ }).click();
    await page.getByLabel('阵地名称').fill(venue);
    await choose('阵地类型', '党员工作室');
    await choose('共建单位', '社区');
    await page.getByLabel('地址').fill('仙林大道1号');
    await page.getByLabel('开放时间').fill('工作日 8:30–17:00');
    await pickPerson('搜索负责人', '王');
    await page.locator('.ant-modal-footer button.ant-btn-primary').click();
    await page.waitForURL(/\/volunteer\/venues\/\d+$/);
    await page.getByRole('heading', { name: venue }).waitFor();
    await page.goto(`${server.baseUrl}/volunteer/venues`);
    await page.getByText(venue).waitFor();
    expect(await page.locator('a[href^="/volunteer/venues/"]', { hasText: venue }).count()).toBe(1);
    await screenshot(page, 'volunteering-admin-venues');
  });
});
