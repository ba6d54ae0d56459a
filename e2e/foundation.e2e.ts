// The foundation flow as people use it, against the real server (e2e/server.ts) in Chromium:
// the organization department browses the tree, imports a people roster from Excel (a bad row first, then the
// fixed file), finds the new people and the import in the audit log; a student member opens their own profile.
import fs from 'node:fs';
import { validIdNumber } from '@pioneer/domain';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { startServer, type TestServer } from './server';

const PASSWORD = 'Demo@2026';
const BRANCH = '文学院本科生第一党支部';
const GENERAL_BRANCH = '文学院党总支';
const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 375, height: 812 };

interface Unit {
  id: number;
  name: string;
  code: string;
  parentId: number | null;
}

/** A valid 18-digit ID number: the check digit computed by the same rule the server applies. */
function idNumber(seq: number): string {
  const body = `32010219980101${String(seq).padStart(3, '0')}`;
  const digit = [...'0123456789X'].find((d) => validIdNumber(body + d))!;
  return body + digit;
}

const NEW_PEOPLE = [
  { name: '沈一鸣', staffNo: 'E2E0001', gender: '男', status: '中共党员' },
  { name: '林书瑶', staffNo: 'E2E0002', gender: '女', status: '入党积极分子' },
  { name: '顾清远', staffNo: 'E2E0003', gender: '男', status: '群众' },
];

/** Fills the downloaded template's first sheet, matching columns by their header text. */
async function fillTemplate(template: Buffer, branchCode: string, opts: { badIdRow: boolean }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const column = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => column.set(String(cell.value).replace(/[（(].*$/, ''), col));
  NEW_PEOPLE.forEach((p, i) => {
    const row = sheet.getRow(i + 2);
    const good = idNumber(i + 1);
    // The second row's ID number gets a wrong check digit: the preview must name row 3, column 身份证号.
    const id = opts.badIdRow && i === 1 ? `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}` : good;
    const values: Record<string, string> = {
      姓名: p.name,
      性别: p.gender,
      类别: '学生',
      '工号/学号': p.staffNo,
      身份证号: id,
      手机号: `1390000000${i + 1}`,
      政治面貌: p.status,
      专业特长: '政策宣讲、文艺演出',
      院系部门: '文学院',
      专业: '汉语言文学',
      校区: '仙林校区',
      所在党支部编码: branchCode,
    };
    for (const [header, value] of Object.entries(values)) row.getCell(column.get(header)!).value = value;
    row.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('foundation flow in the browser', () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let units: Unit[];
  let template: Buffer;
  let importer: string;

  /** Screenshots of the current page at desktop and phone width, then back to desktop. */
  async function shoot(name: string, opts: { mobileOnly?: boolean } = {}) {
    if (!opts.mobileOnly) {
      await page.setViewportSize(DESKTOP);
      await page.waitForTimeout(300);
      await screenshot(page, `foundation-${name}-1280`);
    }
    await page.setViewportSize(MOBILE);
    await page.waitForTimeout(300);
    await screenshot(page, `foundation-${name}-375`);
    if (!opts.mobileOnly) await page.setViewportSize(DESKTOP);
  }
  const api = async <T>(path: string): Promise<T> => {
    const res = await page.request.get(`${server.baseUrl}${path}`);
    expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
    return (await res.json()) as T;
  };
  async function signIn(username: string) {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }
  async function upload(file: Buffer, name: string) {
    await page.locator('input[type=file]').setInputFiles({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.locator('[data-testid=import-has-errors], [data-testid=import-no-errors]').waitFor();
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize(DESKTOP);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in as the organization department and expands the tree down to a branch', async () => {
    await signIn('zuzhibu');
    importer = (await api<{ person: { name: string } }>('/api/me')).person.name;
    await shoot('01-home');
    units = (await api<{ items: Unit[] }>('/api/units')).items;
    const general = units.find((u) => u.name === GENERAL_BRANCH)!;
    const branch = units.find((u) => u.name === BRANCH)!;
    expect(branch.parentId).toBe(general.id);

    await page.goto(`${server.baseUrl}/org`);
    const generalNode = page.getByTestId(`unit-node-${general.id}`);
    await generalNode.waitFor();
    await page.locator('.ant-tree-treenode', { has: generalNode }).locator('.ant-tree-switcher').click();
    await page.getByTestId(`unit-node-${branch.id}`).click();
    await expect.poll(() => page.url()).toContain(`unit=${branch.id}`);
    await page.getByText(branch.code).first().waitFor();
    await shoot('02-org-branch');
  });

  it('refuses a roster with a bad row: the preview names it, commit is impossible, nothing is written', async () => {
    await page.goto(`${server.baseUrl}/roster/import`);
    await page.getByTestId('import-kind-people').check();
    const download = page.waitForEvent('download');
    await page.getByTestId('import-template').click();
    template = fs.readFileSync((await (await download).path())!);
    await shoot('03-import-choose');
    await page.getByTestId('import-next').click();
    await shoot('04-import-upload');

    const branch = units.find((u) => u.name === BRANCH)!;
    await upload(await fillTemplate(template, branch.code, { badIdRow: true }), '人员名册-有错误.xlsx');
    await page.getByTestId('import-has-errors').waitFor();
    const errors = page.getByTestId('import-errors');
    await expect.poll(() => errors.locator('tbody tr.ant-table-row').count()).toBe(1);
    const errorRow = await errors.locator('tbody tr.ant-table-row').first().textContent();
    expect(errorRow).toContain('3');
    expect(errorRow).toContain('身份证号');
    expect(errorRow).toContain('校验位');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await shoot('05-import-preview-error');

    const written = await api<{ total: number }>('/api/people?q=E2E');
    expect(written.total).toBe(0);
  });

  it('commits the fixed file and shows the new people in the roster', async () => {
    await page.getByTestId('import-reupload').click();
    const branch = units.find((u) => u.name === BRANCH)!;
    await upload(await fillTemplate(template, branch.code, { badIdRow: false }), '人员名册.xlsx');
    await page.getByTestId('import-no-errors').waitFor();
    expect(await page.getByTestId('import-rows').locator('tbody tr.ant-table-row').count()).toBe(NEW_PEOPLE.length);
    await shoot('06-import-preview-ok');

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toContain(`新增 ${NEW_PEOPLE.length} 条`);
    await shoot('07-import-done');

    await page.getByRole('button', { name: '查看人员名册' }).click();
    await page.waitForURL((url) => url.pathname === '/people');
    await page.getByTestId('people-search').locator('input').fill('E2E');
    await page.getByTestId('people-search').locator('input').press('Enter');
    const table = page.getByTestId('people-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(NEW_PEOPLE.length);
    for (const p of NEW_PEOPLE) expect(await table.textContent()).toContain(p.name);
    await shoot('08-people-imported');

    await table.getByRole('link', { name: NEW_PEOPLE[0].name }).click();
    await expect.poll(() => page.getByTestId('person-name').textContent()).toBe(NEW_PEOPLE[0].name);
    expect(await page.getByTestId('person-basic').textContent()).toContain(NEW_PEOPLE[0].staffNo);
    await shoot('09-person-profile');
    await page.getByRole('button', { name: '转接组织关系' }).click();
    await page.getByTestId('transfer-form').waitFor();
    await shoot('10-transfer-dialog');
    await page.keyboard.press('Escape');

    const listed = await api<{ total: number; items: { staffNo: string; unitName: string }[] }>('/api/people?q=E2E');
    expect(listed.total).toBe(NEW_PEOPLE.length);
    expect(new Set(listed.items.map((p) => p.unitName))).toEqual(new Set([BRANCH]));
  });

  it('shows the import in the audit log', async () => {
    await page.goto(`${server.baseUrl}/audit?action=roster.`);
    const table = page.getByTestId('audit-table');
    await table.getByText('roster.people_imported').first().waitFor();
    expect(await table.textContent()).toContain(importer);
    await shoot('11-audit-import');
  });

  it('lets a student member see their own profile and their branch on a phone', async () => {
    await browser.context.clearCookies();
    await page.setViewportSize(MOBILE);
    await signIn('dangyuan');
    const me = await api<{ person: { id: number; name: string } }>('/api/me');

    await page.goto(`${server.baseUrl}/people/me`);
    await page.waitForURL((url) => url.pathname === `/people/${me.person.id}`);
    await expect.poll(() => page.getByTestId('person-name').textContent()).toBe(me.person.name);
    expect(await page.getByTestId('person-basic').textContent()).toContain(BRANCH);
    await shoot('12-member-profile', { mobileOnly: true });

    await page.goto(`${server.baseUrl}/people`);
    const cards = page.getByTestId('people-cards');
    await expect.poll(() => cards.locator('.ant-card').count()).toBeGreaterThan(1);
    expect(await cards.textContent()).toContain(BRANCH);
    await shoot('13-member-branch', { mobileOnly: true });
    await page.getByTestId('people-search').locator('input').fill(me.person.name);
    await page.getByTestId('people-search').locator('input').press('Enter');
    await expect.poll(() => cards.textContent()).toContain(me.person.name);
    // Their own phone is never masked for them; their branch-mates' phones are.
    expect(await cards.textContent()).not.toContain('****');
    const branchList = await api<{ items: { unitName: string }[] }>('/api/people?pageSize=100');
    expect(new Set(branchList.items.map((p) => p.unitName))).toEqual(new Set([BRANCH]));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(MOBILE.width);
  });
});
