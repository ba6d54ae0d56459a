import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';

describeOnEngines('org', (t) => {
  let rootId: number;
  let wenxueId: number;
  let mathId: number;
  let wxBranchId: number;
  beforeAll(() => {
    const ids = t().demo.unitIds;
    const units = t().demo.school.units;
    rootId = ids.get(units.find((u) => u.type === 'committee')!.key)!;
    wenxueId = ids.get(units.find((u) => u.type === 'general_branch' && u.name.includes('文学院'))!.key)!;
    mathId = ids.get(units.find((u) => u.type === 'general_branch' && u.name.includes('数学'))!.key)!;
    wxBranchId = ids.get(units.find((u) => u.parentKey && ids.get(u.parentKey) === wenxueId)!.key)!;
  });

  it('lists the whole tree for the organization department and only the subtree for a general-branch secretary', async () => {
    const all = await (await t().as('zuzhibu')).get('/api/units');
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBe(t().demo.school.units.length);
    const sub = await (await t().as('zongzhi')).get('/api/units');
    const paths: string[] = sub.body.items.map((u: { path: string }) => u.path);
    expect(paths.length).toBeGreaterThan(1);
    expect(paths.every((p) => p.startsWith(paths[0]))).toBe(true);
    expect(sub.body.items.find((u: { id: number }) => u.id === mathId)).toBeUndefined();
  });

  it('answers 401 without a session and 404 out of scope', async () => {
    expect((await t().anonymous.get('/api/units')).status).toBe(401);
    expect((await (await t().as('zongzhi')).get(`/api/units/${mathId}`)).status).toBe(404);
  });

  it('creates a branch: 401 signed out, 404 out of scope, 201 in scope, then 409 for a taken code', async () => {
    const body = {
      parentId: wenxueId,
      type: 'branch',
      branchKind: 'student',
      name: '文学院研究生第二党支部',
      code: 'T-WX-YJS2',
    };
    expect((await t().anonymous.post('/api/units', body)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post('/api/units', body)).status).toBe(404);
    const created = await (await t().as('zongzhi')).post('/api/units', body);
    expect(created.status).toBe(201);
    expect(created.body.path).toMatch(new RegExp(`/${wenxueId}/${created.body.id}/$`));
    const again = await (await t().as('zongzhi')).post('/api/units', body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CODE_TAKEN');
  });

  it('refuses a branch under a branch by name, and bad input with the field', async () => {
    const client = await t().as('zuzhibu');
    const wrong = await client.post('/api/units', {
      parentId: wxBranchId,
      type: 'branch',
      name: '错误',
      code: 'T-BAD1',
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('INVALID_PARENT_TYPE');
    const bad = await client.post('/api/units', { parentId: 'x', type: 'nope', name: '', code: '空 格' });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.map((d: { path: string }) => d.path);
    expect(fields).toEqual(expect.arrayContaining(['parentId', 'type', 'name', 'code']));
    expect(bad.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('renames with history and an audit event in the same transaction', async () => {
    const client = await t().as('zongzhi');
    const res = await client.post(`/api/units/${wxBranchId}/rename`, {
      name: '文学院教工第一党支部（更名）',
      reason: '测试',
    });
    expect(res.status).toBe(200);
    const history = await client.get(`/api/units/${wxBranchId}/history`);
    expect(history.body.items[0]).toMatchObject({
      action: 'org_unit.renamed',
      after: { name: '文学院教工第一党支部（更名）' },
    });
  });

  it('moves a general branch with its subtree under another committee and refuses a move into its own subtree', async () => {
    const client = await t().as('zuzhibu');
    const province = await client.post('/api/units', {
      parentId: rootId,
      type: 'committee',
      name: '测试分党委',
      code: 'T-SUB',
    });
    expect(province.status).toBe(201);
    const cycle = await client.post(`/api/units/${rootId}/move`, { parentId: province.body.id });
    expect([403, 409]).toContain(cycle.status);
    const moved = await client.post(`/api/units/${mathId}/move`, { parentId: province.body.id });
    expect(moved.status).toBe(200);
    const units = (await client.get('/api/units')).body.items as { id: number; parentId: number; path: string }[];
    const children = units.filter((u) => u.parentId === mathId);
    expect(children.length).toBeGreaterThan(0);
    for (const c of children) expect(c.path.startsWith(moved.body.path)).toBe(true);
    const into = await client.post(`/api/units/${province.body.id}/move`, { parentId: mathId });
    expect(into.status).toBe(409);
  });

  it('will not close a unit that still has people, and closes an empty one', async () => {
    const client = await t().as('zongzhi');
    const full = await client.post(`/api/units/${wxBranchId}/close`, { reason: '合并' });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('HAS_PEOPLE');
    const empty = await client.post('/api/units', {
      parentId: wenxueId,
      type: 'branch',
      name: '临时党支部',
      code: 'T-TMP',
    });
    const closed = await client.post(`/api/units/${empty.body.id}/close`, { reason: '任务完成' });
    expect(closed.status).toBe(200);
    const again = await client.post(`/api/units/${empty.body.id}/close`, { reason: '再撤销' });
    expect(again.body.error.code).toBe('ALREADY_CLOSED');
    const ids = async (q: string) => (await client.get(`/api/units${q}`)).body.items.map((u: { id: number }) => u.id);
    expect(await ids('?includeClosed=false')).not.toContain(empty.body.id);
    expect(await ids('')).not.toContain(empty.body.id);
    expect(await ids('?includeClosed=true')).toContain(empty.body.id);
  });

  it('reports grid coverage gaps for a subtree', async () => {
    const res = await (await t().as('zuzhibu')).get(`/api/reports/coverage?unitId=${rootId}`);
    expect(res.status).toBe(200);
    const grid = t().demo.school.gridUnits;
    expect(res.body.total).toBe(grid.length);
    const expectedGaps = grid.filter((g) => !g.coveringBranchKey || !g.contactPersonKey).length;
    expect(res.body.uncovered.length).toBe(expectedGaps);
    expect(res.body.covered).toBe(grid.length - expectedGaps);
  });
});
