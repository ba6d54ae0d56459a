import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { fixtures } from './demands.fixtures';

describeOnEngines('service demands · board, figures, clocks and matching', (t) => {
  const f = fixtures(t);

  it('shows the public board without private requester data, 20 to a page, with anonymized ratings', async () => {
    const page = f.ok(await t().anonymous.get('/api/public/board'));
    expect(page.pageSize).toBe(20);
    expect(page.items.length).toBeLessThanOrEqual(20);
    expect(page.total).toBeGreaterThan(0);
    const text = JSON.stringify(page);
    const { rows } = await sql<{
      requester_phone: string | null;
      requester_name: string;
      tracking_code: string;
      requester_address: string;
    }>`
      select requester_phone, requester_name, tracking_code, requester_address from demand`.execute(t().database.db);
    for (const r of rows) {
      if (r.requester_phone) expect(text).not.toContain(r.requester_phone);
      if (r.requester_address) expect(text).not.toContain(r.requester_address);
      expect(text).not.toContain(r.tracking_code);
    }
    for (const item of page.items) {
      expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['requesterName']));
      expect(['published', 'claimed', 'in_progress', 'completed', 'rated', 'closed']).toContain(item.state);
    }
    const done = f.ok(await t().anonymous.get('/api/public/board?status=done'));
    expect(done.items.every((i: { state: string }) => ['completed', 'rated', 'closed'].includes(i.state))).toBe(true);
    expect(done.items.some((i: { ratingScore: number | null }) => i.ratingScore !== null)).toBe(true);
    const open = f.ok(await t().anonymous.get('/api/public/board?status=open'));
    expect(open.items.every((i: { state: string }) => i.state === 'published')).toBe(true);
  });

  it('filters the board by category and campus, and refuses bad filters with 400', async () => {
    const cat = await f.categoryId('tutoring');
    const byCat = f.ok(await t().anonymous.get(`/api/public/board?categoryId=${cat}`));
    expect(byCat.items.every((i: { categoryId: number }) => i.categoryId === cat)).toBe(true);
    const campus = encodeURIComponent('仙林校区');
    const byCampus = f.ok(await t().anonymous.get(`/api/public/board?campus=${campus}`));
    expect(byCampus.items.every((i: { campus: string }) => i.campus === '仙林校区')).toBe(true);
    const bad = await t().anonymous.get('/api/public/board?status=secret&page=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['status', 'page']),
    );
    const far = f.ok(await t().anonymous.get('/api/public/board?page=999'));
    expect(far.items).toEqual([]);
  });

  it('gives figures per unit subtree, each opening a list with the same count, and refuses other units', async () => {
    const root = t().demo.unitIds.get('jnsd') as number;
    const zuzhibu = await t().as('zuzhibu');
    const report = f.ok(await zuzhibu.get(`/api/reports/demands?unitId=${root}`));
    expect(report.total).toBeGreaterThan(30);
    expect(report.byState.reduce((a: number, s: { count: number }) => a + s.count, 0)).toBe(report.total);
    expect(report.byChannel.map((c: { key: string }) => c.key).sort()).toEqual(
      ['contact_visit', 'officer', 'open311', 'public', 'self'].sort(),
    );
    const figures = [
      ...report.byState,
      ...report.byChannel,
      ...report.byAudience,
      ...report.byCategory,
      ...report.satisfaction.distribution,
      ...report.overdue.byClock,
      ...report.times,
      ...report.byUnit,
      ...report.byMonth,
      report.satisfaction,
      report.overdue,
    ];
    for (const fig of figures) {
      const params = new URLSearchParams({
        unitId: String(root),
        ...Object.fromEntries(Object.entries(fig.filter).map(([k, v]) => [k, String(v)])),
      });
      const list = f.ok(await zuzhibu.get(`/api/demands?${params}`));
      expect(list.total, JSON.stringify(fig)).toBe(fig.count ?? fig.total);
    }
    expect(report.times.find((x: { stage: string }) => x.stage === 'triage').avgMinutes).toBeGreaterThan(0);
    expect(report.satisfaction.average).toBeGreaterThanOrEqual(1);

    const wenxue = f.unit('JNSD-WX');
    expect((await (await t().as('zhibu2')).get(`/api/reports/demands?unitId=${wenxue}`)).status).toBe(404);
    expect((await (await t().as('dangyuan')).get(`/api/reports/demands?unitId=${f.unit('JNSD-WX-BK1')}`)).status).toBe(
      403,
    );
    expect((await t().anonymous.get(`/api/reports/demands?unitId=${wenxue}`)).status).toBe(401);
    const sub = f.ok(await (await t().as('zongzhi')).get(`/api/reports/demands?unitId=${wenxue}`));
    expect(sub.total).toBeLessThan(report.total);
  });

  it('changes the figures when a need is rated', async () => {
    const bk1 = f.unit('JNSD-WX-BK1');
    const zhibu = await t().as('zhibu');
    const before = f.ok(await zhibu.get(`/api/reports/demands?unitId=${bk1}`));
    const need = await f.completed();
    f.ok(await (await t().as('qunzhong')).post(`/api/demands/${need.id}/rate`, { score: 5 }));
    const after = f.ok(await zhibu.get(`/api/reports/demands?unitId=${bk1}`));
    expect(after.total).toBe(before.total + 1);
    expect(after.satisfaction.count).toBe(before.satisfaction.count + 1);
    expect(after.satisfaction.distribution[4].count).toBe(before.satisfaction.distribution[4].count + 1);
  });

  it('keeps an overdue queue visible up the tree, and the sweep expires, warns once and closes unrated needs', async () => {
    const db = t().database.db;
    const late = await f.claimed();
    // As if claimed long ago: the stored due time and the clock computed from the claim agree.
    await db
      .updateTable('demand')
      .set({ claimed_at: '2025-12-01T00:00:00Z', due_at: '2025-12-08T00:00:00Z' })
      .where('id', '=', late.id)
      .execute();
    const queue = f.ok(await (await t().as('zongzhi')).get(`/api/demands/overdue?unitId=${f.unit('JNSD-WX')}`));
    expect(queue.items.some((i: { id: number }) => i.id === late.id)).toBe(true);
    expect(queue.byUnit.find((u: { unitId: number }) => u.unitId === f.unit('JNSD-WX-BK1')).overdue).toBeGreaterThan(0);
    const top = f.ok(await (await t().as('zuzhibu')).get('/api/demands/overdue'));
    expect(top.items.some((i: { id: number }) => i.id === late.id)).toBe(true);
    expect((await (await t().as('zhibu2')).get(`/api/demands/overdue?unitId=${f.unit('JNSD-WX')}`)).status).toBe(404);

    const stale = await f.published();
    await db.updateTable('demand').set({ needed_on: '2026-01-02' }).where('id', '=', stale.id).execute();
    const unrated = await f.completed();
    await db.updateTable('demand').set({ completed_at: '2026-01-01T00:00:00Z' }).where('id', '=', unrated.id).execute();

    expect((await (await t().as('zhibu')).post('/api/demands/sweep', {})).status).toBe(403);
    expect((await t().anonymous.post('/api/demands/sweep', {})).status).toBe(401);
    const counts = f.ok(await (await t().as('zuzhibu')).post('/api/demands/sweep', {}));
    expect(counts.expired).toBeGreaterThanOrEqual(1);
    expect(counts.overdueNotified).toBeGreaterThanOrEqual(1);
    expect(counts.closed).toBeGreaterThanOrEqual(1);
    const zhibu = await t().as('zhibu');
    expect(f.ok(await zhibu.get(`/api/demands/${stale.id}`)).state).toBe('expired');
    expect(f.ok(await zhibu.get(`/api/demands/${unrated.id}`)).state).toBe('closed');
    // Read the table directly: the sweep also warns about the demo's own overdue needs, more than one page.
    const warned = () =>
      db
        .selectFrom('notification')
        .select('id')
        .where('person_id', '=', f.person('zhibu'))
        .where('kind', '=', 'demand.overdue')
        .where('link', '=', `/demands/${late.id}`)
        .execute();
    expect(await warned()).toHaveLength(1);
    const second = f.ok(await (await t().as('zuzhibu')).post('/api/demands/sweep', {}));
    expect(await warned()).toHaveLength(1);
    expect(second.closed).toBe(0);
  });

  it('ranks branches and members for a need with reasons (量体裁衣), and needs that fit a member', async () => {
    const need = await f.published({ category: 'counseling', title: '心理疏导匹配测试' });
    const xuegong = await t().as('xuegong');
    const matches = f.ok(await xuegong.get(`/api/demands/${need.id}/matches`));
    expect(matches.need.requiredSkills).toEqual(['心理咨询']);
    expect(matches.units.length).toBeGreaterThan(0);
    for (const list of [matches.units, matches.members]) {
      for (let i = 1; i < list.length; i++) expect(list[i - 1].score).toBeGreaterThanOrEqual(list[i].score);
      for (const c of list) expect(c.reasons.length).toBeGreaterThan(0);
    }
    expect(matches.members.every((m: { skills: string[] }) => m.skills.includes('心理咨询'))).toBe(true);
    expect(matches.members[0]?.reasons).toContain('具备所需技能：心理咨询');
    expect((await (await t().as('dangyuan')).get(`/api/demands/${need.id}/matches`)).status).toBe(403);
    expect((await t().anonymous.get(`/api/demands/${need.id}/matches`)).status).toBe(401);
    const wenxueNeed = await f.published();
    expect((await (await t().as('zhibu2')).get(`/api/demands/${wenxueNeed.id}/matches`)).status).toBe(404);

    const fit = f.ok(await (await t().as('dangyuan')).get('/api/demands/fit-me'));
    expect(fit.items.length).toBeGreaterThan(0);
    expect(fit.items.every((i: { state: string }) => i.state === 'published')).toBe(true);
    for (let i = 1; i < fit.items.length; i++)
      expect(fit.items[i - 1].score).toBeGreaterThanOrEqual(fit.items[i].score);
    expect(fit.items[0].reasons.length).toBeGreaterThan(0);
    expect(fit.items[0].abilities.claimAsMember).toBe(true);
    expect((await (await t().as('qunzhong')).get('/api/demands/fit-me')).body.items).toEqual([]);
  });

  it('lists needs by view: what I oversee, what I could take up, and mine', async () => {
    const qunzhong = await t().as('qunzhong');
    const mine = f.ok(await qunzhong.get('/api/demands?view=mine'));
    expect(mine.total).toBeGreaterThan(0);
    expect((await qunzhong.get('/api/demands?view=scope')).body.total).toBe(0);
    const open = f.ok(await (await t().as('zhibu2')).get('/api/demands?view=open&pageSize=100'));
    expect(
      open.items.every((i: { state: string; requester: { phone: string | null } }) => i.state === 'published'),
    ).toBe(true);
    const bad = await qunzhong.get('/api/demands?state=flying&pageSize=1000');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['pageSize']));
  });
});
