import { maskIdNumber, maskPhone, STAFFING_TARGET } from '@pioneer/domain';
import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { demoPeopleUnder, demoPersonId, demoPersonKey, demoPlainPeople, demoUnitId } from './people.factory';

describeOnEngines('people', (t) => {
  const demo = () => t().demo;
  const people = () => demo().school.people;
  const idOf = (key: string) => demo().personIds.get(key)!;
  const unit = (key: string) => demoUnitId(demo(), key);
  type Item = {
    id: number;
    phone: string;
    idNumber: string;
    masked: boolean;
    unitId: number;
    abilities: Record<string, boolean>;
  };
  const all = async (username: string, query = '') => {
    const res = await (await t().as(username)).get(`/api/people?pageSize=200${query}`);
    expect(res.status).toBe(200);
    return res.body as { items: Item[]; total: number };
  };

  it('reports the staffing ratio per unit, per child and school-wide, from the demo people', async () => {
    const res = await (await t().as('zuzhibu')).get(`/api/reports/staffing?unitId=${unit('jnsd')}`);
    expect(res.status).toBe(200);
    const expected = (key: string) => {
      const ps = demoPeopleUnder(demo(), key);
      const fulltime = ps.filter((p) => p.fulltimePartyWorker).length;
      return {
        population: ps.length,
        fulltime,
        ratio: fulltime / ps.length,
        meetsTarget: fulltime / ps.length >= STAFFING_TARGET,
      };
    };
    expect(res.body.school).toMatchObject(expected('jnsd'));
    expect(res.body.unit).toMatchObject(expected('jnsd'));
    const tops = demo().school.units.filter((u) => u.parentKey === 'jnsd');
    expect(res.body.children).toHaveLength(tops.length);
    for (const u of tops) {
      const row = res.body.children.find((c: { unitId: number }) => c.unitId === unit(u.key));
      expect(row).toMatchObject({ unitName: u.name, ...expected(u.key) });
      expect(row.needed).toBe(Math.max(0, Math.ceil(row.population / 100) - row.fulltime));
    }
    const wx = await (await t().as('zongzhi')).get(`/api/reports/staffing?unitId=${unit('jnsd-wx')}`);
    expect(wx.body.unit).toMatchObject(expected('jnsd-wx'));
    expect(wx.body.children.map((c: { unitId: number }) => c.unitId).sort()).toEqual(
      demo()
        .school.units.filter((u) => u.parentKey === 'jnsd-wx')
        .map((u) => unit(u.key))
        .sort(),
    );
    expect(wx.body.school.population).toBe(people().length);
  });

  it('answers the staffing report 401 signed out and 404 outside report.view', async () => {
    expect((await t().anonymous.get(`/api/reports/staffing?unitId=${unit('jnsd')}`)).status).toBe(401);
    expect((await (await t().as('zhibu2')).get(`/api/reports/staffing?unitId=${unit('jnsd-wx')}`)).status).toBe(404);
    expect((await (await t().as('zuzhibu')).get('/api/reports/staffing?unitId=abc')).body.error.details[0].path).toBe(
      'unitId',
    );
  });

  it('scopes the roster: everyone for the org department, the college for its secretary, only oneself for a non-member', async () => {
    expect((await t().anonymous.get('/api/people')).status).toBe(401);
    expect((await all('zuzhibu')).total).toBe(people().length);
    const wx = await all('zongzhi');
    expect(wx.total).toBe(demoPeopleUnder(demo(), 'jnsd-wx').length);
    const wxIds = new Set(demoPeopleUnder(demo(), 'jnsd-wx').map((p) => idOf(p.key)));
    expect(wx.items.every((p) => wxIds.has(p.id))).toBe(true);
    const self = await all('qunzhong');
    expect(self.items.map((p) => p.id)).toEqual([demoPersonId(demo(), 'qunzhong')]);
  });

  it('filters by unit subtree, kind, status, cadre level, full-time worker, skill, campus, stage and text', async () => {
    const count = async (query: string) => (await all('zuzhibu', query)).total;
    const ps = people();
    expect(await count(`&unitId=${unit('jnsd-sx')}`)).toBe(demoPeopleUnder(demo(), 'jnsd-sx').length);
    expect(await count('&kind=student')).toBe(ps.filter((p) => p.kind === 'student').length);
    expect(await count('&politicalStatus=probationary')).toBe(
      ps.filter((p) => p.politicalStatus === 'probationary').length,
    );
    expect(await count('&cadreLevel=division')).toBe(ps.filter((p) => p.cadreLevel === 'division').length);
    expect(await count('&fulltimePartyWorker=true')).toBe(ps.filter((p) => p.fulltimePartyWorker).length);
    expect(await count('&fulltimePartyWorker=false')).toBe(ps.filter((p) => !p.fulltimePartyWorker).length);
    const skill = ps.flatMap((p) => p.skills)[0];
    expect(await count(`&skill=${encodeURIComponent(skill)}`)).toBe(ps.filter((p) => p.skills.includes(skill)).length);
    expect(await count(`&campus=${encodeURIComponent(ps[0].campus)}`)).toBe(
      ps.filter((p) => p.campus === ps[0].campus).length,
    );
    expect(await count('&developmentStage=backbone')).toBe(ps.filter((p) => p.developmentStage === 'backbone').length);
    const name = ps[5].name.slice(0, 2);
    const prefix = ps[5].staffNo.slice(0, 6);
    expect(await count(`&q=${encodeURIComponent(name)}`)).toBe(ps.filter((p) => p.name.includes(name)).length);
    expect(await count(`&q=${prefix}`)).toBe(
      ps.filter((p) => p.staffNo.startsWith(prefix) || p.name.includes(prefix)).length,
    );
    expect(await count('&q=%25')).toBe(0);
    const bad = await (await t().as('zuzhibu')).get('/api/people?kind=alien&pageSize=1000');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['kind', 'pageSize']),
    );
  });

  it('pages and sorts', async () => {
    const client = await t().as('zuzhibu');
    const p1 = (await client.get('/api/people?sort=staffNo&pageSize=10&page=1')).body;
    const p2 = (await client.get('/api/people?sort=staffNo&pageSize=10&page=2')).body;
    const sorted = people()
      .map((p) => p.staffNo)
      .sort();
    expect(p1.items.map((p: { staffNo: string }) => p.staffNo)).toEqual(sorted.slice(0, 10));
    expect(p2.items.map((p: { staffNo: string }) => p.staffNo)).toEqual(sorted.slice(10, 20));
    expect(p1).toMatchObject({ total: people().length, page: 1, pageSize: 10 });
    const desc = (await client.get('/api/people?sort=staffNo&order=desc&pageSize=1')).body.items[0].staffNo;
    expect(desc).toBe(sorted.at(-1));
  });

  it('masks phone and ID number unless the viewer handles the person, and never for oneself', async () => {
    const byId = new Map(people().map((p) => [idOf(p.key), p]));
    // 宣传部 views everyone but handles no one.
    for (const item of (await all('xuanchuan', `&unitId=${unit('jnsd-wx-bk1')}`)).items) {
      const p = byId.get(item.id)!;
      expect(item).toMatchObject({ phone: maskPhone(p.phone), idNumber: maskIdNumber(p.idNumber), masked: true });
      expect(item.abilities).toEqual({ update: false, transfer: false, viewSensitive: false });
    }
    for (const item of (await all('zhibu', `&unitId=${unit('jnsd-wx-bk1')}`)).items) {
      expect(item).toMatchObject({
        phone: byId.get(item.id)!.phone,
        idNumber: byId.get(item.id)!.idNumber,
        masked: false,
      });
      expect(item.abilities).toEqual({ update: true, transfer: true, viewSensitive: true });
    }
    // A student member sees the branch, masked, except their own row.
    const self = demoPersonId(demo(), 'dangyuan');
    const mates = (await all('dangyuan')).items;
    expect(mates.length).toBe(demoPeopleUnder(demo(), 'jnsd-wx-bk1').length);
    for (const item of mates) expect(item.masked).toBe(item.id !== self);
    expect(mates.find((i) => i.id === self)!.phone).toBe(byId.get(self)!.phone);
  });

  it('shows a profile with unit trail and roles; 404 out of scope; oneself always', async () => {
    const zhibu = demoPersonId(demo(), 'zhibu');
    expect((await t().anonymous.get(`/api/people/${zhibu}`)).status).toBe(401);
    expect((await (await t().as('zhibu2')).get(`/api/people/${zhibu}`)).status).toBe(404);
    const res = await (await t().as('zongzhi')).get(`/api/people/${zhibu}`);
    expect(res.status).toBe(200);
    expect(res.body.unitTrail.map((u: { id: number }) => u.id)).toEqual([
      unit('jnsd'),
      unit('jnsd-wx'),
      unit('jnsd-wx-jg1'),
    ]);
    expect(res.body.roles.map((r: { role: string; unitId: number }) => [r.role, r.unitId]).sort()).toEqual(
      [
        ['branch_secretary', unit('jnsd-wx-bk1')],
        ['member', unit('jnsd-wx-jg1')],
      ].sort(),
    );
    expect(res.body).toMatchObject({ masked: false, pendingTransfer: null, abilities: { update: true } });
    const qz = demoPersonId(demo(), 'qunzhong');
    const own = await (await t().as('qunzhong')).get(`/api/people/${qz}`);
    expect(own.status).toBe(200);
    const p = people().find((x) => x.key === demoPersonKey(demo(), 'qunzhong'))!;
    expect(own.body).toMatchObject({ phone: p.phone, idNumber: p.idNumber, roles: [], abilities: { update: false } });
    expect((await (await t().as('qunzhong')).get(`/api/people/${zhibu}`)).status).toBe(404);
  });

  const newPerson = (over: Record<string, unknown> = {}) => ({
    name: '测试新生',
    gender: 'female',
    kind: 'student',
    staffNo: '20269999',
    idNumber: '11010519491231002X',
    phone: '13800138000',
    politicalStatus: 'probationary',
    unitId: unit('jnsd-wx-bk1'),
    ...over,
  });

  it('creates a person: 401 signed out, 404 out of scope, 403 without people.manage, 201 with the member role', async () => {
    expect((await t().anonymous.post('/api/people', newPerson())).status).toBe(401);
    expect((await (await t().as('zhibu2')).post('/api/people', newPerson())).status).toBe(404);
    expect((await (await t().as('dangyuan')).post('/api/people', newPerson())).status).toBe(403);
    const client = await t().as('zhibu');
    const created = await client.post('/api/people', newPerson());
    expect(created.status).toBe(201);
    const profile = (await client.get(`/api/people/${created.body.id}`)).body;
    expect(profile).toMatchObject({
      name: '测试新生',
      staffNo: '20269999',
      unitId: unit('jnsd-wx-bk1'),
      cadreLevel: 'none',
    });
    expect(profile.roles.map((r: { role: string; unitId: number }) => [r.role, r.unitId])).toEqual([
      ['member', unit('jnsd-wx-bk1')],
    ]);
    // The audit log keeps the phone masked: its readers need not handle this person.
    const audit = await t()
      .database.db.selectFrom('audit_event')
      .select(['after'])
      .where('action', '=', 'person.created')
      .where('entity_id', '=', String(created.body.id))
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ phone: '138****8000', idNumber: '110105********002X' });
  });

  it('refuses a taken staff number, a non-branch unit and bad fields by name', async () => {
    const client = await t().as('zongzhi');
    const taken = await client.post('/api/people', newPerson({ staffNo: people()[0].staffNo }));
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('DUPLICATE_STAFF_NO');
    const notBranch = await client.post('/api/people', newPerson({ staffNo: '20269998', unitId: unit('jnsd-wx') }));
    expect(notBranch.body.error.code).toBe('NOT_A_BRANCH');
    const bad = await client.post('/api/people', newPerson({ idNumber: '110105194912310021', phone: '12', kind: 'x' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['idNumber', 'phone', 'kind']),
    );
  });

  it('updates a person: 401, 404 out of scope, 403 for a member, 200 in scope; 409 for a taken staff number', async () => {
    const target = demoPlainPeople(demo(), 'jnsd-wx-bk1', (p) => p.politicalStatus === 'member')[0];
    const id = idOf(target.key);
    const url = `/api/people/${id}`;
    expect((await t().anonymous.put(url, { specialty: '书法' })).status).toBe(401);
    expect((await (await t().as('zhibu2')).put(url, { specialty: '书法' })).status).toBe(404);
    expect((await (await t().as('dangyuan')).put(url, { specialty: '书法' })).status).toBe(403);
    const client = await t().as('zhibu');
    const ok = await client.put(url, { specialty: '书法', skills: ['书法', '朗诵'], phone: '13900139000' });
    expect(ok.status).toBe(200);
    expect(ok.body.changed.sort()).toEqual(['phone', 'skills', 'specialty']);
    expect((await client.get(url)).body).toMatchObject({
      specialty: '书法',
      skills: ['书法', '朗诵'],
      phone: '13900139000',
    });
    const dup = await client.put(url, { staffNo: people()[1].staffNo });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE_STAFF_NO');
    expect((await client.put(url, { phone: 'abc' })).body.error.details[0].path).toBe('phone');
  });

  it('ends the member role when the political status leaves the Party', async () => {
    const target = demoPlainPeople(demo(), 'jnsd-wx-bk1', (p) => p.politicalStatus === 'member')[1];
    const url = `/api/people/${idOf(target.key)}`;
    const client = await t().as('zhibu');
    expect((await client.get(url)).body.roles.map((r: { role: string }) => r.role)).toEqual(['member']);
    expect((await client.put(url, { politicalStatus: 'masses' })).status).toBe(200);
    expect((await client.get(url)).body.roles).toEqual([]);
    expect((await client.put(url, { politicalStatus: 'probationary' })).status).toBe(200);
    expect((await client.get(url)).body.roles.map((r: { role: string }) => r.role)).toEqual(['member']);
  });

  it('never answers 500 to odd input', async () => {
    const client = await t().as('zuzhibu');
    const huge = 2 ** 40;
    const gets = [
      `/api/people?unitId=${huge}`,
      `/api/people?page=${huge}`,
      '/api/people?q=%27%3B%20drop%20table%20person%3B--',
      `/api/people?skill=${'技'.repeat(31)}`,
      '/api/people?sort=password',
      `/api/people/${huge}`,
      '/api/people/abc',
      `/api/reports/staffing?unitId=${huge}`,
      `/api/transfers?page=${huge}`,
    ];
    for (const url of gets) expect((await client.get(url)).status, url).toBeLessThan(500);
    const posts: [string, unknown][] = [
      ['/api/people', { ...newPerson({ staffNo: '20268888' }), unitId: huge }],
      [`/api/people/${huge}/transfers`, { toUnitId: 1, reason: '测试' }],
      [`/api/people/${idOf(people()[0].key)}/transfers`, { toUnitId: huge, reason: '测试' }],
      [`/api/transfers/${huge}/approve`, {}],
      ['/api/people', 'not json'],
    ];
    for (const [url, body] of posts) expect((await client.post(url, body)).status, url).toBeLessThan(500);
    expect((await client.put(`/api/people/${huge}`, { name: '某' })).status).toBeLessThan(500);
  });
});
