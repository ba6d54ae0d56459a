import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MEASURES } from '../../app';
import { describeOnEngines } from '../../test/harness';
import { type Measure, MeasureRefused } from './measure';
import { MeasureRegistry, measureRows, measureValue } from './registry';

/** What the rows say the value must be, recomputed here from the rows themselves. */
function fromRows(m: Measure, rows: Record<string, unknown>[]): number | null {
  const total = (k: string) => rows.reduce((a, r) => a + Number(r[k]), 0);
  switch (m.aggregate) {
    case 'count':
      return rows.length;
    case 'sum':
      return total('amount');
    case 'avg':
      return rows.length === 0 ? null : total('amount') / rows.length;
    case 'ratio':
      return total('den') === 0 ? null : total('num') / total('den');
  }
}

const WIDE = { from: '2000-01-01T00:00:00+08:00', to: '2100-01-01T00:00:00+08:00' };

describeOnEngines('measures registry', (t) => {
  it('every measure, for every unit of the demo school, equals the rows behind it', async () => {
    const { db } = t().database;
    const units = await db.selectFrom('org_unit').select(['id', 'path', 'name']).orderBy('path').execute();
    expect(units.length).toBeGreaterThan(5);
    const measures = MEASURES.all();
    expect(measures.length).toBeGreaterThanOrEqual(9);
    const mismatches: string[] = [];
    const nonEmptyAtRoot: string[] = [];
    for (const m of measures) {
      for (const u of units) {
        const filter = { unitPath: u.path, ...WIDE };
        const [{ value, rowCount }, rows] = await Promise.all([
          measureValue(db, m, filter),
          measureRows(db, m, filter, { limit: null, offset: 0 }),
        ]);
        const expected = fromRows(m, rows);
        const same = expected === null ? value === null : value !== null && Math.abs(value - expected) < 1e-9;
        if (!same || rowCount !== rows.length) mismatches.push(`${m.key} @ ${u.name}: ${value} ≠ ${expected}`);
        if (new Set(rows.map((r) => String(r.id))).size !== rows.length) mismatches.push(`${m.key}: duplicate ids`);
        if (u.path === units[0]?.path && rows.length > 0) nonEmptyAtRoot.push(m.key);
      }
    }
    expect(mismatches).toEqual([]);
    // The demo school gives most measures something to count, so a broken filter cannot pass as "all zero".
    expect(nonEmptyAtRoot.length).toBeGreaterThanOrEqual(measures.length - 2);
  });

  it('a subtree never counts more rows than its parent, and the period narrows the rows', async () => {
    const { db } = t().database;
    const [root, child] = await db.selectFrom('org_unit').select(['path']).orderBy('path').limit(2).execute();
    for (const m of MEASURES.all()) {
      const all = await measureValue(db, m, { unitPath: root!.path, ...WIDE });
      const sub = await measureValue(db, m, { unitPath: child!.path, ...WIDE });
      expect(sub.rowCount, m.key).toBeLessThanOrEqual(all.rowCount);
    }
    const none = await measureValue(db, MEASURES.get('demands.completed')!, {
      unitPath: root!.path,
      from: '2001-01-01T00:00:00+08:00',
      to: '2001-01-02T00:00:00+08:00',
    });
    expect(none).toEqual({ value: 0, rowCount: 0 });
  });

  it('answers 401 signed out, 403/404 out of scope, and the value with its rows in scope', async () => {
    const { demo } = t();
    const rootId = [...demo.unitIds.values()][0]!;
    const anon = await t().anonymous.get(`/api/measures/demands.completed?unitId=${rootId}`);
    expect(anon.status).toBe(401);
    const member = await t().as('dangyuan');
    const refused = await member.get(`/api/measures/demands.completed?unitId=${rootId}`);
    expect([403, 404]).toContain(refused.status);
    const office = await t().as('zuzhibu');
    const list = await office.get('/api/measures');
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { key: string }) => m.key)).toContain('volunteering.dual_report_rate');
    const q = `unitId=${rootId}&from=2000-01-01&to=2099-12-31`;
    const value = await office.get(`/api/measures/demands.completed?${q}`);
    expect(value.status).toBe(200);
    const rows = await office.get(`/api/measures/demands.completed/rows?${q}&pageSize=500`);
    expect(rows.status).toBe(200);
    expect(rows.body.total).toBe(value.body.rowCount);
    expect(rows.body.items.length).toBe(Math.min(500, value.body.value));
    const xlsx = await office.get(`/api/measures/demands.completed/rows.xlsx?${q}`);
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
    const bad = await office.get(`/api/measures/demands.completed?unitId=${rootId}&from=2026-13-01`);
    expect(bad.status).toBe(400);
    const unknown = await office.get(`/api/measures/nope.nothing?unitId=${rootId}`);
    expect(unknown.status).toBe(404);
  });
});

describe('measures registry refuses', () => {
  const base = (over: Partial<Measure>): Measure => ({
    key: 'test.thing',
    name: '测试',
    nameEn: 'Test',
    unit: 'count',
    aggregate: 'count',
    description: '测试',
    counts: ['person'],
    columns: [],
    rows: () => sql`select p.id from person p`,
    ...over,
  });
  it('a measure declared over log-ins, clicks, likes, page views or study minutes', () => {
    for (const counts of [['session'], ['login_event'], ['page_views'], ['likes'], ['study_minutes']])
      expect(() => new MeasureRegistry([{ name: 'x', measures: [base({ counts })] }])).toThrow(MeasureRefused);
  });
  it('a measure whose SQL reads such records without declaring them', () => {
    const sneaky = base({ rows: () => sql`select s.account_id as id from session s` });
    expect(() => new MeasureRegistry([{ name: 'x', measures: [sneaky] }])).toThrow(MeasureRefused);
  });
  it('a duplicate key, and accepts an honest one', () => {
    expect(() => new MeasureRegistry([{ name: 'x', measures: [base({}), base({})] }])).toThrow(/重复/);
    expect(new MeasureRegistry([{ name: 'x', measures: [base({ counts: ['demand_reviews'] })] }]).all()).toHaveLength(
      1,
    );
  });
});
