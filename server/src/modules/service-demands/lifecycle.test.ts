import { expect, it } from 'vitest';
import { type Client, describeOnEngines } from '../../test/harness';
import { fixtures } from './demands.fixtures';

describeOnEngines('service demands · lifecycle', (t) => {
  const f = fixtures(t);
  const notifications = async (username: string) =>
    (await (await t().as(username)).get('/api/notifications?limit=100')).body.items as {
      kind: string;
      title: string;
      link: string;
    }[];

  it('files an own need: 401 signed out, 400 naming the field, 201 with a tracking code and the student-affairs office told', async () => {
    const body = { title: '宿舍网络故障求助', description: '宿舍无法上网已三天' };
    expect((await t().anonymous.post('/api/demands', body)).status).toBe(401);
    const bad = await (await t().as('qunzhong')).post('/api/demands', { title: 'x', description: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['title', 'description']),
    );
    const created = f.ok(await (await t().as('qunzhong')).post('/api/demands', body), 201);
    expect(created.trackingCode).toMatch(/^XQ[2-9A-HJ-NP-Z]{10}$/);
    const detail = f.ok(await (await t().as('qunzhong')).get(`/api/demands/${created.id}`));
    expect(detail).toMatchObject({
      state: 'submitted',
      audience: 'student',
      channel: 'self',
      abilities: { withdraw: true, triage: false },
    });
    expect(
      (await notifications('xuegong')).some((n) => n.link === `/demands/${created.id}` && n.title.includes('学生需求')),
    ).toBe(true);
    expect((await notifications('gonghui')).some((n) => n.link === `/demands/${created.id}`)).toBe(false);
  });

  it('runs the whole loop: triage → publish → claim → members → start → complete → rate, each on the timeline', async () => {
    const need = await f.completed({ title: '全流程测试需求' });
    const rated = f.ok(
      await (await t().as('qunzhong')).post(`/api/demands/${need.id}/rate`, { score: 5, comment: '非常耐心' }),
    );
    expect(rated).toMatchObject({
      from: 'completed',
      to: 'rated',
      attributedTo: { unitId: f.unit('JNSD-WX-BK1'), memberIds: need.members },
    });
    const detail = f.ok(await (await t().as('zhibu')).get(`/api/demands/${need.id}`));
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'triage',
      'publish',
      'claim',
      'members_assigned',
      'start',
      'complete',
      'rate',
    ]);
    expect(detail.timeline.every((e: { actor: string; at: string }) => e.actor && e.at)).toBe(true);
    expect(detail.services.map((s: { minutes: number }) => s.minutes)).toEqual([90, 120]);
    expect(detail.minutesTotal).toBe(210);
    expect(detail.ratings[0]).toMatchObject({
      score: 5,
      via: 'account',
      unitName: expect.stringContaining('本科生第一党支部'),
    });
    // The handling unit is the category's default (文学院), so its secretaries could take it up; the office was told.
    expect(
      (await notifications('zhibu')).some((n) => n.link === `/demands/${need.id}` && n.title.includes('可认领')),
    ).toBe(true);
    expect(
      (await notifications('qunzhong')).filter((n) => n.link.startsWith('/rate/') || n.link === `/demands/${need.id}`)
        .length,
    ).toBeGreaterThan(0);
    expect((await notifications('dangyuan')).some((n) => n.title.includes('获评 5 分'))).toBe(true);
  });

  it('answers each step 401 signed out and 404 out of scope (数学 branch secretary on a 文学院 need)', async () => {
    const need = await f.triaged();
    const routes = [
      'triage',
      'merge',
      'reject',
      'publish',
      'claim',
      'assign',
      'release',
      'members',
      'start',
      'complete',
      'rate',
      'withdraw',
      'close',
      'notes',
    ];
    const zhibu2 = await t().as('zhibu2');
    for (const r of routes) {
      expect((await t().anonymous.post(`/api/demands/${need.id}/${r}`, bodyFor(r, f))).status, r).toBe(401);
      const res = await zhibu2.post(`/api/demands/${need.id}/${r}`, bodyFor(r, f));
      expect(res.status, `${r}: ${JSON.stringify(res.body)}`).toBe(404);
    }
    expect((await zhibu2.get(`/api/demands/${need.id}`)).status).toBe(404);
  });

  it('answers 403 in scope but not allowed, and 409 with the named reason for refused transitions', async () => {
    const need = await f.triaged();
    const jiaogong = await t().as('jiaogong');
    expect((await jiaogong.post(`/api/demands/${need.id}/triage`, bodyFor('triage', f))).status).toBe(404);
    // gonghui oversees every need at the root but triages staff needs only.
    expect((await (await t().as('gonghui')).post(`/api/demands/${need.id}/publish`, {})).status).toBe(403);
    const xuegong = await t().as('xuegong');
    const again = await xuegong.post(`/api/demands/${need.id}/triage`, bodyFor('triage', f));
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_TRIAGED']);
    const zhibu = await t().as('zhibu');
    const early = await zhibu.post(`/api/demands/${need.id}/claim`, { unitId: f.unit('JNSD-WX-BK1') });
    expect([early.status, early.body.error.code]).toEqual([409, 'NOT_PUBLISHED']);
    expect(early.body.error.message).toMatch(/尚未发布/);

    const claimed = await f.claimed();
    const notStarted = await (await t().as('dangyuan')).post(`/api/demands/${claimed.id}/complete`, {
      result: '完成',
      services: [{ personId: f.person('dangyuan'), minutes: 60 }],
    });
    expect([notStarted.status, notStarted.body.error.code]).toEqual([409, 'NOT_STARTED']);
    const twice = await zhibu.post(`/api/demands/${claimed.id}/claim`, { unitId: f.unit('JNSD-WX-BK1') });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'ALREADY_CLAIMED']);
    const merge = await xuegong.post(`/api/demands/${claimed.id}/merge`, { duplicateOfId: need.id });
    expect([merge.status, merge.body.error.code]).toEqual([409, 'ALREADY_CLAIMED']);
    const rateEarly = await (await t().as('qunzhong')).post(`/api/demands/${claimed.id}/rate`, { score: 5 });
    expect([rateEarly.status, rateEarly.body.error.code]).toEqual([409, 'NOT_COMPLETED']);
    const closeEarly = await xuegong.post(`/api/demands/${claimed.id}/close`, {});
    expect([closeEarly.status, closeEarly.body.error.code]).toEqual([409, 'NOT_COMPLETED']);

    const started = await f.inProgress();
    const withdraw = await (await t().as('qunzhong')).post(`/api/demands/${started.id}/withdraw`, {
      reason: '不需要了',
    });
    expect([withdraw.status, withdraw.body.error.code]).toEqual([409, 'ALREADY_STARTED']);
    const release = await zhibu.post(`/api/demands/${started.id}/release`, { reason: '人手不足' });
    expect([release.status, release.body.error.code]).toEqual([409, 'ALREADY_STARTED']);
    const restart = await (await t().as('dangyuan')).post(`/api/demands/${started.id}/start`, {});
    expect([restart.status, restart.body.error.code]).toEqual([409, 'ALREADY_STARTED']);
    const assign = await (await t().as('zuzhibu')).post(`/api/demands/${started.id}/assign`, {
      unitId: f.unit('JNSD-WX-BK1'),
    });
    expect([assign.status, assign.body.error.code]).toEqual([409, 'ALREADY_CLAIMED']);
  });

  it('merges a duplicate, rejects with a reason, withdraws, and then refuses anything more as DEMAND_FINISHED', async () => {
    const xuegong = await t().as('xuegong');
    const original = await f.triaged();
    const dup = await f.triaged();
    f.ok(await xuegong.post(`/api/demands/${dup.id}/merge`, { duplicateOfId: original.id }));
    const self = await xuegong.post(`/api/demands/${original.id}/merge`, { duplicateOfId: original.id });
    expect([self.status, self.body.error.code]).toEqual([409, 'INVALID_DUPLICATE_TARGET']);
    const noReason = await xuegong.post(`/api/demands/${original.id}/reject`, { reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe('reason');
    f.ok(await xuegong.post(`/api/demands/${original.id}/reject`, { reason: '不属于服务范围' }));
    const after = await xuegong.post(`/api/demands/${original.id}/publish`, {});
    expect([after.status, after.body.error.code]).toEqual([409, 'DEMAND_FINISHED']);
    const tracked = f.ok(await t().anonymous.get(`/api/public/demands/${original.trackingCode}`));
    expect(tracked.state).toBe('rejected');
    expect(tracked.timeline.at(-1).note).toBe('不属于服务范围');

    const published = await f.published();
    f.ok(await (await t().as('qunzhong')).post(`/api/demands/${published.id}/withdraw`, { reason: '已自行解决' }));
    const claim = await (await t().as('zhibu')).post(`/api/demands/${published.id}/claim`, {
      unitId: f.unit('JNSD-WX-BK1'),
    });
    expect([claim.status, claim.body.error.code]).toEqual([409, 'DEMAND_FINISHED']);
  });

  it('lets a member claim personally, the org dept assign, and the claimer release back to published', async () => {
    const mine = await f.published();
    const dangyuan = await t().as('dangyuan');
    const claimed = f.ok(await dangyuan.post(`/api/demands/${mine.id}/claim`, { asMember: true }));
    expect(claimed.to).toBe('claimed');
    const detail = f.ok(await dangyuan.get(`/api/demands/${mine.id}`));
    expect(detail.claim).toMatchObject({ personId: f.person('dangyuan') });
    expect(detail.abilities).toMatchObject({ start: true, release: true, assignMembers: true });
    f.ok(await dangyuan.post(`/api/demands/${mine.id}/release`, { reason: '时间冲突' }));
    expect(f.ok(await dangyuan.get(`/api/demands/${mine.id}`)).state).toBe('published');

    const assigned = f.ok(
      await (await t().as('zuzhibu')).post(`/api/demands/${mine.id}/assign`, {
        unitId: f.unit('JNSD-WX-BK1'),
        personId: f.person('dangyuan'),
      }),
    );
    expect(assigned.to).toBe('claimed');
    expect((await notifications('zhibu')).some((n) => n.title.includes('组织部指派'))).toBe(true);
    const outsider = await (await t().as('zuzhibu')).post(`/api/demands/${mine.id}/members`, {
      personIds: [f.membersOf('JNSD-SX-BK1')[0]],
    });
    expect([outsider.status, outsider.body.error.code]).toEqual([409, 'NOT_UNIT_MEMBER']);
  });

  it('reopens on a poor rating for review in a new round, and closes after a good one', async () => {
    const need = await f.completed();
    const qunzhong = await t().as('qunzhong');
    const poor = f.ok(await qunzhong.post(`/api/demands/${need.id}/rate`, { score: 2, comment: '没解决' }));
    expect(poor.to).toBe('reopened');
    expect((await notifications('zuzhibu')).some((n) => n.title.includes('已退回复核'))).toBe(true);
    const again = await qunzhong.post(`/api/demands/${need.id}/rate`, { score: 1 });
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_RATED']);
    const xuegong = await t().as('xuegong');
    f.ok(await xuegong.post(`/api/demands/${need.id}/publish`, { note: '重新安排' }));
    const round2 = f.ok(await xuegong.get(`/api/demands/${need.id}`));
    expect(round2).toMatchObject({ state: 'published', round: 2, claim: null, assigneeIds: [] });
    const zhibu = await t().as('zhibu');
    f.ok(
      await zhibu.post(`/api/demands/${need.id}/claim`, { unitId: f.unit('JNSD-WX-BK1'), teamName: '学业帮扶小组' }),
    );
    f.ok(await zhibu.post(`/api/demands/${need.id}/start`, {}));
    f.ok(
      await zhibu.post(`/api/demands/${need.id}/complete`, {
        result: '再次辅导',
        services: [{ personId: f.person('dangyuan'), minutes: 120 }],
      }),
    );
    f.ok(await qunzhong.post(`/api/demands/${need.id}/rate`, { score: 4 }));
    f.ok(await xuegong.post(`/api/demands/${need.id}/close`, {}));
    const done = f.ok(await xuegong.get(`/api/demands/${need.id}`));
    expect(done).toMatchObject({ state: 'closed', lastRatingScore: 4, minutesTotal: 330 });
    expect(done.ratings.map((r: { round: number; score: number; team: string }) => [r.round, r.score, r.team])).toEqual(
      [
        [1, 2, ''],
        [2, 4, '学业帮扶小组'],
      ],
    );
  });

  it('keeps internal notes from the requester and the public tracking page', async () => {
    const need = await f.triaged();
    const xuegong = await t().as('xuegong');
    f.ok(await xuegong.post(`/api/demands/${need.id}/notes`, { note: '内部：需求人情绪较急', public: false }));
    f.ok(await xuegong.post(`/api/demands/${need.id}/notes`, { note: '已电话联系需求人', public: true }));
    const staffView = f.ok(await xuegong.get(`/api/demands/${need.id}`));
    expect(staffView.timeline.map((e: { note: string }) => e.note)).toEqual(
      expect.arrayContaining(['内部：需求人情绪较急', '已电话联系需求人']),
    );
    const tracked = f.ok(await t().anonymous.get(`/api/public/demands/${need.trackingCode}`));
    const notes = tracked.timeline.map((e: { note: string }) => e.note);
    expect(notes).toContain('已电话联系需求人');
    expect(notes).not.toContain('内部：需求人情绪较急');
  });
  it('uploads service photos (401, 404 out of scope, 400 wrong type, 201) and shows them to those who see the need', async () => {
    const need = await f.inProgress();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const upload = (client: Client, type: string, content = png) => {
      const boundary = '----pioneer-test';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="服务.png"\r\nContent-Type: ${type}\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return client.inject({
        method: 'POST',
        url: `/api/demands/${need.id}/photos`,
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    expect((await upload(t().anonymous, 'image/png')).status).toBe(401);
    expect((await upload(await t().as('zhibu2'), 'image/png')).status).toBe(404);
    expect((await upload(await t().as('qunzhong'), 'image/png')).status).toBe(403);
    const wrong = await upload(await t().as('dangyuan'), 'application/pdf');
    expect([wrong.status, wrong.body.error.details[0].path]).toEqual([400, 'file']);
    const saved = await upload(await t().as('dangyuan'), 'image/png');
    expect(saved.status).toBe(201);
    const zhibu = await t().as('zhibu');
    const photo = await zhibu.get(saved.body.url);
    expect([photo.status, photo.headers['content-type']]).toEqual([200, 'image/png']);
    expect(photo.raw.equals(png)).toBe(true);
    expect((await (await t().as('zhibu2')).get(saved.body.url)).status).toBe(404);
    f.ok(
      await (await t().as('dangyuan')).post(`/api/demands/${need.id}/complete`, {
        result: '完成',
        services: [{ personId: f.person('dangyuan'), minutes: 60 }],
        photoIds: [saved.body.id],
        photoUrls: ['https://example.org/a.jpg'],
      }),
    );
    const bad = await (await t().as('zhibu')).post(`/api/demands/${need.id}/notes`, { note: '' });
    expect(bad.status).toBe(400);
    const detail = f.ok(await zhibu.get(`/api/demands/${need.id}`));
    expect(detail.photos.map((p: { url: string }) => p.url)).toEqual([saved.body.url, 'https://example.org/a.jpg']);
  });

  it('lists the members who may serve to the claiming side only', async () => {
    const need = await f.claimed();
    expect((await t().anonymous.get(`/api/demands/${need.id}/candidates`)).status).toBe(401);
    expect((await (await t().as('zhibu2')).get(`/api/demands/${need.id}/candidates`)).status).toBe(404);
    expect((await (await t().as('qunzhong')).get(`/api/demands/${need.id}/candidates`)).status).toBe(403);
    const list = f.ok(await (await t().as('zhibu')).get(`/api/demands/${need.id}/candidates`));
    const ids = list.items.map((p: { id: number }) => p.id);
    expect(ids).toEqual(expect.arrayContaining(f.membersOf('JNSD-WX-BK1')));
    expect(ids).not.toContain(f.membersOf('JNSD-SX-BK1')[0]);
  });
});

function bodyFor(route: string, f: ReturnType<typeof fixtures>) {
  const bodies: Record<string, unknown> = {
    triage: { categoryId: 1 },
    merge: { duplicateOfId: 1 },
    reject: { reason: '测试' },
    publish: {},
    claim: { unitId: f.unit('JNSD-SX-BK1') },
    assign: { unitId: f.unit('JNSD-SX-BK1') },
    release: { reason: '测试' },
    members: { personIds: [f.person('dangyuan')] },
    start: {},
    complete: { result: '完成', services: [{ personId: f.person('dangyuan'), minutes: 30 }] },
    rate: { score: 5 },
    withdraw: { reason: '测试' },
    close: {},
    notes: { note: '测试' },
  };
  return bodies[route];
}
