// Issue 10 items 5, 6, 7, 11, 12 in Chromium: office lists (audit log, role holders, 双报到, certificate desk,
// hours import) at 1280 px with their Excel exports read back with exceljs and compared with the API's list for
// the same filters; the roster round trip in the wizard; the member pages (calendar, certificate request,
// nearby, poster) at 375 px. Screenshots: artifacts/screenshots/office-*.png.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { startServer, type TestServer } from './server';
import { type ApiClient, apiAs, createActivity, DESKTOP, MOBILE, signIn } from './usability-helpers';

async function rowsOf(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(String(row.getCell(c).value ?? ''));
    rows.push(cells);
  });
  return rows;
}

/** Clicks the page's export button and reads the file the browser downloads. */
async function exported(page: Page, testId = 'export-xlsx'): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = await download.path();
  return rowsOf(fs.readFileSync(file));
}

describe('office lists and member habits', () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let zongzhi: ApiClient;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    // Two shared cores under load: the first page of a fresh server can take a while.
    page.setDefaultTimeout(90_000);
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').waitFor();
    zongzhi = await apiAs(server.baseUrl, 'zongzhi');
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('audit log: Chinese actions and names, a date range, and an export equal to the list', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    // A fresh demo school has no audit events yet: something happens in the college first.
    const zhibu = await apiAs(server.baseUrl, 'zhibu');
    const me = await zhibu.get<{ roles: { role: string; unitId: number }[] }>('/api/me');
    const branch = me.roles.find((r) => r.role === 'branch_secretary')!.unitId;
    await createActivity(zhibu, branch, { title: '审计演示活动', startIn: 600, capacity: 3 });
    await signIn(page, server.baseUrl, 'zongzhi');
    await page.setViewportSize(DESKTOP);
    await page.goto(`${server.baseUrl}/audit?from=2020-01-01&to=${today}`);
    await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor();
    const body = await page.getByTestId('audit-table').textContent();
    expect(body).not.toMatch(/#\d+\s*$/m);
    await screenshot(page, 'office-audit-1280');
    const api = await zongzhi.get<{ items: { id: number; actionLabel: string }[]; total: number }>(
      `/api/audit?from=2020-01-01&to=${today}&pageSize=200`,
    );
    const rows = await exported(page);
    expect(rows[0].slice(0, 4)).toEqual(['时间', '操作', '对象类型', '对象']);
    expect(rows.length - 1).toBe(api.total);
    expect(rows.slice(1, 201).map((r) => Number(r[8]))).toEqual(api.items.map((e) => e.id));
  });

  it('role holders: by role and unit, the export equal to the list', async () => {
    await page.goto(`${server.baseUrl}/access/holders`);
    await page.getByTestId('role-holders').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'office-role-holders-1280');
    const unitId = new URL(page.url()).searchParams.get('unitId');
    const query = unitId ? `unitId=${unitId}` : '';
    const api = await zongzhi.get<{ items: { personName: string }[]; total: number }>(
      `/api/role-holders?${query}&pageSize=200`,
    );
    const rows = await exported(page);
    expect(rows.slice(1).map((r) => r[0])).toEqual(api.items.map((h) => h.personName));
  });

  it('roster round trip: the exported file re-imports in update mode with nothing changed', async () => {
    await signIn(page, server.baseUrl, 'zhibu');
    const zhibu = await apiAs(server.baseUrl, 'zhibu');
    const me = await zhibu.get<{ roles: { role: string; unitId: number }[] }>('/api/me');
    const branch = me.roles.find((r) => r.role === 'branch_secretary')!.unitId;
    const res = await fetch(`${server.baseUrl}/api/roster/exports/people.xlsx?unitId=${branch}`, {
      headers: { cookie: await cookieOf(page) },
    });
    const file = Buffer.from(await res.arrayBuffer());
    const n = (await rowsOf(file)).length - 1;
    await page.goto(`${server.baseUrl}/roster/import`);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: '人员名册_导出.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByTestId('import-suggest-upsert').waitFor();
    await screenshot(page, 'office-roster-suggest-1280');
    await page.getByTestId('import-suggest-upsert').getByRole('button').click();
    await page.getByTestId('import-no-errors').waitFor();
    expect(await page.getByTestId('import-unchanged').textContent()).toContain(String(n));
    expect(await page.getByTestId('import-to-update').textContent()).toContain('0');
    await screenshot(page, 'office-roster-unchanged-1280');
  });

  it('hours import: a file with a bad row shows it and imports nothing', async () => {
    const zhibu = await apiAs(server.baseUrl, 'zhibu');
    const me = await zhibu.get<{ roles: { role: string; unitId: number }[] }>('/api/me');
    const branch = me.roles.find((r) => r.role === 'branch_secretary')!.unitId;
    const activity = await createActivity(zhibu, branch, { title: '线下读书分享会', startIn: 30, capacity: 5 });
    await page.goto(`${server.baseUrl}/volunteer/hours-import`);
    await page.getByTestId('hours-import-activity').click();
    await page.getByText('线下读书分享会', { exact: false }).last().click();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('时长导入');
    sheet.addRow(['工号/学号', '姓名', '时长（小时）']);
    sheet.addRow(['NOPE0001', '无此人', '2']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '时长.xlsx', mimeType: 'application/octet-stream', buffer });
    await page.getByTestId('hours-import-preview').waitFor();
    expect(await page.getByTestId('hours-import-errors').textContent()).toContain('1');
    await screenshot(page, 'office-hours-import-1280');
    expect(activity).toBeTruthy();
  });

  it('member pages at 375 px: calendar, certificate request, nearby, poster', async () => {
    const dangyuan = await apiAs(server.baseUrl, 'dangyuan');
    await dangyuan.post('/api/volunteer/registration', {
      skills: [],
      availability: ['weekend'],
      serviceAreas: ['elderly'],
      insured: true,
    });
    const zhibu = await apiAs(server.baseUrl, 'zhibu');
    const me = await zhibu.get<{ roles: { role: string; unitId: number }[] }>('/api/me');
    const branch = me.roles.find((r) => r.role === 'branch_secretary')!.unitId;
    const activity = await createActivity(zhibu, branch, { title: '社区敬老读书会', startIn: 90, capacity: 5 });
    const detail = await dangyuan.get<{ shifts: { id: number }[] }>(`/api/volunteer/activities/${activity.id}`);
    await dangyuan.post(`/api/volunteer/shifts/${detail.shifts[0].id}/signups`, {});

    await signIn(page, server.baseUrl, 'dangyuan');
    await page.setViewportSize(MOBILE);
    await page.goto(`${server.baseUrl}/volunteer/calendar`);
    await page.getByTestId('calendar-day').first().waitFor();
    await page.getByTestId('calendar-feed-new').click();
    await page.getByTestId('calendar-feed-url').waitFor();
    const feedUrl = await page.getByTestId('calendar-feed-url').inputValue();
    const ics = await (await fetch(feedUrl)).text();
    expect(ics).toContain('社区敬老读书会');
    await screenshot(page, 'office-member-calendar-375');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.goto(`${server.baseUrl}/volunteer/certificate-request`);
    await page.getByTestId('cert-request-preview').waitFor();
    await screenshot(page, 'office-member-certificate-request-375');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.goto(`${server.baseUrl}/volunteer/nearby`);
    await page.waitForTimeout(800);
    await screenshot(page, 'office-member-nearby-375');

    await page.goto(`${server.baseUrl}/volunteer/activities/${activity.id}/poster`);
    await page.getByTestId('poster-image').waitFor();
    await screenshot(page, 'office-member-poster-375');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});

async function cookieOf(page: Page) {
  const cookies = await page.context().cookies();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
