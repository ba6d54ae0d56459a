import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { shanghaiDate } from './shared';
import { ensureRegistered, unitId } from './volunteering.factory';

describeOnEngines('volunteering 双报到', (t) => {
  let community: number;
  let otherCommunity: number;
  let enterprise: number;
  let postId: number;
  let claimId: number;
  let confirmUrl: string;
  const today = shanghaiDate(Date.now());

  beforeAll(async () => {
    const { items } = (await (await t().as('dangyuan')).get('/api/volunteer/communities')).body;
    community = items[0].id;
    otherCommunity = items[1].id;
    const all = await t().database.db.selectFrom('partner').select(['id', 'kind']).execute();
    enterprise = all.find((p) => p.kind === 'enterprise' || p.kind === 'government')!.id;
    await ensureRegistered(await t().as('dangyuan'));
    await ensureRegistered(await t().as('jiaogong'));
  });

  it('reports to a community with a registration slip, and re-reports on moving', async () => {
    const body = { partnerId: community, address: '仙林街道文苑路 18 号 3 栋 502 室' };
    expect((await t().anonymous.post('/api/volunteer/dual-reports', body)).status).toBe(401);
    expect((await (await t().as('qunzhong')).post('/api/volunteer/dual-reports', body)).body.error.code).toBe(
      'NOT_A_MEMBER',
    );
    const me = await t().as('dangyuan');
    expect((await me.post('/api/volunteer/dual-reports', { ...body, partnerId: enterprise })).body.error.code).toBe(
      'NOT_A_COMMUNITY',
    );
    expect((await me.post('/api/volunteer/dual-reports', { ...body, partnerId: 999999 })).status).toBe(404);
    expect((await me.post('/api/volunteer/dual-reports', { ...body, address: '' })).body.error.details[0].path).toBe(
      'address',
    );
    const first = await me.post('/api/volunteer/dual-reports', { ...body, partnerId: otherCommunity });
    expect(first.status).toBe(201);
    expect(first.body.slipNo).toMatch(/^SBD-\d{4}-\d{6}$/);
    const moved = await me.post('/api/volunteer/dual-reports', body);
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ partnerId: community, volunteerNo: expect.stringMatching(/-V-/) });
    expect((await me.post('/api/volunteer/dual-reports', body)).body.error.code).toBe('ALREADY_REPORTED');
    const history = await t()
      .database.db.selectFrom('dual_report')
      .select(['ended_at'])
      .where('slip_no', '=', first.body.slipNo)
      .executeTakeFirstOrThrow();
    expect(history.ended_at).not.toBeNull();
    expect((await (await t().as('jiaogong')).post('/api/volunteer/dual-reports', body)).status).toBe(201);
  });

  it('posts a community service post: 401, 404 out of scope, 403 without the permission, 201', async () => {
    const body = {
      partnerId: community,
      title: '社区老年食堂助餐',
      category: 'elderly',
      description: '每周六中午协助打餐',
      slots: 1,
      startsOn: '2026-01-01',
      endsOn: '2099-12-31',
    };
    expect((await t().anonymous.post('/api/volunteer/community-posts', body)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post('/api/volunteer/community-posts', body)).status).toBe(404);
    expect((await (await t().as('dangwei')).post('/api/volunteer/community-posts', body)).status).toBe(403);
    const res = await (await t().as('zuzhibu')).post('/api/volunteer/community-posts', body);
    expect(res.status).toBe(201);
    postId = res.body.id;
    const seen = await (await t().as('dangyuan')).get('/api/volunteer/community-posts');
    expect(seen.body.items.map((p: { id: number }) => p.id)).toContain(postId);
    expect(
      (await (await t().as('zhibu2')).get('/api/volunteer/community-posts')).body.items.map(
        (p: { id: number }) => p.id,
      ),
    ).not.toContain(postId);
  });

  it('claims a post: 401, 404 out of scope, 201, and each refusal by name', async () => {
    const url = `/api/volunteer/community-posts/${postId}/claims`;
    expect((await t().anonymous.post(url)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url)).status).toBe(404);
    expect((await (await t().as('zuzhibu')).post(url)).body.error.code).toBe('NOT_REPORTED_HERE');
    const ok = await (await t().as('dangyuan')).post(url);
    expect(ok.status).toBe(201);
    claimId = ok.body.id;
    expect((await (await t().as('dangyuan')).post(url)).body.error.code).toBe('ALREADY_CLAIMED');
    expect((await (await t().as('jiaogong')).post(url)).body.error.code).toBe('POST_FULL');
  });

  it('reports the service and gets a signed link: 401, 404 for someone else, 200', async () => {
    const body = { servedOn: today, minutes: 150, note: '协助打餐并陪老人聊天' };
    const url = `/api/volunteer/claims/${claimId}/served`;
    expect((await t().anonymous.post(url, body)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url, body)).status).toBe(404);
    const res = await (await t().as('dangyuan')).post(url, body);
    expect(res.status).toBe(200);
    confirmUrl = res.body.confirmUrl;
    expect(confirmUrl).toMatch(new RegExp(`/volunteer/confirm/${claimId}\\?sig=[0-9a-f]{64}$`));
  });

  it('lets the community confirm through the signed link without signing in; a forged link fails', async () => {
    const sig = new URL(confirmUrl).searchParams.get('sig')!;
    const view = await t().anonymous.get(`/api/public/dual-report/claims/${claimId}?sig=${sig}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ status: 'served', minutes: 150, postTitle: '社区老年食堂助餐' });
    expect(view.body.personName).toContain('*');
    const forged = `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`;
    expect((await t().anonymous.get(`/api/public/dual-report/claims/${claimId}?sig=${forged}`)).status).toBe(404);
    expect(
      (
        await t().anonymous.post(`/api/public/dual-report/claims/${claimId}/confirm`, {
          sig: forged,
          contactName: '王主任',
        })
      ).status,
    ).toBe(404);
    expect(
      (await t().anonymous.post(`/api/public/dual-report/claims/${claimId}/confirm`, { sig, contactName: '' })).status,
    ).toBe(400);
    const ok = await t().anonymous.post(`/api/public/dual-report/claims/${claimId}/confirm`, {
      sig,
      contactName: '王主任',
      rating: 5,
      feedback: '服务热情周到',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('confirmed');
    const again = await t().anonymous.post(`/api/public/dual-report/claims/${claimId}/confirm`, {
      sig,
      contactName: '王主任',
    });
    expect(again.body.error.code).toBe('ALREADY_CONFIRMED');
    const hours = await (await t().as('dangyuan')).get('/api/volunteer/my/hours');
    expect(hours.body.items.find((e: { source: string }) => e.source === 'dual_report')).toMatchObject({
      minutes: 150,
      basis: 'confirmation',
      confirmedByName: '王主任',
    });
  });

  it('summarizes the quarter for the member’s own branch, scoped', async () => {
    const month = Number(today.slice(5, 7));
    const q = `year=${today.slice(0, 4)}&quarter=${Math.ceil(month / 3)}`;
    const branch = unitId(t(), 'JNSD-WX-BK1');
    const res = await (await t().as('zhibu')).get(`/api/volunteer/dual-reports/feedback?unitId=${branch}&${q}`);
    expect(res.status).toBe(200);
    const me = res.body.items.find((i: { confirmedServices: number }) => i.confirmedServices > 0);
    expect(me).toMatchObject({ minutes: 150, averageRating: 5, feedback: ['服务热情周到'] });
    expect(res.body.notReported).toBeGreaterThan(0);
    expect(
      (await (await t().as('zhibu2')).get(`/api/volunteer/dual-reports/feedback?unitId=${branch}&${q}`)).status,
    ).toBe(404);
  });

  it('closes a post: 401, 404 out of scope, 403 for who only sees it, 200; no new claims, existing ones stay', async () => {
    const office = await t().as('zuzhibu');
    const me = await t().as('dangyuan');
    const neighbour = await t().as('jiaogong');
    const created = await office.post('/api/volunteer/community-posts', {
      partnerId: community,
      title: '社区议事厅会务',
      category: 'community',
      slots: 3,
      startsOn: '2026-01-01',
      endsOn: '2099-12-31',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const postOf = async (client: typeof me) =>
      (await client.get('/api/volunteer/community-posts')).body.items.find((p: { id: number }) => p.id === id);
    expect((await postOf(me)).abilities).toEqual({ claim: true, close: false });
    expect((await postOf(office)).abilities).toEqual({ claim: false, close: true });
    const claim = await me.post(`/api/volunteer/community-posts/${id}/claims`);
    expect(claim.status).toBe(201);

    const url = `/api/volunteer/community-posts/${id}/close`;
    expect((await t().anonymous.post(url)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url)).status).toBe(404);
    expect((await me.post(url)).status).toBe(403);
    expect((await (await t().as('dangwei')).post(url)).status).toBe(403);
    const bad = await office.post('/api/volunteer/community-posts/0/close');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('id');
    expect((await office.post('/api/volunteer/community-posts/999999/close')).status).toBe(404);
    const ok = await office.post(url);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ id, status: 'closed' });

    expect(await postOf(neighbour)).toMatchObject({ status: 'closed', abilities: { claim: false, close: false } });
    const refused = await neighbour.post(`/api/volunteer/community-posts/${id}/claims`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'POST_CLOSED', message: '该服务岗位已关闭，不再接受认领' });
    const again = await office.post(url);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('POST_CLOSED');
    // The claim made before closing stays, and can still be reported for the community to confirm.
    const claims = (await me.get('/api/volunteer/my/dual-report')).body.claims;
    expect(claims.find((c: { id: number }) => c.id === claim.body.id)).toMatchObject({ status: 'claimed' });
    const served = await me.post(`/api/volunteer/claims/${claim.body.id}/served`, {
      servedOn: today,
      minutes: 60,
      note: '布置会场',
    });
    expect(served.status).toBe(200);
    const audit = await t()
      .database.db.selectFrom('audit_event')
      .select(['action', 'actor_person_id'])
      .where('entity_type', '=', 'community_post')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['community_post.created', 'community_post.closed']);
  });
});
