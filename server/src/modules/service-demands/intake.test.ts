import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { fixtures } from './demands.fixtures';
import { PUBLIC_LIMIT } from './intake.service';

describeOnEngines('service demands · intake and rating', (t) => {
  const f = fixtures(t);
  const category = {
    name: '测试类别',
    group: '测试分组',
    code: 'test-cat',
    requiredSkills: ['摄影'],
    defaultUnitId: null,
    triageMinutes: 60,
    claimMinutes: 120,
    completeMinutes: 600,
  };

  it('manages categories: 401, 403 without the permission, 404 for a unit out of sight, 201, 400 naming the field', async () => {
    expect((await t().anonymous.post('/api/demand-categories', category)).status).toBe(401);
    expect((await (await t().as('zhibu')).post('/api/demand-categories', category)).status).toBe(403);
    const outside = await (await t().as('zhibu2')).post('/api/demand-categories', {
      ...category,
      defaultUnitId: f.unit('JNSD-WX'),
    });
    expect(outside.status).toBe(404);
    const created = f.ok(await (await t().as('zuzhibu')).post('/api/demand-categories', category), 201);
    const dup = await (await t().as('zuzhibu')).post('/api/demand-categories', category);
    expect(dup.status).toBe(409);
    const bad = await (await t().as('zuzhibu')).post('/api/demand-categories', {
      ...category,
      code: 'Bad Code',
      triageMinutes: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['code', 'triageMinutes']),
    );
    f.ok(await (await t().as('zuzhibu')).put(`/api/demand-categories/${created.id}`, { ...category, active: false }));
    expect((await (await t().as('zhibu')).put(`/api/demand-categories/${created.id}`, category)).status).toBe(403);
    const listed = f.ok(await t().anonymous.get('/api/public/demand-categories'));
    expect(listed.items.some((c: { id: number }) => c.id === created.id)).toBe(false);
    const filed = await (await t().as('qunzhong')).post('/api/demands', {
      title: '停用类别',
      description: '测试',
      categoryId: created.id,
    });
    expect([filed.status, filed.body.error.code]).toEqual([409, 'CATEGORY_INACTIVE']);
  });

  it('takes a need on the public form: tracking code back, no sign-in, local cooperation told', async () => {
    const created = await f.publicNeed({ title: '教老人用手机挂号' });
    expect(created.trackingCode).toMatch(/^XQ/);
    const tracked = f.ok(await t().anonymous.get(`/api/public/demands/${created.trackingCode}`));
    expect(tracked).toMatchObject({ title: '教老人用手机挂号', state: 'submitted', canRate: false });
    expect(JSON.stringify(tracked)).not.toContain('13912345678');
    const lower = await t().anonymous.get(`/api/public/demands/${created.trackingCode.toLowerCase()}`);
    expect(lower.status).toBe(200);
    expect((await t().anonymous.get('/api/public/demands/XQ2222222222')).status).toBe(404);
    expect((await t().anonymous.get('/api/public/demands/nonsense')).status).toBe(400);
    const detail = f.ok(await (await t().as('xiaodi')).get(`/api/demands/${created.id}`));
    expect(detail).toMatchObject({
      audience: 'society',
      channel: 'public',
      requester: { name: '王阿姨', phone: '13912345678' },
    });
    const notes = (await (await t().as('xiaodi')).get('/api/notifications')).body.items as { link: string }[];
    expect(notes.some((n) => n.link === `/demands/${created.id}`)).toBe(true);
  });

  it('validates the public form with the field named, and never answers 500 to junk', async () => {
    const client = f.publicClient();
    const bad = await client.post('/api/public/demands', {
      title: '',
      description: 'x',
      location: '',
      name: '',
      phone: '123',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['title', 'location', 'name', 'phone']),
    );
    expect(bad.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    for (const junk of ['not json', '{"title": 1}', '[]', 'null']) {
      const res = await client.inject({
        method: 'POST',
        url: '/api/public/demands',
        payload: junk,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, junk).toBeGreaterThanOrEqual(400);
      expect(res.status, junk).toBeLessThan(500);
    }
    const unknownCategory = await client.post('/api/public/demands', {
      title: '类别不存在',
      description: 'x',
      location: '某社区',
      name: '李',
      phone: '13800000000',
      categoryId: 999999,
    });
    expect(unknownCategory.status).toBe(404);
  });

  it('limits the public form per IP address in the database, other addresses unaffected', async () => {
    const client = f.publicClient();
    const body = { title: '限流测试', description: 'x', location: '某社区', name: '李', phone: '13800000000' };
    for (let i = 0; i < PUBLIC_LIMIT.hits; i++)
      expect((await client.post('/api/public/demands', body)).status).toBe(201);
    const limited = await client.post('/api/public/demands', body);
    expect([limited.status, limited.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    expect((await f.publicClient().post('/api/public/demands', body)).status).toBe(201);
  });

  it('lets officers file on behalf (entered by kept) only for their own channel, and secretaries after contact visits', async () => {
    const body = {
      title: '教工子女假期托管咨询',
      description: '希望了解校内假期托管',
      onBehalf: { audience: 'staff', channel: 'officer', requesterName: '赵老师', requesterPhone: '13700000000' },
    };
    const created = f.ok(await (await t().as('gonghui')).post('/api/demands', body), 201);
    const detail = f.ok(await (await t().as('gonghui')).get(`/api/demands/${created.id}`));
    expect(detail).toMatchObject({
      channel: 'officer',
      audience: 'staff',
      requester: { name: '赵老师', enteredBy: f.person('gonghui') },
    });
    const wrong = await (await t().as('gonghui')).post('/api/demands', {
      ...body,
      onBehalf: { ...body.onBehalf, audience: 'society' },
    });
    expect(wrong.status).toBe(403);
    const visit = {
      title: '班级同学反映自习室不足',
      description: '三联走访中了解到',
      onBehalf: {
        audience: 'student',
        channel: 'contact_visit',
        requesterName: '2024级汉语言文学1班',
        unitId: f.unit('JNSD-WX-BK1'),
      },
    };
    const filed = f.ok(await (await t().as('zhibu')).post('/api/demands', visit), 201);
    const seen = f.ok(await (await t().as('zhibu')).get(`/api/demands/${filed.id}`));
    expect(seen).toMatchObject({ channel: 'contact_visit', handlingUnit: { id: f.unit('JNSD-WX-BK1') } });
    expect((await (await t().as('zhibu2')).post('/api/demands', visit)).status).toBe(404);
    expect((await (await t().as('zhibu2')).get(`/api/demands/${filed.id}`)).status).toBe(404);
    // Student affairs (at the root) oversees it and triages it, although it was filed in a branch.
    f.ok(
      await (await t().as('xuegong')).post(`/api/demands/${filed.id}/triage`, {
        categoryId: await f.categoryId('counseling'),
      }),
    );
  });

  it('rates by tracking code and by signed link, attributes the rating, and refuses forged or spent links', async () => {
    const need = await f.completed();
    const zhibu = await t().as('zhibu');
    const detail = f.ok(await zhibu.get(`/api/demands/${need.id}`));
    expect(detail.ratingLink).toMatch(new RegExp(`^/rate/${need.id}\\.1\\.[A-Za-z0-9_-]{32}$`));
    const token = detail.ratingLink.slice('/rate/'.length);
    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await f.publicClient().get(`/api/public/rate-links/${forged}`)).status).toBe(404);
    expect((await f.publicClient().post(`/api/public/rate-links/${forged}`, { score: 5 })).status).toBe(404);
    expect(
      (await f.publicClient().post(`/api/public/rate-links/${need.id + 1}.1.${token.split('.')[2]}`, { score: 5 }))
        .status,
    ).toBe(404);
    const view = f.ok(await f.publicClient().get(`/api/public/rate-links/${token}`));
    expect(view).toMatchObject({ id: need.id, canRate: true });
    const bad = await f.publicClient().post(`/api/public/rate-links/${token}`, { score: 6 });
    expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'score']);
    const poor = f.ok(await f.publicClient().post(`/api/public/rate-links/${token}`, { score: 1, comment: '没人来' }));
    expect(poor).toMatchObject({
      to: 'reopened',
      attributedTo: { unitId: f.unit('JNSD-WX-BK1'), memberIds: need.members },
    });
    const spent = await f.publicClient().post(`/api/public/rate-links/${token}`, { score: 5 });
    expect([spent.status, spent.body.error.code]).toEqual([409, 'ALREADY_RATED']);

    const other = await f.completed();
    const byCode = f.ok(
      await f.publicClient().post(`/api/public/demands/${other.trackingCode}/rate`, { score: 4, comment: '不错' }),
    );
    expect(byCode.to).toBe('rated');
    const tracked = f.ok(await t().anonymous.get(`/api/public/demands/${other.trackingCode}`));
    expect(tracked).toMatchObject({ state: 'rated', lastRatingScore: 4, canRate: false });
    const ratings = f.ok(await zhibu.get(`/api/demands/${other.id}`)).ratings;
    expect(ratings[0]).toMatchObject({ score: 4, via: 'tracking_code' });
  });

  it('keeps the rating-link key in the database, so links survive a restart', async () => {
    const { database } = t();
    const keys = await database.db.selectFrom('demand_signing_key').select(['name', 'secret']).execute();
    expect(keys).toEqual([{ name: 'rating-link', secret: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/) }]);
  });
});
