import { defaultIndicatorTree } from '@pioneer/domain';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../test/harness';

describeOnEngines('assessment indicators', (t) => {
  const rootId = () => [...t().demo.unitIds.values()][0]!;
  const create = async (year: number, unitClass = 'staff_branch') =>
    (await t().as('zuzhibu')).post('/api/assessment/systems', { ownerUnitId: rootId(), year, unitClass });

  it('the organization department creates a year’s system; signed out is 401 and a branch secretary 403', async () => {
    expect(
      (
        await t().anonymous.post('/api/assessment/systems', {
          ownerUnitId: rootId(),
          year: 2026,
          unitClass: 'staff_branch',
        })
      ).status,
    ).toBe(401);
    const secretary = await t().as('zhibu');
    const refused = await secretary.post('/api/assessment/systems', {
      ownerUnitId: rootId(),
      year: 2026,
      unitClass: 'staff_branch',
    });
    expect(refused.status).toBe(403);
    const res = await create(2026);
    expect(res.status).toBe(201);
    expect(res.body.copiedFrom).toBeNull();
    const again = await create(2026);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SYSTEM_EXISTS');

    // Everyone in the school reads what branches are judged by; only the department may change it.
    const member = await t().as('dangyuan');
    const seen = await member.get(`/api/assessment/systems/${res.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.groups.map((g: { name: string }) => g.name)).toEqual(
      defaultIndicatorTree().groups.map((g) => g.name),
    );
    expect(seen.body.abilities.manage).toBe(false);
    const computed = seen.body.groups.flatMap((g: { children: { method: string; measureName: string }[] }) =>
      g.children.filter((c) => c.method === 'computed'),
    );
    expect(computed.every((c: { measureName: string | null }) => c.measureName)).toBe(true);
    expect((await member.put(`/api/assessment/systems/${res.body.id}/indicators`, defaultIndicatorTree())).status).toBe(
      403,
    );
    expect((await t().anonymous.get(`/api/assessment/systems/${res.body.id}`)).status).toBe(401);
  });

  it('saves a tree only when sibling weights sum to 100 and each computed item names a known measure', async () => {
    const office = await t().as('zuzhibu');
    const { body } = await create(2025, 'student_branch');
    const url = `/api/assessment/systems/${body.id}/indicators`;
    const tree = defaultIndicatorTree();
    tree.groups[5]!.weight = 20;
    const bad = await office.put(url, tree);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('权重之和应为 100，现为 95');

    const unknown = defaultIndicatorTree();
    unknown.groups[1]!.children[0]!.measureKey = 'people.logins';
    const refused = await office.put(url, unknown);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('groups.1.children.0.measureKey');

    const good = defaultIndicatorTree();
    good.groups[0]!.children = [
      { name: '班子建设', weight: 100, method: 'assessed', criteria: '述职报告', evidenceRequired: true },
    ];
    expect((await office.put(url, good)).status).toBe(200);
    const saved = await office.get(`/api/assessment/systems/${body.id}`);
    expect(saved.body.groups[0].children).toHaveLength(1);
    expect(saved.body.groups[0].children[0].name).toBe('班子建设');
  });

  it('freezes: no edits (409, and the database refuses them too); changes only as a new version with a reason', async () => {
    const office = await t().as('zuzhibu');
    const { body } = await create(2024, 'general_branch');
    expect((await office.post(`/api/assessment/systems/${body.id}/versions`, { reason: '调整权重' })).status).toBe(409);
    expect((await office.post(`/api/assessment/systems/${body.id}/freeze`)).status).toBe(200);
    const edit = await office.put(`/api/assessment/systems/${body.id}/indicators`, defaultIndicatorTree());
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('SYSTEM_FROZEN');
    await expect(
      sql`update assessment_indicator set weight = 1 where system_id = ${body.id}`.execute(t().database.db),
    ).rejects.toThrow(/frozen/);

    expect((await office.post(`/api/assessment/systems/${body.id}/versions`, { reason: '' })).status).toBe(400);
    const v2 = await office.post(`/api/assessment/systems/${body.id}/versions`, { reason: '省里新增满意度要求' });
    expect(v2.status).toBe(201);
    const [a, b] = await Promise.all([
      office.get(`/api/assessment/systems/${body.id}`),
      office.get(`/api/assessment/systems/${v2.body.id}`),
    ]);
    expect(b.body.version).toBe(2);
    expect(b.body.reason).toBe('省里新增满意度要求');
    expect(b.body.abilities.manage).toBe(true);
    const shape = (s: { groups: { name: string; weight: number; children: { name: string; weight: number }[] }[] }) =>
      s.groups.map((g) => [g.name, g.weight, g.children.map((c) => [c.name, c.weight])]);
    expect(shape(b.body)).toEqual(shape(a.body));
  });

  it('a new year copies last year’s latest version, and the tree exports to Excel', async () => {
    const office = await t().as('zuzhibu');
    const last = await create(2030, 'direct_branch');
    const tree = defaultIndicatorTree();
    tree.groups[0]!.name = '有坚强有力的领导班子（修订）';
    await office.put(`/api/assessment/systems/${last.body.id}/indicators`, tree);
    const next = await create(2031, 'direct_branch');
    expect(next.body.copiedFrom).toBe(last.body.id);
    const copy = await office.get(`/api/assessment/systems/${next.body.id}`);
    expect(copy.body.groups[0].name).toBe('有坚强有力的领导班子（修订）');

    const list = await office.get('/api/assessment/systems?unitClass=direct_branch');
    expect(list.body.items.map((s: { year: number }) => s.year)).toEqual([2031, 2030]);

    const xlsx = await office.get(`/api/assessment/systems/${next.body.id}/indicators.xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const items = copy.body.groups.flatMap((g: { children: unknown[] }) => g.children);
    expect(book.worksheets[0]!.rowCount).toBe(items.length + 1);
  });
});
