// Issue 10 as a visitor and a member on a 375 px phone: the public portal (item 1), filing a need (issue 9
// item 10a), checking in by scanning the organizer's QR (item 4), buttons that know the state (item 8).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { startServer, type TestServer } from './server';
import {
  type ApiClient,
  apiAs,
  createActivity,
  DESKTOP,
  ensureVolunteer,
  launchWithCamera,
  MOBILE,
  shootBoth,
  signIn,
  watchProblems,
} from './usability-helpers';

describe('usability for visitors and members at 375 px', () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let problems: ReturnType<typeof watchProblems>;
  let zhibu: ApiClient;
  let dangyuan: ApiClient;
  let branchId = 0;
  const url = (path: string) => `${server.baseUrl}${path}`;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    // Two shared cores under load: pages can take a while to appear.
    page.setDefaultTimeout(90_000);
    await page.setViewportSize(MOBILE);
    problems = watchProblems(page);
    zhibu = await apiAs(server.baseUrl, 'zhibu');
    dangyuan = await apiAs(server.baseUrl, 'dangyuan');
    await ensureVolunteer(dangyuan);
    const me = await zhibu.get<{ roles: { role: string; unitId: number }[] }>('/api/me');
    branchId = me.roles.find((r) => r.role === 'branch_secretary')?.unitId as number;
    // The first start loads the standard demo school: on shared cores that takes minutes.
  }, 400_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('1 · opens a public portal at / that links every public page and sign-in, with no failed request', async () => {
    await page.goto(url('/'));
    await page.getByTestId('portal').waitFor();
    const tiles = page.getByTestId('portal-tile');
    expect(await tiles.allTextContents()).toEqual([
      expect.stringContaining('需求公示栏'),
      expect.stringContaining('提交需求'),
      expect.stringContaining('查询进度'),
      expect.stringContaining('证书验证'),
      expect.stringContaining('服务阵地'),
    ]);
    await page.getByTestId('portal').getByText('最新公示').waitFor();
    await shootBoth(page, 'portal', 'mobile');
    // No ECharts on the portal: the first load stays light.
    expect(
      await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .join(' '),
      ),
    ).not.toMatch(/echarts/i);

    // Every public page links back home and to sign-in; sign-in links to every public page.
    await tiles.filter({ hasText: '证书验证' }).click();
    await page.waitForURL(/\/verify$/);
    await page.getByTestId('public-nav').getByText('首页').click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('portal-sign-in').click();
    await page.waitForURL(/\/login/);
    const links = page.getByTestId('login-public-links');
    await links.locator('a').first().waitFor();
    expect(await links.locator('a').allTextContents()).toEqual([
      '首页',
      '需求公示栏',
      '提交需求',
      '查询进度',
      '证书验证',
      '服务阵地',
    ]);
    await screenshot(page, 'usability-login-links-375');
    await links.getByText('查询进度').click();
    await page.waitForURL(/\/track$/);
    await page.getByTestId('public-sign-in').waitFor();
    for (const path of ['/board', '/venues', '/board/new']) {
      await page.goto(url(path));
      await page.getByTestId('public-nav').waitFor();
      await page.waitForTimeout(300);
    }
    // Signed out is an answer, not an error: no 401 /api/me, no console error.
    expect(problems.take()).toEqual([]);
  }, 300_000);

  it('9 · lets a member file their own need, and says field problems without internal names', async () => {
    await page.goto(url('/track/XQ-BAD'));
    await page.waitForTimeout(800);
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toMatch(/trackingCode|onBehalf/);
    problems.take();

    await signIn(page, server.baseUrl, 'dangyuan');
    await page.goto(url('/demands/new'));
    await page.getByLabel('标题').fill('宿舍楼无障碍坡道损坏，请帮助报修');
    await page.getByLabel('需求描述').fill('3 号楼门口坡道有裂缝，轮椅同学进出不便。');
    await shootBoth(page, 'new-demand', 'mobile');
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/\/demands\/\d+$/);
    await page.getByTestId('demand-state').waitFor();
    expect(await page.getByTestId('demand-state').textContent()).toBe('待分拣');
    await screenshot(page, 'usability-new-demand-filed-375');
  }, 300_000);

  it('4 · checks in from "my shifts" by scanning the organizer’s QR, and names the activity', async () => {
    const title = '社区读书角志愿服务（扫码签到）';
    const { id, shiftId } = await createActivity(zhibu, branchId, { title, startIn: 10, capacity: 5 });
    expect((await dangyuan.post(`/api/volunteer/shifts/${shiftId}/signups`, { waitlist: false })).status).toBe(201);
    const code = await zhibu.get<{ code: string; qrSvg: string }>(`/api/volunteer/activities/${id}/checkin-code`);

    // The home tile leads to check-in without asking for an activity number shown nowhere.
    await page.goto(url('/'));
    await page.getByTestId('quick-links').getByText('签到签退').click();
    await page.waitForURL(/\/volunteer\/check-in$/);
    expect(await page.locator('body').textContent()).not.toContain('活动编号');
    const shift = page.getByTestId('my-shift').filter({ hasText: title });
    await shift.waitFor();
    expect(await page.getByTestId('my-shift').first().textContent()).toContain(title);
    await screenshot(page, 'usability-checkin-my-shifts-375');

    // The scanner: headless Chromium has no camera, so the page offers a photo, which is read with the same decoder.
    await page.getByTestId('scan-button').click();
    await page.getByTestId('qr-scanner').waitFor();
    await page.getByText('拍照识别').waitFor();
    await screenshot(page, 'usability-checkin-scanner-375');
    const qr = await qrPng(code.qrSvg);
    await page.getByTestId('qr-photo').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: qr });
    const card = page.getByTestId('checkin-activity');
    await card.getByText(title).waitFor();
    expect(await page.getByLabel('签到码', { exact: true }).inputValue()).toBe(code.code);
    await page.getByRole('button', { name: /^签\s*到$/ }).click();
    await page.getByTestId('checkin-result').waitFor();
    expect(await page.getByTestId('checkin-result').textContent()).toContain('签到成功');
    await screenshot(page, 'usability-checkin-done-375');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // 我的活动 starts with the shifts to check in to.
    await page.goto(url('/volunteer?view=mine'));
    await page.getByTestId('my-shifts').getByText(title).waitFor();
    await screenshot(page, 'usability-my-activities-375');

    // With a camera: the live scanner reads the QR from the video and fills in the activity and the code.
    const now = await zhibu.get<{ code: string; qrSvg: string }>(`/api/volunteer/activities/${id}/checkin-code`);
    const phone = await launchWithCamera(await qrJpeg(now.qrSvg));
    try {
      const cam = await phone.context.newPage();
      cam.setDefaultTimeout(90_000);
      await cam.setViewportSize(MOBILE);
      await signIn(cam, server.baseUrl, 'dangyuan');
      await cam.goto(url('/volunteer/check-in'));
      await cam.getByTestId('scan-button').click();
      await cam.getByTestId('checkin-activity').getByText(title).waitFor();
      expect(await cam.getByLabel('签到码', { exact: true }).inputValue()).toBe(now.code);
      await screenshot(cam, 'usability-checkin-camera-375');
    } finally {
      await phone.close();
    }
  }, 300_000);

  it('8 · offers 候补 with my place on a full shift, 补签 only after the start, and confirms claims', async () => {
    const title = '周末敬老院陪伴（名额已满）';
    const { id, shiftId } = await createActivity(zhibu, branchId, { title, startIn: 300, capacity: 1 });
    // Another member of the branch takes the only seat.
    const qunzhong = await apiAs(server.baseUrl, 'qunzhong');
    await ensureVolunteer(qunzhong);
    const taken = await qunzhong.post(`/api/volunteer/shifts/${shiftId}/signups`, { waitlist: false });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);

    await page.goto(url(`/volunteer/activities/${id}`));
    const card = page.getByTestId('shift-card');
    await card.waitFor();
    expect(await card.getByRole('button', { name: /报\s*名/ }).count()).toBe(0);
    await card.getByTestId('waitlist-button').click();
    const dialog = page.locator('.ant-modal-confirm');
    await dialog.getByText('加入候补后您排第 1 位').waitFor();
    // Drawn by the app's theme (red), not antd's default blue.
    const ok = dialog.locator('.ant-btn-primary');
    expect(await ok.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(200, 22, 29)');
    await screenshot(page, 'usability-waitlist-dialog-375');
    await ok.click();
    await card.getByTestId('my-waiting-place').waitFor();
    expect(await card.getByTestId('my-waiting-place').textContent()).toBe('候补第 1 位');
    await screenshot(page, 'usability-waitlist-place-375');

    // 补签 is not offered for a shift that has not started (the check-in activity above starts in minutes).
    const upcoming = await dangyuan.get<{ items: { activityId: number; title: string }[] }>(
      '/api/volunteer/my/signups',
    );
    const checkinActivity = upcoming.items.find((s) => s.title.includes('扫码签到'))?.activityId;
    await page.goto(url(`/volunteer/activities/${checkinActivity}`));
    await page.getByTestId('shift-card').waitFor();
    expect(await page.getByRole('button', { name: '申请补签' }).count()).toBe(0);

    // 我来认领 asks first.
    await page.goto(url('/demands/fit-me'));
    await page
      .getByTestId('fit-list')
      .getByRole('button', { name: /我来认领/ })
      .first()
      .click();
    await page.locator('.ant-modal-confirm-title').getByText(/认领“/).waitFor();
    await screenshot(page, 'usability-claim-confirm-375');
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /再想想/ })
      .click();

    // A community post I claimed says so.
    const zuzhibu = await apiAs(server.baseUrl, 'zuzhibu');
    const posts = await zuzhibu.get<{ items: { id: number; partnerId: number; title: string; status: string }[] }>(
      '/api/volunteer/community-posts',
    );
    const postToClaim = posts.items.find((p) => p.status === 'open') as { partnerId: number; title: string };
    expect(
      (await dangyuan.post('/api/volunteer/dual-reports', { partnerId: postToClaim.partnerId, address: '文苑路1号' }))
        .status,
    ).toBe(201);
    await page.goto(url('/volunteer/dual-report'));
    const item = page.locator('.ant-list-item').filter({ hasText: postToClaim.title }).first();
    await item.getByRole('button', { name: /认\s*领/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确认认领/ })
      .click();
    await item.getByTestId('post-claimed').waitFor();
    await screenshot(page, 'usability-post-claimed-375');
  }, 300_000);

  /** The organizer's QR as a PNG (a photo of it), drawn by the browser from the server's SVG. */
  async function qrPng(svg: string): Promise<Buffer> {
    const other = await browser.context.newPage();
    await other.setViewportSize(DESKTOP);
    await other.setContent(
      `<body style="margin:0;background:#fff"><img id="qr" width="360" height="360" src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}"></body>`,
    );
    const png = await other.locator('#qr').screenshot();
    await other.close();
    return png;
  }
  /** A 640×480 camera frame with the QR in the middle, as JPEG. */
  async function qrJpeg(svg: string): Promise<Buffer> {
    const other = await browser.context.newPage();
    await other.setViewportSize({ width: 640, height: 480 });
    await other.setContent(
      `<body style="margin:0;background:#fff;display:flex;align-items:center;justify-content:center;height:480px"><img width="400" height="400" src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}"></body>`,
    );
    const jpeg = await other.screenshot({ type: 'jpeg', quality: 90 });
    await other.close();
    return jpeg;
  }
});
