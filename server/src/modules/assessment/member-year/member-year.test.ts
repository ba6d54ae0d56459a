import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../test/harness';
import { personIdOf } from '../../volunteering/volunteering.factory';

describeOnEngines('member year', (t) => {
  const thisYear = Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4));

  it('a member sees their own year; their branch sees it; signed out is 401 and another branch 404', async () => {
    const id = await personIdOf(t(), 'dangyuan');
    expect((await t().anonymous.get(`/api/people/${id}/year`)).status).toBe(401);
    const own = await (await t().as('dangyuan')).get(`/api/people/${id}/year`);
    expect(own.status).toBe(200);
    expect(own.body.year).toBe(thisYear);
    expect(own.body.person.id).toBe(id);
    expect((await (await t().as('zhibu')).get(`/api/people/${id}/year`)).status).toBe(200);
    expect((await (await t().as('zhibu2')).get(`/api/people/${id}/year`)).status).toBe(404);
    expect((await (await t().as('dangyuan')).get(`/api/people/${id}/year?year=1800`)).status).toBe(400);
  });

  it('hours are the ones that count, pending ones shown apart, and every figure matches the records', async () => {
    const { db } = t().database;
    // A person with hours waiting for review, if the demo has one, else anyone with counted hours.
    const pending = await sql<{ person_id: number; y: number }>`
      select person_id, extract(year from service_start at time zone 'Asia/Shanghai')::int as y
      from volunteer_hours_pending order by id limit 1`.execute(db);
    const counted = await sql<{ person_id: number; y: number }>`
      select person_id, extract(year from service_start at time zone 'Asia/Shanghai')::int as y
      from volunteer_hours_counted order by id limit 1`.execute(db);
    const pick = pending.rows[0] ?? counted.rows[0];
    expect(pick).toBeDefined();
    const admin = await t().as('admin');
    const res = await admin.get(`/api/people/${pick!.person_id}/year?year=${pick!.y}`);
    expect(res.status).toBe(200);
    const v = res.body.volunteering;
    const expected = await sql<{ m: number; p: number }>`
      select
        (select coalesce(sum(minutes), 0)::int from volunteer_hours_counted where person_id = ${pick!.person_id}
          and extract(year from service_start at time zone 'Asia/Shanghai') = ${pick!.y}) as m,
        (select coalesce(sum(minutes), 0)::int from volunteer_hours_pending where person_id = ${pick!.person_id}
          and extract(year from service_start at time zone 'Asia/Shanghai') = ${pick!.y}) as p`.execute(db);
    expect(v.hours.countedMinutes).toBe(Number(expected.rows[0]!.m));
    expect(v.hours.pendingMinutes).toBe(Number(expected.rows[0]!.p));
    expect(v.hours.entries.reduce((a: number, e: { minutes: number }) => a + e.minutes, 0)).toBe(
      v.hours.countedMinutes,
    );
    if (pending.rows[0]) expect(v.hours.pendingMinutes).toBeGreaterThan(0);

    const d = res.body.demands;
    expect(d.servedMinutes).toBe(d.served.reduce((a: number, s: { minutes: number }) => a + s.minutes, 0));
    if (d.ratings.length) {
      const avg = d.ratings.reduce((a: number, r: { score: number }) => a + r.score, 0) / d.ratings.length;
      expect(d.averageScore).toBeCloseTo(avg, 2);
    } else expect(d.averageScore).toBeNull();
  });
});
