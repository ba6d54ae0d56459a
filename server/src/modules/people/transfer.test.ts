import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { demoPlainPeople, demoUnitId } from './people.factory';

describeOnEngines('people transfers', (t) => {
  const demo = () => t().demo;
  const unit = (key: string) => demoUnitId(demo(), key);
  const members = () =>
    demoPlainPeople(demo(), 'jnsd-wx-bk1', (p) => p.politicalStatus === 'member').map(
      (p) => demo().personIds.get(p.key)!,
    );
  const memberGrants = (personId: number) =>
    t()
      .database.db.selectFrom('role_grant')
      .select(['unit_id', 'revoked_at'])
      .where('person_id', '=', personId)
      .where('role', '=', 'member')
      .orderBy('id')
      .execute();
  const auditActions = (entityType: string, id: number) =>
    t()
      .database.db.selectFrom('audit_event')
      .select('action')
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute()
      .then((rows) => rows.map((r) => r.action));

  it('requests a transfer: 401 signed out, 404 out of scope, 403 without people.manage, 201 by the sending branch', async () => {
    const [person] = members();
    const url = `/api/people/${person}/transfers`;
    const body = { toUnitId: unit('jnsd-sx-bk1'), reason: '转专业至数学与统计学院' };
    expect((await t().anonymous.post(url, body)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url, body)).status).toBe(404);
    expect((await (await t().as('dangyuan')).post(url, body)).status).toBe(403);
    const res = await (await t().as('zhibu')).post(url, body);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('pending');
    const again = await (await t().as('zhibu')).post(url, body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('TRANSFER_PENDING');
    const profile = (await (await t().as('zhibu')).get(`/api/people/${person}`)).body;
    expect(profile.pendingTransfer).toMatchObject({ id: res.body.id, toUnitName: '数学与统计学院本科生第一党支部' });
    expect(profile.abilities.transfer).toBe(false);
  });

  it('refuses the same unit, a unit that is not a branch, and bad input by field', async () => {
    const person = members()[1];
    const client = await t().as('zhibu');
    const same = await client.post(`/api/people/${person}/transfers`, {
      toUnitId: unit('jnsd-wx-bk1'),
      reason: '测试',
    });
    expect(same.body.error.code).toBe('SAME_UNIT');
    const general = await client.post(`/api/people/${person}/transfers`, { toUnitId: unit('jnsd-sx'), reason: '测试' });
    expect(general.body.error.code).toBe('TARGET_NOT_BRANCH');
    expect((await client.post(`/api/people/${person}/transfers`, { toUnitId: 999999, reason: '测试' })).status).toBe(
      404,
    );
    const bad = await client.post(`/api/people/${person}/transfers`, { toUnitId: 'x', reason: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['toUnitId', 'reason']),
    );
  });

  it('lists outgoing for the sender and incoming for the receiver', async () => {
    const [person] = members();
    const outgoing = (await (await t().as('zhibu')).get('/api/transfers?direction=outgoing')).body;
    expect(outgoing.items.map((i: { personId: number }) => i.personId)).toContain(person);
    expect(outgoing.items[0].abilities).toEqual({ approve: false, reject: false });
    expect((await (await t().as('zhibu')).get('/api/transfers?direction=incoming')).body.total).toBe(0);
    const incoming = (await (await t().as('zhibu2')).get('/api/transfers?direction=incoming')).body;
    expect(incoming.items.map((i: { personId: number }) => i.personId)).toEqual([person]);
    expect(incoming.items[0].abilities).toEqual({ approve: true, reject: true });
    expect((await (await t().as('jiaogong')).get('/api/transfers')).body.total).toBe(0);
    expect((await t().anonymous.get('/api/transfers')).status).toBe(401);
    expect((await (await t().as('zhibu2')).get('/api/transfers?direction=sideways')).status).toBe(400);
  });

  it('lets only the receiving side approve, and approval moves the person and their member role', async () => {
    const [person] = members();
    const id = (await (await t().as('zhibu2')).get('/api/transfers?direction=incoming')).body.items[0].id;
    const url = `/api/transfers/${id}/approve`;
    expect((await t().anonymous.post(url, {})).status).toBe(401);
    expect((await (await t().as('jiaogong')).post(url, {})).status).toBe(404);
    const sender = await (await t().as('zhibu')).post(url, {});
    expect(sender.status).toBe(403);
    expect((await (await t().as('zongzhi')).post(url, {})).status).toBe(403);
    const ok = await (await t().as('zhibu2')).post(url, { note: '同意接收' });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect((await (await t().as('zhibu2')).post(url, {})).body.error.code).toBe('TRANSFER_NOT_PENDING');

    expect((await (await t().as('zhibu')).get(`/api/people/${person}`)).status).toBe(404);
    const moved = (await (await t().as('zhibu2')).get(`/api/people/${person}`)).body;
    expect(moved).toMatchObject({ unitId: unit('jnsd-sx-bk1'), pendingTransfer: null, masked: false });
    const grants = await memberGrants(person);
    expect(grants.filter((g) => g.revoked_at === null).map((g) => g.unit_id)).toEqual([unit('jnsd-sx-bk1')]);
    expect(grants.find((g) => g.unit_id === unit('jnsd-wx-bk1'))!.revoked_at).not.toBeNull();
    expect(await auditActions('person_transfer', id)).toEqual([
      'person_transfer.requested',
      'person_transfer.approved',
    ]);
    expect(await auditActions('person', person)).toContain('person.transferred');
    // The sender still sees the finished request in its outgoing list.
    const done = (await (await t().as('zhibu')).get('/api/transfers?direction=outgoing&status=approved')).body;
    expect(done.items.map((i: { id: number }) => i.id)).toContain(id);
  });

  it('lets the receiving side reject with a reason, leaving the person where they were', async () => {
    const person = members()[2];
    const created = await (await t().as('zhibu')).post(`/api/people/${person}/transfers`, {
      toUnitId: unit('jnsd-sx-bk1'),
      reason: '随导师调动',
    });
    const url = `/api/transfers/${created.body.id}/reject`;
    expect((await t().anonymous.post(url, { note: '名额已满' })).status).toBe(401);
    expect((await (await t().as('jiaogong')).post(url, { note: '名额已满' })).status).toBe(404);
    expect((await (await t().as('zhibu')).post(url, { note: '名额已满' })).status).toBe(403);
    const missing = await (await t().as('zhibu2')).post(url, { note: ' ' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('note');
    const ok = await (await t().as('zhibu2')).post(url, { note: '名额已满' });
    expect(ok.status).toBe(200);
    const profile = (await (await t().as('zhibu')).get(`/api/people/${person}`)).body;
    expect(profile).toMatchObject({
      unitId: unit('jnsd-wx-bk1'),
      pendingTransfer: null,
      abilities: { transfer: true },
    });
    const list = (await (await t().as('zhibu')).get('/api/transfers?status=rejected')).body.items;
    expect(list[0]).toMatchObject({ id: created.body.id, decisionNote: '名额已满', status: 'rejected' });
    expect((await memberGrants(person)).filter((g) => g.revoked_at === null).map((g) => g.unit_id)).toEqual([
      unit('jnsd-wx-bk1'),
    ]);
  });

  it('lists open branches anywhere as transfer targets', async () => {
    const res = await (await t().as('zhibu')).get(`/api/transfer-targets?q=${encodeURIComponent('数学')}`);
    expect(res.status).toBe(200);
    const expected = demo().school.units.filter(
      (u) =>
        (u.type === 'branch' || u.type === 'direct_branch') && (u.name.includes('数学') || u.parentKey === 'jnsd-sx'),
    );
    expect(res.body.items.map((u: { id: number }) => u.id).sort()).toEqual(expected.map((u) => unit(u.key)).sort());
    expect((await t().anonymous.get('/api/transfer-targets')).status).toBe(401);
  });
});
