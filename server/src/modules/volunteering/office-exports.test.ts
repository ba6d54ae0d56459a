import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { readXlsx } from '../../test/read-xlsx';

/** Issue 10 item 5: the 双报到 roster and the venues list export exactly what the list shows. */
describeOnEngines('volunteering office exports', (t) => {
  it('exports the 双报到 roster and the venues with the list’s rows; 401 signed out; scoped', async () => {
    for (const url of [
      '/api/volunteer/dual-reports',
      '/api/volunteer/dual-reports.xlsx',
      '/api/volunteer/venues.xlsx',
    ]) {
      expect((await t().anonymous.get(url)).status).toBe(401);
    }
    const dangwei = await t().as('dangwei');
    const list = (await dangwei.get('/api/volunteer/dual-reports')).body.items as { staffNo: string }[];
    expect(list.length).toBeGreaterThan(0);
    const file = await readXlsx((await dangwei.get('/api/volunteer/dual-reports.xlsx')).raw);
    expect(file.headers[0]).toBe('姓名');
    expect(file.rows.map((r) => r[1])).toEqual(list.map((r) => r.staffNo));
    // Another college's secretary sees only their own members.
    const zhibu2 = (await (await t().as('zhibu2')).get('/api/volunteer/dual-reports')).body.items;
    expect(zhibu2.length).toBeLessThan(list.length);

    const venues = (await dangwei.get('/api/volunteer/venues?includeClosed=true')).body.items as { name: string }[];
    const sheet = await readXlsx((await dangwei.get('/api/volunteer/venues.xlsx?includeClosed=true')).raw);
    expect(sheet.rows.map((r) => r[0])).toEqual(venues.map((v) => v.name));
    expect((await dangwei.get('/api/volunteer/venues.xlsx?type=nope')).status).toBe(400);
  });
});
