import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { badIdNumber, demoFacts, PEOPLE_HEADERS, personRow, upload, xlsx } from './roster.fixtures';

describeOnEngines('roster import', (t) => {
  let bk1: string; // zhibu's branch (文学院本科生第一党支部)
  let sxBranch: string; // zhibu2's branch, outside zhibu's scope
  let dangyuanNo: string;
  const db = () => t().database.db;
  const countPeople = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from person`.execute(db())).rows[0].n;
  const person = (staffNo: string) =>
    db().selectFrom('person').selectAll().where('staff_no', '=', staffNo).executeTakeFirst();

  beforeAll(() => {
    const facts = demoFacts(t().demo);
    bk1 = facts.grantUnitOf('zhibu').code;
    sxBranch = facts.grantUnitOf('zhibu2').code;
    dangyuanNo = facts.personOf('dangyuan').staffNo;
  });

  it('previews a file with three bad rows, names each row, column and reason in Chinese, and commits nothing', async () => {
    const zhibu = await t().as('zhibu');
    const rows = [
      personRow(1, bk1),
      personRow(2, bk1, { 身份证号: badIdNumber(2) }),
      personRow(3, bk1, { 所在党支部编码: 'NO-SUCH-UNIT' }),
      personRow(4, bk1, { '工号/学号': dangyuanNo }),
      personRow(5, bk1),
    ];
    const before = await countPeople();
    const preview = await upload(zhibu, 'kind=people', await xlsx(PEOPLE_HEADERS, rows));
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({
      kind: 'people',
      mode: 'create_only',
      status: 'previewed',
      total: 5,
      valid: 2,
      errorCount: 3,
    });
    expect(preview.body.errors).toEqual([
      { row: 3, column: '身份证号', message: '身份证号校验位不正确' },
      { row: 4, column: '所在党支部编码', message: expect.stringContaining('不存在或不在您的导入范围内') },
      { row: 5, column: '工号/学号', code: 'EXISTS', message: expect.stringContaining('已存在') },
    ]);
    expect(preview.body.abilities.commit).toBe(false);
    expect(preview.body.rows).toHaveLength(2);

    const commit = await zhibu.post(`/api/roster/imports/${preview.body.id}/commit`);
    expect(commit.status).toBe(409);
    expect(commit.body.error.code).toBe('IMPORT_HAS_ERRORS');
    expect(commit.body.error.details.errors).toHaveLength(3);
    expect(await countPeople()).toBe(before);
    expect(await person('RT000001')).toBeUndefined();
  });

  it('commits the fixed file in one transaction with one audit event, member grants and progress', async () => {
    const zhibu = await t().as('zhibu');
    const rows = [1, 2, 3, 4, 5].map((i) => personRow(10 + i, bk1));
    const before = await countPeople();
    const preview = await upload(zhibu, 'kind=people', await xlsx(PEOPLE_HEADERS, rows));
    expect(preview.body).toMatchObject({ total: 5, valid: 5, errorCount: 0, abilities: { commit: true } });

    expect((await t().anonymous.post(`/api/roster/imports/${preview.body.id}/commit`)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(`/api/roster/imports/${preview.body.id}/commit`)).status).toBe(404);
    expect((await (await t().as('zhibu2')).get(`/api/roster/imports/${preview.body.id}`)).status).toBe(404);

    const commit = await zhibu.post(`/api/roster/imports/${preview.body.id}/commit`);
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ status: 'committed', created: 5, updated: 0 });
    expect(await countPeople()).toBe(before + 5);
    const p = await person('RT000011');
    expect(p).toMatchObject({
      name: '测试11',
      gender: 'male',
      kind: 'student',
      political_status: 'member',
      joined_party_on: '2023-07-01',
    });
    expect(p!.skills).toEqual(['政策宣讲', '法律咨询']);
    // Members get the member role on their branch; seq 12 and 15 are 群众 (non-members).
    const grants = await db()
      .selectFrom('role_grant as g')
      .innerJoin('person as p', 'p.id', 'g.person_id')
      .select('p.staff_no')
      .where('p.staff_no', 'like', 'RT00001%')
      .where('g.role', '=', 'member')
      .execute();
    expect(grants.map((g) => g.staff_no).sort()).toEqual(['RT000011', 'RT000013', 'RT000014']);

    const events = await db()
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('entity_type', '=', 'import_batch')
      .where('entity_id', '=', String(preview.body.id))
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'roster.people_imported',
      after: { created: 5, rows: 5, grantsCreated: 3 },
    });

    const status = await zhibu.get(`/api/roster/imports/${preview.body.id}`);
    expect(status.body).toMatchObject({
      status: 'committed',
      progress: { done: 5, total: 5 },
      abilities: { commit: false },
    });
    const again = await zhibu.post(`/api/roster/imports/${preview.body.id}/commit`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('IMPORT_ALREADY_COMMITTED');
    expect((await zhibu.get('/api/roster/imports')).body.items[0]).toMatchObject({
      id: preview.body.id,
      status: 'committed',
    });
  });

  it('turns a unit code outside the importer’s scope into an error row, never a write', async () => {
    const zhibu = await t().as('zhibu');
    const preview = await upload(
      zhibu,
      'kind=people',
      await xlsx(PEOPLE_HEADERS, [personRow(30, sxBranch), personRow(31, bk1)]),
    );
    expect(preview.body.errors).toEqual([
      { row: 2, column: '所在党支部编码', message: `组织编码“${sxBranch}”不存在或不在您的导入范围内` },
    ]);
    expect((await zhibu.post(`/api/roster/imports/${preview.body.id}/commit`)).status).toBe(409);
    expect(await person('RT000031')).toBeUndefined();
  });

  it('flags the later of two rows with the same 工号 and labels it cannot map', async () => {
    const zhibu = await t().as('zhibu');
    const rows = [personRow(40, bk1), personRow(41, bk1, { '工号/学号': 'RT000040', 性别: '未知', 政治面貌: '' })];
    const preview = await upload(zhibu, 'kind=people', await xlsx(PEOPLE_HEADERS, rows));
    expect(preview.body.errors).toEqual([
      { row: 3, column: '性别', message: '“未知”不是有效的值，应为：男、女' },
      { row: 3, column: '政治面貌', message: '请填写政治面貌' },
    ]);
    const dup = await upload(
      zhibu,
      'kind=people',
      await xlsx(PEOPLE_HEADERS, [personRow(42, bk1), personRow(43, bk1, { '工号/学号': 'RT000042' })]),
    );
    expect(dup.body.errors).toEqual([{ row: 3, column: '工号/学号', message: '与第 2 行的工号/学号“RT000042”重复' }]);
  });

  it('updates existing people in upsert mode, only in the columns the file has', async () => {
    const zhibu = await t().as('zhibu');
    const first = await upload(
      zhibu,
      'kind=people',
      await xlsx(PEOPLE_HEADERS, [personRow(50, bk1), personRow(51, bk1)]),
    );
    await zhibu.post(`/api/roster/imports/${first.body.id}/commit`);

    const changed = [personRow(50, bk1, { 政治面貌: '群众', 姓名: '测试五十' }), personRow(52, bk1)];
    const refused = await upload(zhibu, 'kind=people', await xlsx(PEOPLE_HEADERS, changed));
    expect(refused.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, '工号/学号'],
    ]);

    const upsert = await upload(zhibu, 'kind=people&mode=upsert', await xlsx(PEOPLE_HEADERS, changed));
    expect(upsert.body).toMatchObject({ mode: 'upsert', errorCount: 0 });
    const commit = await zhibu.post(`/api/roster/imports/${upsert.body.id}/commit`);
    expect(commit.body).toMatchObject({ created: 1, updated: 1, grantsEnded: 1 });
    expect(await person('RT000050')).toMatchObject({ name: '测试五十', political_status: 'masses' });

    // A sheet without 手机号 leaves the phone alone.
    const headers = PEOPLE_HEADERS.filter((h) => h !== '手机号');
    const partial = await upload(
      zhibu,
      'kind=people&mode=upsert',
      await xlsx(headers, [personRow(51, bk1, { 校区: '紫金校区' })]),
    );
    await zhibu.post(`/api/roster/imports/${partial.body.id}/commit`);
    expect(await person('RT000051')).toMatchObject({ campus: '紫金校区', phone: personRow(51, bk1).手机号 });

    // Upsert never moves a person to another branch, nor touches people outside the importer's scope.
    const zongzhi = await t().as('zongzhi');
    const otherWxBranch = demoFacts(t().demo).homeUnitOf('zongzhi').code;
    const moved = await upload(
      zongzhi,
      'kind=people&mode=upsert',
      await xlsx(PEOPLE_HEADERS, [personRow(51, otherWxBranch)]),
    );
    expect(moved.body.errors[0]).toMatchObject({
      column: '所在党支部编码',
      message: expect.stringContaining('组织关系转接'),
    });
    const other = await upload(
      await t().as('zhibu2'),
      'kind=people&mode=upsert',
      await xlsx(PEOPLE_HEADERS, [personRow(51, sxBranch)]),
    );
    expect(other.body.errors[0]).toMatchObject({
      column: '工号/学号',
      message: expect.stringContaining('导入范围以外'),
    });
  });

  it('refuses a commit when the database changed since the preview, and writes nothing', async () => {
    const zhibu = await t().as('zhibu');
    const preview = await upload(
      zhibu,
      'kind=people',
      await xlsx(PEOPLE_HEADERS, [personRow(60, bk1), personRow(61, bk1)]),
    );
    expect(preview.body.errorCount).toBe(0);
    const racer = await upload(
      await t().as('zongzhi'),
      'kind=people',
      await xlsx(PEOPLE_HEADERS, [personRow(61, bk1)]),
    );
    expect((await (await t().as('zongzhi')).post(`/api/roster/imports/${racer.body.id}/commit`)).status).toBe(200);

    const commit = await zhibu.post(`/api/roster/imports/${preview.body.id}/commit`);
    expect(commit.status).toBe(409);
    expect(commit.body.error.code).toBe('IMPORT_STALE');
    expect(commit.body.error.details.errors).toEqual([
      { row: 3, column: '工号/学号', code: 'EXISTS', message: expect.stringContaining('已存在') },
    ]);
    expect(await person('RT000060')).toBeUndefined();
    expect((await zhibu.get(`/api/roster/imports/${preview.body.id}`)).body).toMatchObject({
      status: 'failed',
      errorCount: 1,
    });
  });

  it('answers bad uploads with 400 naming the field, 401 signed out and 403 without import rights', async () => {
    const zhibu = await t().as('zhibu');
    const file = await xlsx(PEOPLE_HEADERS, [personRow(70, bk1)]);
    expect((await upload(t().anonymous, 'kind=people', file)).status).toBe(401);
    expect((await upload(await t().as('qunzhong'), 'kind=people', file)).status).toBe(403);

    const noKind = await upload(zhibu, 'kind=staff', file);
    expect(noKind.status).toBe(400);
    expect(noKind.body.error.details[0].path).toBe('kind');
    const notExcel = await upload(zhibu, 'kind=people', Buffer.from('姓名,性别\n张三,男'));
    expect(notExcel.status).toBe(400);
    expect(notExcel.body.error.details[0]).toMatchObject({ path: 'file', message: expect.stringContaining('.xlsx') });
    const missing = await upload(zhibu, 'kind=people', await xlsx(['姓名', '性别'], [{ 姓名: '张三', 性别: '男' }]));
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('工号/学号');
    const empty = await upload(zhibu, 'kind=people', await xlsx(PEOPLE_HEADERS, []));
    expect(empty.body.error.message).toContain('没有数据行');
    const json = await zhibu.post('/api/roster/imports?kind=people', { rows: [] });
    expect(json.status).toBe(400);
    expect(json.body.error.details[0].path).toBe('file');
    expect((await zhibu.post('/api/roster/imports/abc/commit')).status).toBe(400);
    // Control characters in a cell or in the file name never reach the database as such.
    const odd = await upload(
      zhibu,
      'kind=people',
      await xlsx(PEOPLE_HEADERS, [personRow(71, bk1, { 姓名: '张\u0000三\n' })]),
      'a\u0001.xlsx',
    );
    expect(odd.status).toBeLessThan(500);
  });
  it('streams commit progress as NDJSON and ends with the result, or with the refusal', async () => {
    const zhibu = await t().as('zhibu');
    const ndjson = { accept: 'application/x-ndjson' };
    const rows = Array.from({ length: 1200 }, (_, i) => personRow(2000 + i, bk1));
    const good = await upload(zhibu, 'kind=people', await xlsx(PEOPLE_HEADERS, rows));
    expect(good.body.errorCount).toBe(0);
    const streamed = await zhibu.inject({
      method: 'POST',
      url: `/api/roster/imports/${good.body.id}/commit`,
      headers: ndjson,
    });
    expect(streamed.status).toBe(200);
    const lines = String(streamed.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.at(-1).result).toMatchObject({ status: 'committed', created: 1200 });
    for (const l of lines.slice(0, -1)) expect(l.progress.total).toBe(1200);

    const bad = await upload(
      zhibu,
      'kind=people',
      await xlsx(PEOPLE_HEADERS, [personRow(3300, bk1, { 身份证号: badIdNumber(3300) })]),
    );
    const refused = await zhibu.inject({
      method: 'POST',
      url: `/api/roster/imports/${bad.body.id}/commit`,
      headers: ndjson,
    });
    const last = JSON.parse(String(refused.body).trim().split('\n').at(-1)!);
    expect(last.error).toMatchObject({ status: 409, code: 'IMPORT_HAS_ERRORS' });
  });
});
