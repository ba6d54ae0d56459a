import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { readXlsx } from '../../test/read-xlsx';
import { demoPersonId, demoPlainPeople, demoUnitId } from '../people/people.factory';

describeOnEngines('role holders', (t) => {
  const demo = () => t().demo;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  type Holder = { id: number; personName: string; role: string; validTo: string | null; daysLeft: number | null };

  it('lists holders by role and unit, the expiring ones on their own, and exports exactly those rows', async () => {
    const zongzhi = await t().as('zongzhi');
    const unitId = demoUnitId(demo(), 'jnsd-wx-jg1');
    const people = demoPlainPeople(demo(), 'jnsd-wx-jg1').slice(0, 2);
    for (const p of people) {
      const res = await zongzhi.post('/api/grants', {
        personId: demo().personIds.get(p.key)!,
        role: 'branch_secretary',
        unitId,
        validFrom: day(0),
        validTo: day(10),
      });
      expect(res.status).toBe(201);
    }
    expect((await t().anonymous.get('/api/role-holders')).status).toBe(401);
    const all = await zongzhi.get(`/api/role-holders?unitId=${demoUnitId(demo(), 'jnsd-wx')}&pageSize=200`);
    expect(all.status).toBe(200);
    expect((all.body.items as Holder[]).some((h) => h.role === 'member')).toBe(false);
    expect((all.body.items as Holder[]).some((h) => h.role === 'general_branch_secretary')).toBe(true);

    const expiring = await zongzhi.get(`/api/role-holders?expiringDays=30&unitId=${unitId}&sort=person`);
    const names = (expiring.body.items as Holder[]).map((h) => h.personName);
    expect(names.sort()).toEqual(people.map((p) => p.name).sort());
    expect((expiring.body.items as Holder[]).every((h) => h.daysLeft === 10)).toBe(true);
    // Out of scope: another college's secretary sees none of them.
    const other = await (await t().as('zhibu2')).get(`/api/role-holders?expiringDays=30&unitId=${unitId}`);
    expect(other.body.total).toBe(0);

    const file = await zongzhi.get(`/api/role-holders.xlsx?expiringDays=30&unitId=${unitId}&sort=person`);
    expect(file.status).toBe(200);
    const sheet = await readXlsx(file.raw);
    expect(sheet.headers[0]).toBe('姓名');
    expect(sheet.rows.map((r) => r[0])).toEqual((expiring.body.items as Holder[]).map((h) => h.personName));
    expect((await zongzhi.get('/api/role-holders?role=nope')).status).toBe(400);
  });

  it('renews and revokes in batches: 401, 404 out of scope (nothing changes), all-or-nothing, then done', async () => {
    const zongzhi = await t().as('zongzhi');
    const unitId = demoUnitId(demo(), 'jnsd-wx-jg1');
    const list = await zongzhi.get(`/api/role-holders?expiringDays=30&unitId=${unitId}`);
    const ids = (list.body.items as Holder[]).map((h) => h.id);
    expect(ids.length).toBeGreaterThan(0);

    const renew = { ids, validTo: day(400) };
    expect((await t().anonymous.post('/api/grants/renew-batch', renew)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post('/api/grants/renew-batch', renew)).status).toBe(404);
    const bad = await zongzhi.post('/api/grants/renew-batch', { ids, validTo: day(5) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('validTo');
    const renewed = await zongzhi.post('/api/grants/renew-batch', renew);
    expect(renewed.status).toBe(200);
    expect(renewed.body.renewed).toBe(ids.length);
    const later = await zongzhi.get(`/api/role-holders?unitId=${unitId}&role=branch_secretary`);
    expect((later.body.items as Holder[]).filter((h) => h.validTo === day(400)).length).toBe(ids.length);

    // A batch holding one grant the actor may not revoke (their own) changes nothing.
    const own = (await zongzhi.get(`/api/grants?personId=${demoPersonId(demo(), 'zongzhi')}`)).body.items.find(
      (g: { role: string }) => g.role === 'general_branch_secretary',
    );
    const mixed = await zongzhi.post('/api/grants/revoke-batch', { ids: [...ids, own.id], reason: '换届' });
    expect(mixed.status).toBe(403);
    expect((await zongzhi.get(`/api/role-holders?expiringDays=30&unitId=${unitId}`)).body.total).toBe(ids.length);

    const body = { ids, reason: '换届' };
    expect((await t().anonymous.post('/api/grants/revoke-batch', body)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post('/api/grants/revoke-batch', body)).status).toBe(404);
    expect((await zongzhi.post('/api/grants/revoke-batch', { ids, reason: ' ' })).status).toBe(400);
    const done = await zongzhi.post('/api/grants/revoke-batch', body);
    expect(done.status).toBe(200);
    expect(done.body.revoked).toBe(ids.length);
    expect((await zongzhi.get(`/api/role-holders?expiringDays=30&unitId=${unitId}`)).body.total).toBe(0);
  });
});
