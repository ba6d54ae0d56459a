// 志愿服务 management in the browser at 375 px: 组织部 forms a team (with a leader found by people search) and
// opens a venue (an off-campus type, so it names its partner), then sees both in their lists. Then the three
// closing actions, each clicked once: withdraw a swap request (撤回换班), close a venue (关闭阵地, with a reason),
// close a community service post (关闭岗位); each result is captured at 1280 and 375 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { startServer, type TestServer } from './server';

const MOBILE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };

describe('volunteering teams and venues in the browser', () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let venueUrl = '';
  let venueName = '';

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
  /** Types into a people search and takes the first person it finds (other than `except`, when given). */
  async function pickPerson(label: string, q: string, except?: string) {
    await page.getByLabel(label).last().click();
    await page.keyboard.type(q);
    let options = page.locator('.ant-select-item-option:visible', { hasText: '，' });
    if (except) options = options.filter({ hasNotText: except });
    const option = options.first();
    await option.waitFor();
    await option.click();
  }
  /** The page at 1280 px and at 375 px (the phone width the flow runs at). */
  async function shootBoth(name: string) {
    // Toasts gone and scrolled to the top, so the sticky header sits where it belongs in a full-page shot.
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize(DESKTOP);
    await page.waitForTimeout(400);
    await screenshot(page, `volunteering-admin-${name}-1280`);
    await page.setViewportSize(MOBILE);
    await page.waitForTimeout(400);
    await screenshot(page, `volunteering-admin-${name}-375`);
  }
  /** The toast a mutation shows once the server has answered. */
  const toast = (text: string) => page.locator('.ant-message-notice', { hasText: text }).first().waitFor();

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
    venueUrl = page.url();
    venueName = venue;
    await page.goto(`${server.baseUrl}/volunteer/venues`);
    await page.getByText(venue).waitFor();
    expect(await page.locator('a[href^="/volunteer/venues/"]', { hasText: venue }).count()).toBe(1);
    await screenshot(page, 'volunteering-admin-venues');
  });

  it('withdraws a swap request from 我的值班', { timeout: 300_000 }, async () => {
    expect(venueUrl).not.toBe('');
    const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
    const myName: string = me.person.name;
    // 组织部 puts themself on the new venue's roster, then asks a colleague to take the duty.
    await page.goto(venueUrl);
    await page.getByRole('button', { name: /排\s?班/ }).click();
    await pickPerson('搜索值班人员', myName);
    await page.locator('.ant-modal-footer button.ant-btn-primary').click();
    await toast('已排班');
    await page.getByRole('button', { name: '申请换班' }).click();
    await pickPerson('搜索代班人员', '王', myName);
    await page.locator('.ant-modal textarea').fill('当天要参加组织部例会');
    await page.locator('.ant-modal-footer button.ant-btn-primary').click();
    await toast('换班申请已发送');

    await page.goto(`${server.baseUrl}/volunteer/venues`);
    const duties = page.getByTestId('my-duties');
    await duties.getByText(/换班待 .+ 确认/).waitFor();
    await duties.getByRole('button', { name: '撤回换班' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByText(/撤回请.+代班的申请？/)
      .waitFor();
    await page.waitForTimeout(500); // the pop-in animation
    await screenshot(page, 'volunteering-admin-swap-confirm-375');
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await toast('换班申请已撤回');
    await duties.getByRole('button', { name: '申请换班' }).waitFor();
    expect(await duties.getByRole('button', { name: '撤回换班' }).count()).toBe(0);
    expect(await duties.getByText(/换班待 .+ 确认/).count()).toBe(0);
    await shootBoth('swap-withdrawn');
  });

  it('closes a venue with a reason; it leaves the public list, its roster stays', { timeout: 300_000 }, async () => {
    await page.goto(venueUrl);
    await page.getByRole('heading', { name: venueName }).waitFor();
    await page.getByRole('button', { name: '关闭阵地' }).click();
    await page.getByLabel('关闭原因').fill('阵地搬迁，并入学院党员之家');
    await page.waitForTimeout(500); // the dialog's zoom-in animation
    await screenshot(page, 'volunteering-admin-venue-close-dialog-375');
    await page.locator('.ant-modal-footer button.ant-btn-primary').click();
    await toast('阵地已关闭，已取消 1 个尚未开始的值班');
    await page.getByTestId('venue-closed').waitFor();
    expect(await page.getByRole('button', { name: /排\s?班/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '关闭阵地' }).count()).toBe(0);
    // The history stays: the duty scheduled before closing is still on the roster.
    await page.getByText('值班表', { exact: true }).waitFor();
    await page.locator('.ant-list-item', { hasText: '值班' }).getByText('已取消').waitFor();
    await shootBoth('venue-closed');

    await page.goto(`${server.baseUrl}/venues`);
    await page.getByTestId('public-venue').first().waitFor();
    expect(await page.getByTestId('public-venue').filter({ hasText: venueName }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/volunteer/venues`);
    await page.getByRole('switch', { name: '显示已关闭的阵地' }).click();
    await page.locator('a[href^="/volunteer/venues/"]', { hasText: venueName }).getByText('已关闭').waitFor();
  });

  it('closes a community service post; it takes no more claims', { timeout: 300_000 }, async () => {
    await page.goto(`${server.baseUrl}/volunteer/dual-report`);
    await page.getByRole('tab', { name: '服务岗位' }).click();
    const row = page
      .getByTestId('post-row')
      .filter({ has: page.getByRole('button', { name: /关\s?闭/ }) })
      .first();
    await row.waitFor();
    const postId = await row.getAttribute('data-post-id');
    await row.getByRole('button', { name: /关\s?闭/ }).click();
    await page.locator('.ant-popconfirm').getByText('关闭后不再接受认领，已有的认领保留。').waitFor();
    await page.waitForTimeout(500); // the pop-in animation
    await screenshot(page, 'volunteering-admin-post-confirm-375');
    await page.locator('.ant-popconfirm').getByRole('button', { name: '关闭岗位' }).click();
    await toast('岗位已关闭');
    const closed = page.locator(`[data-post-id="${postId}"]`);
    await closed.getByText('已关闭').waitFor();
    expect(await closed.getByRole('button', { name: /关\s?闭/ }).count()).toBe(0);
    await shootBoth('post-closed');
  });
});
