import { PERMISSIONS } from '@pioneer/domain';
import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { demoPersonId, demoPlainPeople, demoSubtree, demoUnitId } from '../people/people.factory';

describeOnEngines('access', (t) => {
  const demo = () => t().demo;
  const unit = (key: string) => demoUnitId(demo(), key);
  const person = (username: string) => demoPersonId(demo(), username);
  const today = new Date().toISOString().slice(0, 10);
  type Grant = { id: number; personId: number; role: string; unitId: number; abilities: { revoke: boolean } };

  it('lists grants in scope: a college for its secretary, nothing of it for another college', async () => {
    expect((await t().anonymous.get('/api/grants')).status).toBe(401);
    const wx = demoSubtree(demo(), 'jnsd-wx');
    const res = await (await t().as('zongzhi')).get(`/api/grants?unitId=${unit('jnsd-wx')}`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBe(demo().school.grants.filter((g) => wx.has(g.unitKey)).length);
    const other = await (await t().as('zhibu2')).get(`/api/grants?unitId=${unit('jnsd-wx')}`);
    expect(other.body.items).toEqual([]);
    const own = await (await t().as('qunzhong')).get('/api/grants');
    expect(own.body.items).toEqual([]);
    const mine = (await (await t().as('zhibu')).get(`/api/grants?personId=${person('zhibu')}`)).body.items as Grant[];
    expect(mine.map((g) => g.role).sort()).toEqual(['branch_secretary', 'member']);
    expect(mine.every((g) => g.abilities.revoke === false)).toBe(true);
  });

  it('tells which roles the actor may grant on a unit', async () => {
    const roles = async (username: string, key: string) =>
      (await (await t().as(username)).get(`/api/grants/grantable?unitId=${unit(key)}`)).body.items?.map(
        (r: { role: string }) => r.role,
      );
    expect(await roles('zongzhi', 'jnsd-wx-jg1')).toEqual(['branch_secretary', 'member']);
    expect(await roles('zhibu', 'jnsd-wx-bk1')).toEqual([]);
    expect(await roles('zuzhibu', 'jnsd')).not.toContain('committee_admin');
    expect((await (await t().as('zhibu2')).get(`/api/grants/grantable?unitId=${unit('jnsd-wx')}`)).status).toBe(404);
  });

  it('grants a role: 401, 404 out of scope, 403 beyond GRANTABLE_BY, 201; the new holder sees full phone numbers', async () => {
    const jiaogong = person('jiaogong');
    const body = { personId: jiaogong, role: 'branch_secretary', unitId: unit('jnsd-wx-jg1'), validFrom: today };
    expect((await t().anonymous.post('/api/grants', body)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post('/api/grants', body)).status).toBe(404);
    expect((await (await t().as('zhibu')).post('/api/grants', body)).status).toBe(403);
    expect((await (await t().as('zongzhi')).post('/api/grants', { ...body, role: 'org_dept' })).status).toBe(403);
    const colleague = demoPlainPeople(demo(), 'jnsd-wx-jg1')[0];
    const colleagueId = demo().personIds.get(colleague.key)!;
    const before = (await (await t().as('jiaogong')).get(`/api/people/${colleagueId}`)).body;
    expect(before).toMatchObject({ masked: true });
    const created = await (await t().as('zongzhi')).post('/api/grants', body);
    expect(created.status).toBe(201);
    const after = (await (await t().as('jiaogong')).get(`/api/people/${colleagueId}`)).body;
    expect(after).toMatchObject({ masked: false, phone: colleague.phone });
    const again = await (await t().as('zongzhi')).post('/api/grants', body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('GRANT_EXISTS');
    const audit = await t()
      .database.db.selectFrom('audit_event')
      .select(['action', 'actor_person_id'])
      .where('entity_type', '=', 'role_grant')
      .where('entity_id', '=', String(created.body.id))
      .execute();
    expect(audit).toEqual([{ action: 'role_grant.created', actor_person_id: person('zongzhi') }]);
  });

  it('refuses self-grants, the member role for a non-member, and bad dates by field', async () => {
    const client = await t().as('zongzhi');
    const self = await client.post('/api/grants', {
      personId: person('zongzhi'),
      role: 'member',
      unitId: unit('jnsd-wx'),
      validFrom: today,
    });
    expect(self.status).toBe(403);
    const masses = await client.post('/api/grants', {
      personId: person('qunzhong'),
      role: 'member',
      unitId: unit('jnsd-wx-bk1'),
      validFrom: today,
    });
    expect(masses.status).toBe(409);
    expect(masses.body.error.code).toBe('NOT_A_MEMBER');
    const dates = await client.post('/api/grants', {
      personId: person('jiaogong'),
      role: 'member',
      unitId: unit('jnsd-wx-bk1'),
      validFrom: '2026-05-01',
      validTo: '2026-04-01',
    });
    expect(dates.status).toBe(400);
    expect(dates.body.error.details[0].path).toBe('validTo');
    const bad = await client.post('/api/grants', {
      personId: 'x',
      role: 'king',
      unitId: unit('jnsd-wx'),
      validFrom: '2026-13-45',
    });
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['personId', 'role', 'validFrom']),
    );
  });

  it('revokes a grant: 401, 404 out of scope, 403 without the right, 200, then 409; the holder loses the access', async () => {
    const grants = (await (await t().as('zongzhi')).get(`/api/grants?personId=${person('jiaogong')}`)).body
      .items as Grant[];
    const grant = grants.find((g) => g.role === 'branch_secretary')!;
    expect(grant.abilities.revoke).toBe(true);
    const url = `/api/grants/${grant.id}/revoke`;
    expect((await t().anonymous.post(url, { reason: '换届' })).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url, { reason: '换届' })).status).toBe(404);
    expect((await (await t().as('zhibu')).post(url, { reason: '换届' })).status).toBe(403);
    expect((await (await t().as('jiaogong')).post(url, { reason: '换届' })).status).toBe(403);
    expect((await (await t().as('zongzhi')).post(url, { reason: '' })).body.error.details[0].path).toBe('reason');
    expect((await (await t().as('zongzhi')).post(url, { reason: '换届' })).status).toBe(200);
    const again = await (await t().as('zongzhi')).post(url, { reason: '换届' });
    expect(again.body.error.code).toBe('ALREADY_REVOKED');
    const colleague = demoPlainPeople(demo(), 'jnsd-wx-jg1')[0];
    const view = (await (await t().as('jiaogong')).get(`/api/people/${demo().personIds.get(colleague.key)}`)).body;
    expect(view.masked).toBe(true);
    const history = (
      await (await t().as('zongzhi')).get(`/api/grants?personId=${person('jiaogong')}&includeInactive=true`)
    ).body.items;
    expect(history.find((g: Grant) => g.id === grant.id)).toMatchObject({ status: 'revoked', statusLabel: '已收回' });
  });

  it('explains what a person can see and do and why; 404 outside people.view; oneself always', async () => {
    expect((await t().anonymous.get(`/api/access/explain?personId=${person('zhibu')}`)).status).toBe(401);
    expect((await (await t().as('zhibu2')).get(`/api/access/explain?personId=${person('zhibu')}`)).status).toBe(404);
    const res = await (await t().as('zuzhibu')).get(`/api/access/explain?personId=${person('zhibu')}`);
    expect(res.status).toBe(200);
    expect(res.body.permissions.map((p: { permission: string }) => p.permission)).toEqual(Object.keys(PERMISSIONS));
    const scopes = (permission: string) =>
      res.body.permissions
        .find((p: { permission: string }) => p.permission === permission)
        .scopes.map((s: { unitId: number; reasons: { role: string }[] }) => [s.unitId, s.reasons.map((r) => r.role)]);
    expect(scopes('people.sensitive')).toEqual([[unit('jnsd-wx-bk1'), ['branch_secretary']]]);
    expect(scopes('people.view').sort()).toEqual(
      [
        [unit('jnsd-wx-jg1'), ['member']],
        [unit('jnsd-wx-bk1'), ['branch_secretary']],
      ].sort(),
    );
    expect(scopes('grants.manage')).toEqual([]);
    const own = await (await t().as('qunzhong')).get(`/api/access/explain?personId=${person('qunzhong')}`);
    expect(own.status).toBe(200);
    expect(own.body.permissions.every((p: { scopes: unknown[] }) => p.scopes.length === 0)).toBe(true);
    const admin = (await (await t().as('admin')).get(`/api/access/explain?personId=${person('admin')}`)).body;
    expect(admin.isSystemAdmin).toBe(true);
    expect(admin.permissions.every((p: { scopes: { unitId: null }[] }) => p.scopes[0].unitId === null)).toBe(true);
  });
});
