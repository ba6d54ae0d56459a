import type ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { readXlsx } from '../../test/read-xlsx';
import { IMPORT_MODE_LABELS } from './roster.columns';
import { demoFacts, multipart, readWorkbook, upload } from './roster.fixtures';

/** Issue 10 item 7: an exported roster re-imports cleanly and counts only real changes. */
describeOnEngines('roster round trip', (t) => {
  let facts: ReturnType<typeof demoFacts>;
  beforeAll(() => {
    facts = demoFacts(t().demo);
  });

  /** Edits cells of an exported workbook: (header, row index from 0) → new text. */
  async function edit(raw: Buffer, change: (rows: Map<string, ExcelJS.Cell>[]) => void) {
    const workbook = await readWorkbook(raw);
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: Map<string, ExcelJS.Cell>[] = [];
    for (let r = 2; r <= sheet.rowCount; r += 1) {
      rows.push(new Map(headers.map((h, i) => [h, sheet.getRow(r).getCell(i + 1)])));
    }
    change(rows);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('re-imports its own export: proposes update mode, 0 updated when unchanged, 1 when one row changed', async () => {
    const zhibu = await t().as('zhibu');
    const branchId = t().demo.unitIds.get(facts.grantUnitOf('zhibu').key)!;
    const exported = await zhibu.get(`/api/roster/exports/people.xlsx?unitId=${branchId}`);
    expect(exported.status).toBe(200);
    const n = (await readXlsx(exported.raw)).rows.length;
    expect(n).toBeGreaterThan(3);

    const first = await upload(zhibu, 'kind=people', exported.raw, '导出.xlsx');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ errorCount: n, alreadyThere: n, suggestedMode: 'upsert' });
    // The error names the option as the wizard shows it.
    expect(first.body.errors[0].message).toContain(`“${IMPORT_MODE_LABELS.upsert}”`);
    expect(first.body.errors[0].code).toBe('EXISTS');

    const again = await upload(zhibu, 'kind=people&mode=upsert', exported.raw, '导出.xlsx');
    expect(again.body).toMatchObject({ errorCount: 0, toCreate: 0, toUpdate: 0, unchanged: n, suggestedMode: null });
    const commit = await zhibu.post(`/api/roster/imports/${again.body.id}/commit`);
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ created: 0, updated: 0, unchanged: n });

    const changed = await edit(exported.raw, (rows) => {
      rows[0].get('专业')!.value = '古典文献学（改）';
    });
    const one = await upload(zhibu, 'kind=people&mode=upsert', changed);
    expect(one.body).toMatchObject({ errorCount: 0, toUpdate: 1, unchanged: n - 1 });
    const done = await zhibu.post(`/api/roster/imports/${one.body.id}/commit`);
    expect(done.body).toMatchObject({ updated: 1, unchanged: n - 1 });
    const staffNo = String((await readXlsx(changed)).rows[0][3]);
    const found = await zhibu.get(`/api/people?q=${staffNo}&unitId=${branchId}`);
    expect(found.body.items[0].major).toBe('古典文献学（改）');
  });

  it('takes a masked number that matches the stored one as unchanged, refuses one that does not', async () => {
    const zuzhibu = await t().as('zuzhibu');
    const dangyuan = facts.personOf('dangyuan');
    const branchId = t().demo.unitIds.get(facts.homeUnitOf('dangyuan').key)!;
    const exported = await zuzhibu.get(`/api/roster/exports/people.xlsx?unitId=${branchId}`);
    const file = await edit(exported.raw, (rows) => {
      for (const row of rows) {
        const phone = String(row.get('手机号')!.value ?? '');
        if (phone) row.get('手机号')!.value = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
        if (String(row.get('工号/学号')!.value) === dangyuan.staffNo) row.get('身份证号')!.value = '110105********1234';
      }
    });
    const preview = await upload(zuzhibu, 'kind=people&mode=upsert', file);
    expect(preview.body.errorCount).toBe(1);
    expect(preview.body.errors[0]).toMatchObject({ column: '身份证号', message: expect.stringContaining('脱敏') });

    // The rejected rows download: 401 signed out, then only that row, with its reason, and the mask kept.
    const form = multipart('名册.xlsx', file);
    const url = '/api/roster/imports/rejected.xlsx?kind=people&mode=upsert';
    expect((await t().anonymous.inject({ method: 'POST', url, ...form })).status).toBe(401);
    expect((await (await t().as('qunzhong')).inject({ method: 'POST', url, ...form })).status).toBe(403);
    const rejected = await zuzhibu.inject({ method: 'POST', url, ...form });
    expect(rejected.status).toBe(200);
    const sheet = await readXlsx(rejected.raw);
    expect(sheet.sheet).toBe('未通过的行');
    expect(sheet.rows.length).toBe(1);
    const at = (h: string) => sheet.headers.indexOf(h);
    expect(sheet.rows[0][at('工号/学号')]).toBe(dangyuan.staffNo);
    expect(sheet.rows[0][at('手机号')]).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(sheet.rows[0][at('错误原因')]).toContain('身份证号');

    const fixed = await edit(file, (rows) => {
      for (const row of rows)
        if (String(row.get('工号/学号')!.value) === dangyuan.staffNo) row.get('身份证号')!.value = dangyuan.idNumber;
    });
    const clean = await upload(zuzhibu, 'kind=people&mode=upsert', fixed);
    expect(clean.body).toMatchObject({ errorCount: 0, toUpdate: 0 });
  });
});
