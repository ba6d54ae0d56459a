// 统计与考核 in the browser: the organization department opens 指标库 from the menu, opens a value down to its
// rows (the count matches), then sets this year's indicator system for student branches (the default 六有, a
// weight changed shows the red sum and the save is refused, put back and saved). A member opens 我的年度服务
// on a phone. Screenshots at 1280 px (office) and 375 px (member).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { startServer, type TestServer } from './server';

describe('measures, indicator system and my year in the browser', () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(username: string) {
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('Demo@2026');
    await page.locator('button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  it('opens a measure from the menu down to the rows behind it', { timeout: 300_000 }, async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn('zuzhibu');
    await page.getByRole('menuitem', { name: '指标库' }).click();
    await page.waitForURL(/\/measures/);
    const link = page.getByTestId('measure-volunteering.activities_held');
    await link.waitFor();
    await screenshot(page, 'measures-1280');
    await link.click();
    await page.waitForURL(/\/measures\/volunteering\.activities_held/);
    const value = await page.getByTestId('measure-value').textContent();
    const rows = page.locator('[data-testid=measure-rows] .ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    // The value is a count: it is the number of rows (all on the first page when fewer than 50).
    const n = Number(value);
    expect(n).toBeGreaterThan(0);
    if (n <= 50) expect(await rows.count()).toBe(n);
    await screenshot(page, 'measure-rows-1280');
  });

  it('sets the year’s indicator system with the live weight check', { timeout: 300_000 }, async () => {
    await page.getByRole('menuitem', { name: '考核指标体系' }).click();
    await page.waitForURL(/\/assessment\/indicators/);
    await page.getByText('学生党支部').click();
    await page.getByTestId('create-system').click();
    await page.locator('input[value="有坚强有力的领导班子"]').waitFor();
    await expect.poll(() => page.locator('input[value="有群众满意的服务业绩"]').count()).toBe(1);
    const sums = page.getByTestId('weight-sum');
    expect(await sums.first().textContent()).toContain('100');

    const firstWeight = page.getByLabel('权重').first();
    await firstWeight.fill('10');
    await expect.poll(() => sums.first().textContent()).toContain('95');
    await page.getByTestId('save-system').click();
    await page.locator('.ant-message-notice', { hasText: '100' }).first().waitFor();
    await screenshot(page, 'indicators-bad-sum-1280');
    // The refused save has finished (antd keeps the button busy a moment) before the second try.
    await expect
      .poll(() => page.getByTestId('save-system').getAttribute('class'), { timeout: 10_000 })
      .not.toContain('ant-btn-loading');
    await firstWeight.fill('15');
    await expect.poll(() => sums.first().textContent()).toContain('100');
    await page.getByTestId('save-system').click();
    await page.locator('.ant-message-notice', { hasText: '已保存' }).first().waitFor();
    await screenshot(page, 'indicators-1280');
  });

  it('a member reads their year of service on a phone', { timeout: 300_000 }, async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn('dangyuan');
    await page.goto(`${server.baseUrl}/me/year`);
    await page.getByTestId('year-hours').waitFor();
    expect(await page.getByText('服务档案').count()).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'member-year-375');
  });
});
