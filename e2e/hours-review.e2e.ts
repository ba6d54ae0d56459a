// Flagged hours count only after review (issue 16), in Chromium against the real server: a branch secretary
// enters hours for a member long after the service (补录, flagged "entered late") → the member sees them as
// 复核中 on the phone (375 px), left out of the total → the general-branch secretary (above the recorder) finds
// them in the review queue (1280 px) and accepts them with a reason → the certificate now counts them.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { startServer, type TestServer } from './server';

const PASSWORD = 'Demo@2026';
const DESKTOP = { width: 1280, height: 900 };
const MOBILE = { width: 375, height: 812 };
/** datetime-local text in Asia/Shanghai (the browser's zone) for an instant. */
const shanghaiLocal = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
const DAY = 86_400_000;

describe('review of flagged hours in the browser', () => {
  let server: TestServer;
  let office: Awaited<ReturnType<typeof launchBrowser>>;
  let phone: Awaited<ReturnType<typeof launchBrowser>>;
  let org: Page;
  let me: Page;

  beforeAll(async () => {
    server = await startServer();
    office = await launchBrowser();
    phone = await launchBrowser();
    org = await office.context.newPage();
    me = await phone.context.newPage();
    await org.setViewportSize(DESKTOP);
    await me.setViewportSize(MOBILE);
  }, 600_000);
  afterAll(async () => {
    await office?.close();
    await phone?.close();
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
  const fetchJson = (page: Page, url: string) =>
    page.evaluate(async (u) => (await fetch(u, { credentials: 'same-origin' })).json(), url);

  it('enters late hours → pending for the member → accepted by a reviewer → counted on the certificate', {
    timeout: 600_000,
  }, async () => {
    const description = `端到端补录：社区助老上门服务 ${Date.now() % 10000}`;
    await signIn(me, 'dangyuan');
    const mine = await fetchJson(me, '/api/volunteer/me');
    const volunteerNo: string = mine.registration.volunteerNo;
    const personId: number = mine.registration.personId;
    expect(volunteerNo).toMatch(/-V-\d{4}-\d{6}$/);

    // The branch secretary types in hours served 45 days ago.
    await signIn(org, 'zhibu');
    const roles: { role: string; unitId: number }[] = (await fetchJson(org, '/api/me')).roles;
    const unitId = roles.find((r) => r.role === 'branch_secretary')?.unitId ?? 0;
    expect(unitId).toBeGreaterThan(0);
    const served = Date.now() - 45 * DAY;
    const period = `from=${new Date(served - DAY).toISOString().slice(0, 10)}&to=${new Date().toISOString().slice(0, 10)}`;
    const previewUrl = () => `/api/volunteer/certificates/preview?personId=${personId}&unitId=${unitId}&${period}`;
    const before = await fetchJson(org, previewUrl());

    await org.goto(`${server.baseUrl}/volunteer/ledger`);
    await org.getByTestId('enter-hours').click();
    const dialog = org.locator('.ant-modal');
    await dialog.getByLabel('志愿者').fill(volunteerNo);
    await org.locator('.ant-select-item-option').filter({ hasText: volunteerNo }).click();
    await dialog.getByLabel('来源记录编号（服务需求或值班）').fill('7');
    await dialog.getByLabel('服务开始').fill(shanghaiLocal(served));
    await dialog.getByLabel('服务结束').fill(shanghaiLocal(served + 2 * 3600_000));
    await dialog.getByLabel('时长（分钟）').fill('120');
    await dialog.getByLabel('服务内容').fill(description);
    await screenshot(org, 'hours-review-1-enter-1280');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await org.getByText('已录入；如有疑点，将在复核通过后计入').waitFor();

    // The member sees them as under review, not in the total.
    await me.goto(`${server.baseUrl}/volunteer/hours`);
    const entry = me.getByTestId('hours-entry').filter({ hasText: description });
    await entry.waitFor();
    await entry.getByTestId('pending-tag').waitFor();
    expect(await entry.textContent()).toContain('服务结束');
    await me.getByTestId('pending-note').waitFor();
    await entry.scrollIntoViewIfNeeded();
    await screenshot(me, 'hours-review-2-member-pending-375');
    const width = await me.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);

    // The issuing officer sees why these hours are left out of a certificate for now.
    const pendingPreview = await fetchJson(org, previewUrl());
    expect(pendingPreview.totalMinutes).toBe(before.totalMinutes);
    expect(pendingPreview.pending.map((p: { title: string }) => p.title)).toContain(description);

    // The general-branch secretary, above the recorder, accepts them from the review queue.
    await signIn(org, 'zongzhi');
    await org.goto(`${server.baseUrl}/volunteer/review`);
    const row = org.locator('tr').filter({ hasText: description });
    await row.waitFor();
    await org.getByTestId('overdue').first().waitFor();
    await screenshot(org, 'hours-review-3-queue-1280');
    await row.getByTestId('accept-one').click();
    await org.locator('.ant-modal').getByLabel('复核理由').fill('经核对社区签到表，服务属实');
    await org
      .locator('.ant-modal')
      .getByRole('button', { name: /确\s?定/ })
      .click();
    await org.getByText('已复核 1 条').waitFor();
    await row.waitFor({ state: 'detached' });

    await me.goto(`${server.baseUrl}/volunteer/hours`);
    await entry.waitFor();
    expect(await entry.getByTestId('pending-tag').count()).toBe(0);
    expect(await entry.textContent()).toContain('已复核认定');
    await screenshot(me, 'hours-review-4-member-accepted-375');

    // The certificate now counts them.
    await signIn(org, 'zhibu');
    await org.goto(`${server.baseUrl}/volunteer/certificates/issue`);
    await org.locator('#personId').fill(volunteerNo);
    await org.locator('.ant-select-item-option').filter({ hasText: volunteerNo }).click();
    await org.getByTestId('certificate-preview').waitFor();
    const after = await fetchJson(org, previewUrl());
    expect(after.totalMinutes - before.totalMinutes).toBe(120);
    expect(after.lines.map((l: { title: string }) => l.title)).toContain(description);
    await screenshot(org, 'hours-review-5-issue-1280');
    await org.getByRole('button', { name: /出具证明/ }).click();
    await org
      .getByText(/已出具，编号/)
      .first()
      .waitFor();
    const register = await fetchJson(org, '/api/volunteer/certificates');
    const latest = register.items[0];
    const verified = await fetchJson(org, `/api/public/certificates/${latest.serial}`);
    expect(verified.valid).toBe(true);
    expect(verified.totalMinutes).toBeGreaterThanOrEqual(120);
  });
});
