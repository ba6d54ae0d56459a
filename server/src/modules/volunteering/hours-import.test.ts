import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { readXlsx } from '../../test/read-xlsx';
import { multipart, xlsx } from '../roster/roster.fixtures';
import { HOURS_COLUMNS } from './hours-import.check';
import { activityBody, createActivity, minutesFromNow, unitId } from './volunteering.factory';

const HEADERS = HOURS_COLUMNS.map((c) => c.header);

/** Issue 10 item 5: hours of an activity run offline, imported from Excel, all or nothing, through the ledger. */
describeOnEngines('hours import', (t) => {
  const db = () => t().database.db;

  async function offlineActivity() {
    const zhibu = await t().as('zhibu');
    const body = activityBody(
      unitId(t(), 'jnsd-wx-bk1'),
      { signupOpensAt: minutesFromNow(-900), title: '线下敬老服务' },
      { startIn: -600 },
    );
    return (await createActivity(zhibu, body)).id;
  }
  async function volunteers(n: number) {
    return db()
      .selectFrom('volunteer as v')
      .innerJoin('person as p', 'p.id', 'v.person_id')
      .select(['p.id', 'p.staff_no as staffNo', 'p.name'])
      .orderBy('p.id')
      .limit(n)
      .execute();
  }
  const credits = async (activityId: number) =>
    Number(
      (
        await db()
          .selectFrom('volunteer_hours_entry')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('activity_id', '=', activityId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const send = async (username: string | null, activityId: number, file: Buffer) => {
    const client = username ? await t().as(username) : t().anonymous;
    return client.inject({
      method: 'POST',
      url: `/api/volunteer/hours-imports?activityId=${activityId}`,
      ...multipart('时长.xlsx', file),
    });
  };

  it('serves a template for the organizer only: 401, 404 for another college, the sheet with its columns', async () => {
    const activityId = await offlineActivity();
    const url = `/api/volunteer/hours-imports/template.xlsx?activityId=${activityId}`;
    expect((await t().anonymous.get(url)).status).toBe(401);
    expect((await (await t().as('zhibu2')).get(url)).status).toBe(404);
    const res = await (await t().as('zhibu')).get(url);
    expect(res.status).toBe(200);
    const sheet = await readXlsx(res.raw);
    expect(sheet.sheet).toBe('时长导入');
    expect(sheet.headers).toEqual(HEADERS);
  });

  it('imports nothing when one row is bad; imports every row of a clean file once; refuses a second import', async () => {
    const activityId = await offlineActivity();
    const people = await volunteers(3);
    const rows = people.map((p, i) => ({
      [HEADERS[0]]: p.staffNo,
      [HEADERS[1]]: p.name,
      [HEADERS[2]]: String(1 + i * 0.5),
    }));
    const bad = await xlsx(HEADERS, [
      ...rows,
      { [HEADERS[0]]: people[0].staffNo.replace(/.$/, 'Z'), [HEADERS[1]]: '不存在', [HEADERS[2]]: '2' },
    ]);

    expect((await send(null, activityId, bad)).status).toBe(401);
    expect((await send('zhibu2', activityId, bad)).status).toBe(404);
    const preview = await send('zhibu', activityId, bad);
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ total: 4, valid: 3, errorCount: 1, abilities: { commit: false } });
    expect(preview.body.errors[0]).toMatchObject({
      row: 5,
      column: '姓名',
      message: expect.stringContaining('不对应'),
    });
    const refused = await (await t().as('zhibu')).post(`/api/volunteer/hours-imports/${preview.body.id}/commit`);
    expect(refused.status).toBe(409);
    expect(await credits(activityId)).toBe(0);

    const good = await xlsx(HEADERS, rows);
    const ok = await send('zhibu', activityId, good);
    expect(ok.body).toMatchObject({ errorCount: 0, valid: 3, totalMinutes: 60 + 90 + 120 });
    const commitUrl = `/api/volunteer/hours-imports/${ok.body.id}/commit`;
    expect((await t().anonymous.post(commitUrl)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(commitUrl)).status).toBe(404);
    const done = await (await t().as('zhibu')).post(commitUrl);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ credited: 3, minutes: 270 });
    expect(await credits(activityId)).toBe(3);
    const entries = await db()
      .selectFrom('volunteer_hours_entry')
      .select(['basis', 'source', 'hash', 'prev_hash'])
      .where('activity_id', '=', activityId)
      .execute();
    expect(entries.every((e) => e.basis === 'manual' && e.source === 'activity' && e.hash.length === 64)).toBe(true);
    expect((await (await t().as('zhibu')).post(commitUrl)).status).toBe(409);

    const twice = await send('zhibu', activityId, good);
    expect(twice.body.errorCount).toBe(3);
    expect(twice.body.errors[0].message).toContain('已有本活动的时长记录');
  });

  it('names bad cells in Chinese: hours out of range, a time it cannot read, an end before the start', async () => {
    const activityId = await offlineActivity();
    const [p] = await volunteers(1);
    const file = await xlsx(HEADERS, [
      { [HEADERS[0]]: p.staffNo, [HEADERS[1]]: p.name, [HEADERS[2]]: '30' },
      { [HEADERS[0]]: p.staffNo, [HEADERS[1]]: p.name, [HEADERS[2]]: '1', [HEADERS[3]]: '明天上午' },
      {
        [HEADERS[0]]: p.staffNo,
        [HEADERS[1]]: p.name,
        [HEADERS[2]]: '1',
        [HEADERS[3]]: '2026-05-01 10:00',
        [HEADERS[4]]: '2026-05-01 09:00',
      },
    ]);
    const preview = await send('zhibu', activityId, file);
    expect(preview.body.errors.map((e: { column: string }) => e.column)).toEqual([
      '时长（小时）',
      '服务开始',
      '服务结束',
    ]);
  });
});
