import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import {
  demoFacts,
  PEOPLE_HEADERS,
  personRow,
  readWorkbook,
  sheetRecords,
  UNIT_HEADERS,
  upload,
  xlsx,
} from './roster.fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const chineseName = (name: string) => `filename*=UTF-8''${encodeURIComponent(name)}`;

describeOnEngines('roster templates and exports', (t) => {
  let facts: ReturnType<typeof demoFacts>;
  beforeAll(() => {
    facts = demoFacts(t().demo);
  });

  it('serves a people template with Chinese headers, help, drop-downs and the importer’s branches, which parses back', async () => {
    expect((await t().anonymous.get('/api/roster/templates/people.xlsx')).status).toBe(401);
    const zhibu = await t().as('zhibu');
    const res = await zhibu.get('/api/roster/templates/people.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(chineseName('人员名册导入模板.xlsx'));
    const workbook = await readWorkbook(res.raw);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['人员名册', '填写说明', '可选组织']);
    const sheet = workbook.getWorksheet('人员名册')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(PEOPLE_HEADERS);
    expect(sheet.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    const help: string[] = [];
    workbook.getWorksheet('填写说明')!.eachRow((row) => help.push((row.values as unknown[]).join(' ')));
    expect(help.some((line) => line.includes('中共党员、中共预备党员、入党积极分子、群众'))).toBe(true);
    const options = sheetRecords(workbook.getWorksheet('可选组织')!).map((r) => r.组织编码);
    expect(options).toEqual([facts.grantUnitOf('zhibu').code]);

    // Fill the downloaded template itself and upload it: it parses with no errors.
    sheet.addRow(PEOPLE_HEADERS.map((h) => personRow(900, facts.grantUnitOf('zhibu').code)[h]));
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await upload(zhibu, 'kind=people', filled, '填好的模板.xlsx');
    expect(preview.body).toMatchObject({ fileName: '填好的模板.xlsx', total: 1, valid: 1, errorCount: 0 });
  });

  it('imports units from the units template, parents before children, with paths like org’s', async () => {
    const zuzhibu = await t().as('zuzhibu');
    const res = await zuzhibu.get('/api/roster/templates/units.xlsx');
    expect(res.headers['content-disposition']).toContain(chineseName('组织名册导入模板.xlsx'));
    const workbook = await readWorkbook(res.raw);
    const sheet = workbook.getWorksheet('组织名册')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(UNIT_HEADERS);
    const rows = [
      ['测试学院党总支', 'T-GB', '党总支', '', facts.root.code],
      ['测试学院教工党支部', 'T-GB-1', '党支部', '教工', 'T-GB'],
      ['错误的党支部', 'T-GB-1-1', '党支部', '学生', 'T-GB-1'],
      ['下级在上', 'T-LATE-1', '党支部', '', 'T-LATE'],
      ['后来的党总支', 'T-LATE', '党总支', '', facts.root.code],
    ];
    for (const r of rows) sheet.addRow(r);
    const bad = await upload(zuzhibu, 'kind=units', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(bad.body.errors).toEqual([
      { row: 4, column: '类型', message: '党支部下不能设立党支部' },
      { row: 5, column: '上级组织编码', message: '上级组织（第 6 行）须排在本行之前' },
    ]);
    // A fresh copy of the template with the two bad rows left out.
    const fixed = await readWorkbook(res.raw);
    for (const r of [rows[0], rows[1], rows[4]]) fixed.getWorksheet('组织名册')!.addRow(r);
    const good = await upload(zuzhibu, 'kind=units', Buffer.from(await fixed.xlsx.writeBuffer()));
    expect(good.body).toMatchObject({ total: 3, valid: 3, errorCount: 0 });
    const commit = await zuzhibu.post(`/api/roster/imports/${good.body.id}/commit`);
    expect(commit.body).toMatchObject({ status: 'committed', created: 3 });
    const units = await t()
      .database.db.selectFrom('org_unit')
      .selectAll()
      .where('code', 'like', 'T-%')
      .orderBy('id')
      .execute();
    const gb = units.find((u) => u.code === 'T-GB')!;
    const branch = units.find((u) => u.code === 'T-GB-1')!;
    expect(gb).toMatchObject({
      parent_id: t().demo.unitIds.get(facts.root.key),
      path: `/${gb.parent_id}/${gb.id}/`,
      depth: 1,
    });
    expect(branch).toMatchObject({
      parent_id: gb.id,
      path: `${gb.path}${branch.id}/`,
      depth: gb.depth + 1,
      branch_kind: 'staff',
    });

    // A general-branch secretary may add units only under their own general branch.
    const zongzhi = await t().as('zongzhi');
    const outside = await upload(
      zongzhi,
      'kind=units',
      await unitsFile([['越界支部', 'T-X-1', '党支部', '', facts.math.code]]),
    );
    expect(outside.body.errors[0]).toMatchObject({
      row: 2,
      column: '上级组织编码',
      message: expect.stringContaining('不在您的导入范围内'),
    });
    const inside = await upload(
      zongzhi,
      'kind=units',
      await unitsFile([['文学院新支部', 'T-WX-9', '党支部', '学生', facts.wenxue.code]]),
    );
    expect(inside.body.errorCount).toBe(0);
  });

  it('exports people with phones masked for a viewer without people.sensitive and in full for one with it', async () => {
    expect((await t().anonymous.get('/api/roster/exports/people.xlsx')).status).toBe(401);
    expect((await (await t().as('qunzhong')).get('/api/roster/exports/people.xlsx')).status).toBe(403);
    const query = `?unitId=${t().demo.unitIds.get(facts.wenxue.key)}&kind=student`;
    const dangyuan = facts.personOf('dangyuan');

    const masked = await (await t().as('dangwei')).get(`/api/roster/exports/people.xlsx${query}`);
    expect(masked.status).toBe(200);
    expect(masked.headers['content-disposition']).toMatch(/filename\*=UTF-8''%E4%BA%BA%E5%91%98%E5%90%8D%E5%86%8C_/);
    const maskedRows = sheetRecords((await readWorkbook(masked.raw)).worksheets[0]);
    const students = t().demo.school.people.filter(
      (p) => p.kind === 'student' && p.unitKey.startsWith(facts.wenxue.key),
    );
    expect(maskedRows.length).toBe(students.length);
    const seen = maskedRows.find((r) => r['工号/学号'] === dangyuan.staffNo)!;
    expect(seen).toMatchObject({
      姓名: dangyuan.name,
      手机号: `${dangyuan.phone.slice(0, 3)}****${dangyuan.phone.slice(-4)}`,
    });
    expect(seen.身份证号).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(maskedRows.every((r) => r['类别（教职工/学生）'] === '学生')).toBe(true);

    const full = await (await t().as('zuzhibu')).get(`/api/roster/exports/people.xlsx${query}`);
    const fullRow = sheetRecords((await readWorkbook(full.raw)).worksheets[0]).find(
      (r) => r['工号/学号'] === dangyuan.staffNo,
    )!;
    expect(fullRow).toMatchObject({
      手机号: dangyuan.phone,
      身份证号: dangyuan.idNumber,
      所在党支部编码: facts.homeUnitOf('dangyuan').code,
    });
  });

  it('exports the units in scope and the coverage report, 404 for a unit out of scope', async () => {
    const units = await (await t().as('zongzhi')).get('/api/roster/exports/units.xlsx');
    expect(units.status).toBe(200);
    const rows = sheetRecords((await readWorkbook(units.raw)).worksheets[0]);
    expect(rows[0]).toMatchObject({
      组织名称: facts.wenxue.name,
      组织编码: facts.wenxue.code,
      类型: '党总支',
      上级组织编码: '',
    });
    expect(rows.every((r) => r.组织编码.startsWith(facts.wenxue.code))).toBe(true);
    expect(rows.find((r) => r.组织编码 === facts.grantUnitOf('zhibu').code)).toMatchObject({
      类型: '党支部',
      上级组织编码: facts.wenxue.code,
    });

    const rootId = t().demo.unitIds.get(facts.root.key);
    const coverage = await (await t().as('zuzhibu')).get(`/api/roster/exports/coverage.xlsx?unitId=${rootId}`);
    expect(coverage.status).toBe(200);
    const workbook = await readWorkbook(coverage.raw);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['覆盖概况', '未覆盖网格单元']);
    const grid = t().demo.school.gridUnits;
    const gaps = sheetRecords(workbook.getWorksheet('未覆盖网格单元')!);
    expect(gaps.length).toBe(grid.filter((g) => !g.coveringBranchKey || !g.contactPersonKey).length);
    const mathId = t().demo.unitIds.get(facts.math.key);
    expect((await (await t().as('zongzhi')).get(`/api/roster/exports/coverage.xlsx?unitId=${mathId}`)).status).toBe(
      404,
    );
    expect((await (await t().as('zongzhi')).get('/api/roster/exports/coverage.xlsx?unitId=x')).status).toBe(400);
  });
});

function unitsFile(rows: string[][]) {
  return xlsx(
    UNIT_HEADERS,
    rows.map((r) => Object.fromEntries(UNIT_HEADERS.map((h, i) => [h, r[i]]))),
  );
}
