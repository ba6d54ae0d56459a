import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoPersonId, demoUnitId } from '../../modules/people/people.factory';
import { describeOnEngines } from '../../test/harness';
import { readXlsx } from '../../test/read-xlsx';
import { AUDIT_ACTION_LABELS } from './labels';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('audit labels', () => {
  it('names every action the code writes in Chinese', () => {
    const root = join(__dirname, '../..');
    const actions = new Set<string>();
    for (const file of sourceFiles(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/action: '([a-z_]+\.[a-z_]+)'/g)) actions.add(m[1]);
    }
    expect(actions.size).toBeGreaterThan(40);
    expect([...actions].filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([]);
  });
});

describeOnEngines('audit list', (t) => {
  const today = new Date().toISOString().slice(0, 10);
  // The date filter speaks the school's days (Asia/Shanghai), which run 8 hours ahead of UTC.
  const shanghaiToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  type Event = { id: number; action: string; actionLabel: string; entityName: string | null; unitName: string | null };

  it('reads like a record: Chinese action, the object by name, the unit; filters by date and unit; exports the same rows', async () => {
    expect((await t().anonymous.get('/api/audit')).status).toBe(401);
    expect((await t().anonymous.get('/api/audit.xlsx')).status).toBe(401);
    const zongzhi = await t().as('zongzhi');
    const unitId = demoUnitId(t().demo, 'jnsd-wx-jg1');
    const granted = await zongzhi.post('/api/grants', {
      personId: demoPersonId(t().demo, 'jiaogong'),
      role: 'branch_secretary',
      unitId,
      validFrom: today,
    });
    expect(granted.status).toBe(201);

    const list = await zongzhi.get(`/api/audit?action=role_grant&from=${shanghaiToday}&to=${shanghaiToday}`);
    expect(list.status).toBe(200);
    const event = (list.body.items as Event[]).find((e) => e.action === 'role_grant.created')!;
    expect(event.actionLabel).toBe('授予角色');
    expect(event.entityName).toMatch(/ · .*党支部 · 党支部书记$/);
    expect(event.unitName).toContain('教工第一党支部');

    // The Chinese name finds the codes; a unit filter keeps its subtree; a future range is empty.
    const byLabel = await zongzhi.get(`/api/audit?action=${encodeURIComponent('授予角色')}&unitId=${unitId}`);
    expect((byLabel.body.items as Event[]).map((e) => e.id)).toContain(event.id);
    const future = await zongzhi.get('/api/audit?from=2999-01-01');
    expect(future.body.total).toBe(0);
    expect((await zongzhi.get('/api/audit?from=2026-13-40')).status).toBe(400);
    // Another college's secretary does not see the event.
    const other = await (await t().as('zhibu2')).get(`/api/audit?action=role_grant&from=${shanghaiToday}`);
    expect((other.body.items as Event[]).map((e) => e.id)).not.toContain(event.id);

    const filters = `from=${shanghaiToday}&to=${shanghaiToday}&unitId=${unitId}`;
    const shown = await zongzhi.get(`/api/audit?${filters}&pageSize=200`);
    const file = await zongzhi.get(`/api/audit.xlsx?${filters}`);
    expect(file.status).toBe(200);
    const sheet = await readXlsx(file.raw);
    expect(sheet.headers.slice(0, 4)).toEqual(['时间', '操作', '对象类型', '对象']);
    expect(sheet.rows.map((r) => Number(r[8]))).toEqual((shown.body.items as Event[]).map((e) => e.id));
    expect(sheet.rows.map((r) => r[1])).toEqual((shown.body.items as Event[]).map((e) => e.actionLabel));
  });
});
