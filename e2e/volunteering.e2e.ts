// 志愿服务 as people use it on their phones (375 px), against the real server in Chromium: an organizer publishes
// an activity with a shift → three members register and sign up → each checks in with the organizer's rotating
// code → the organizer closes the activity → the hours show → a certificate is issued and downloads → its serial
// verifies on the public page (and a forged one does not). A member who could not scan files a 补签 request and
// sees it waiting for review (补签待审核).
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { startServer, type TestServer } from './server';

const PASSWORD = 'Demo@2026';
const MOBILE = { width: 375, height: 812 };
const MEMBERS = ['dangyuan', 'jiaogong', 'qunzhong'];
/** datetime-local text in Asia/Shanghai (the browser's zone) for an instant. */
const shanghaiLocal = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);

describe('volunteering in the browser at 375 px', () => {
  let server: TestServer;
  let organizer: Awaited<ReturnType<typeof launchBrowser>>;
  let member: Awaited<ReturnType<typeof launchBrowser>>;
  let org: Page;
  let me: Page;

  beforeAll(async () => {
    server = await startServer();
    organizer = await launchBrowser();
    member = await launchBrowser();
    org = await organizer.context.newPage();
    me = await member.context.newPage();
    await org.setViewportSize(MOBILE);
    await me.setViewportSize(MOBILE);
  });
  afterAll(async () => {
    await organizer?.close();
    await member?.close();
    await server?.stop();
  });

  async function signIn(page: Page, username: string) {
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }
  const shoot = async (page: Page, name: string) => {
    await page.waitForTimeout(300);
    return screenshot(page, `volunteering-${name}`);
  };

  /** The organizer publishes an activity with one hour-long shift starting in `startIn` minutes; returns its id. */
  async function publish(title: string, startIn: number, shot?: string) {
    await org.goto(`${server.baseUrl}/volunteer/activities/new`);
    await org.getByLabel('活动名称').fill(title);
    await org.getByLabel('地点').fill('仙林街道文苑社区活动中心');
    const start = Date.now() + startIn * 60_000;
    await org.getByLabel('开始', { exact: true }).fill(shanghaiLocal(start));
    await org.getByLabel('结束', { exact: true }).fill(shanghaiLocal(start + 60 * 60_000));
    if (shot) await shoot(org, shot);
    await org
      .getByRole('button', { name: '发 布' })
      .or(org.getByRole('button', { name: '发布' }))
      .click();
    await org.waitForURL(/\/volunteer\/activities\/\d+$/);
    return Number(new URL(org.url()).pathname.split('/').pop());
  }

  // Skipped: this flow closes (结项) an activity minutes after check-in, which issue 9 item 10(c) now refuses
  // until every shift has ended (covered by server/src/modules/volunteering/closing.test.ts), and its date
  // inputs became antd pickers (issue 10 item 9). The certificate half runs in e2e/hours-review.e2e.ts; this
  // flow is to be rebuilt around a shift that has ended.
  it.skip('runs an activity from publishing to a verified certificate', { timeout: 600_000 }, async () => {
    const title = `端到端测试：社区敬老服务 ${Date.now() % 10000}`;
    await signIn(org, 'zongzhi');
    const activityId = await publish(title, 10, '1-new-activity');

    let volunteerNo = '';
    for (const username of MEMBERS) {
      await signIn(me, username);
      await me.goto(`${server.baseUrl}/volunteer/registration`);
      const register = me.getByRole('button', { name: '注册为志愿者' });
      await me.locator('[data-testid=volunteer-no], button:has-text("注册为志愿者")').first().waitFor();
      if (await register.isVisible()) await register.click();
      const number = (await me.locator('[data-testid=volunteer-no]').textContent()) ?? '';
      if (username === 'dangyuan') volunteerNo = number.replace('志愿者编号：', '').trim();
      await me.goto(`${server.baseUrl}/volunteer/activities/${activityId}`);
      await me
        .getByTestId('shift-card')
        .getByRole('button', { name: /报\s?名/ })
        .click();
      await me.getByText('报名成功').waitFor();
      if (username === 'dangyuan') await shoot(me, '2-signed-up');
    }
    expect(volunteerNo).toMatch(/-V-\d{4}-\d{6}$/);

    await org.goto(`${server.baseUrl}/volunteer/activities/${activityId}/code`);
    await org.getByTestId('checkin-code').waitFor();
    await shoot(org, '3-rotating-code');
    for (const username of MEMBERS) {
      await signIn(me, username);
      await me.goto(`${server.baseUrl}/volunteer/check-in?activity=${activityId}`);
      const code = ((await org.getByTestId('checkin-code').textContent()) ?? '').trim();
      expect(code).toMatch(/^\d{6}$/);
      await me.getByLabel('签到码').fill(code);
      await me.getByRole('button', { name: /^签\s?到$/ }).click();
      await expect
        .poll(
          async () =>
            (await me
              .getByTestId('checkin-result')
              .textContent()
              .catch(() => '')) ?? '',
          { timeout: 15_000 },
        )
        .toContain('签到成功');
      if (username === 'dangyuan') await shoot(me, '4-checked-in');
    }

    await org.goto(`${server.baseUrl}/volunteer/activities/${activityId}`);
    await org.getByTestId('roster').getByText('已签到 3 / 3').waitFor();
    await org.getByRole('button', { name: '结项并记入时长' }).click();
    await org
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /结\s?项/ })
      .click();
    await org.getByText('出勤 3 人').waitFor();
    await shoot(org, '5-closed');

    await signIn(me, 'dangyuan');
    await me.goto(`${server.baseUrl}/volunteer/hours`);
    await me.getByTestId('hours-entry').filter({ hasText: title }).waitFor();
    expect(await me.getByTestId('hours-entry').filter({ hasText: title }).textContent()).toContain('1小时');
    await shoot(me, '6-my-hours');

    await org.goto(`${server.baseUrl}/volunteer/certificates/issue`);
    await org.locator('#personId').fill(volunteerNo);
    await org.locator('.ant-select-item-option').filter({ hasText: volunteerNo }).click();
    await org.getByRole('button', { name: '出具证明' }).click();
    await org.getByText('已出具，编号').waitFor();

    await me.goto(`${server.baseUrl}/volunteer/certificates`);
    const card = me.getByTestId('certificate-card').first();
    await card.waitFor();
    const serial = ((await card.getByTestId('certificate-serial').textContent()) ?? '').trim();
    expect(serial).toMatch(/^JNSD-VC-\d{4}-[A-Z2-9]{10}$/);
    await shoot(me, '7-my-certificates');
    const [download] = await Promise.all([
      me.waitForEvent('download'),
      card.getByRole('button', { name: /下载/ }).click(),
    ]);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

    await me.context().clearCookies();
    await me.goto(`${server.baseUrl}/verify/${serial}`);
    await me.getByTestId('verify-result').getByText('证明真实有效').waitFor();
    await shoot(me, '8-verified');
    await me.goto(`${server.baseUrl}/verify/${serial.slice(0, -1)}${serial.endsWith('A') ? 'B' : 'A'}`);
    await me.getByTestId('verify-result').getByText('查无此证明', { exact: true }).waitFor();
    await me.goto(`${server.baseUrl}/venues`);
    await me.getByTestId('public-venue').first().waitFor();
    await shoot(me, '9-public-venues');
  });

  // Skipped for the same rebuild: 申请补签 now appears only once the shift has started (issue 10 item 8), and
  // this flow asks for it on a shift three hours ahead (e2e/usability-member.e2e.ts covers the new button states).
  it.skip('shows a member’s 补签 request as 补签待审核', { timeout: 300_000 }, async () => {
    await signIn(org, 'zongzhi');
    // Later than the first activity's shift, so the sign-up does not overlap it.
    const activityId = await publish(`端到端测试：补签 ${Date.now() % 10000}`, 180);
    await signIn(me, 'dangyuan');
    await me.goto(`${server.baseUrl}/volunteer/activities/${activityId}`);
    const card = me.getByTestId('shift-card');
    await card.getByRole('button', { name: /报\s?名/ }).click();
    await me.getByText('报名成功').waitFor();
    await card.getByRole('button', { name: '申请补签' }).click();
    await me.locator('.ant-modal textarea').fill('手机没电，未能扫码签到，现场由志愿者负责人见证');
    await me.locator('.ant-modal-footer button.ant-btn-primary').click();
    const tag = card.locator('.ant-tag', { hasText: '补签待审核' });
    await tag.waitFor();
    expect(await tag.isVisible()).toBe(true);
    expect((await tag.textContent())?.trim()).toBe('补签待审核');
    // Not yet 已签到: a manual entry counts only once the organizer approves it.
    expect(await card.locator('.ant-tag', { hasText: '已签到' }).count()).toBe(0);
    // The toasts gone, so nothing covers the page in the shot.
    await me.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
    await shoot(me, '10-manual-pending');
  });
});
