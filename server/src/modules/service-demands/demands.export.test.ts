import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { readXlsx } from '../../test/read-xlsx';

/** Issue 10 item 5: the needs ledger and the overdue list export exactly what their filters show. */
describeOnEngines('demand exports', (t) => {
  it('exports the needs ledger and the overdue list with the same rows as the lists', async () => {
    expect((await t().anonymous.get('/api/demands.xlsx')).status).toBe(401);
    expect((await t().anonymous.get('/api/demands/overdue.xlsx')).status).toBe(401);
    const dangwei = await t().as('dangwei');
    for (const filters of ['view=scope', 'view=scope&state=published', 'view=scope&overdue=true']) {
      const list = await dangwei.get(`/api/demands?${filters}&pageSize=100`);
      expect(list.status).toBe(200);
      const file = await dangwei.get(`/api/demands.xlsx?${filters}`);
      expect(file.status).toBe(200);
      const sheet = await readXlsx(file.raw);
      expect(sheet.headers.slice(0, 4)).toEqual(['编号', '标题', '类别', '状态']);
      expect(sheet.rows.length).toBe(list.body.total);
      expect(sheet.rows.slice(0, 100).map((r) => Number(r[0]))).toEqual(
        list.body.items.map((d: { id: number }) => d.id),
      );
    }
    const overdue = await dangwei.get('/api/demands/overdue');
    const file = await dangwei.get('/api/demands/overdue.xlsx');
    expect((await readXlsx(file.raw)).rows.map((r) => Number(r[0]))).toEqual(
      overdue.body.items.map((d: { id: number }) => d.id),
    );
    expect((await dangwei.get('/api/demands.xlsx?state=nope')).status).toBe(400);
  });
});
