import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { fixtures } from './demands.fixtures';
import { demoCalendar } from './demo.seed';
import { RATING_WINDOW_DAYS, sweep } from './overdue.service';

// Issue 10: matching that leads to assignment, per-kind satisfaction on 适合我的需求, the rating link only for
// handlers, requester and origin unit on the desk, and a demo that is still alive after its first sweep.
describeOnEngines('service demands · usability', (t) => {
  const f = fixtures(t);

  it('keeps the demo alive: its first sweep closes no completed need and expires no open one', async () => {
    const { db } = t().database;
    const counts = await sweep({ db });
    expect(counts.closed).toBe(0);
    expect(counts.expired).toBe(0);
    const windowStart = new Date(Date.now() - RATING_WINDOW_DAYS * 86_400_000).toISOString();
    const completed = await db.selectFrom('demand').select(['completed_at']).where('state', '=', 'completed').execute();
    expect(completed.length).toBeGreaterThan(0);
    for (const c of completed) {
      expect(c.completed_at! > windowStart).toBe(true);
      expect(Date.parse(c.completed_at!)).toBeLessThanOrEqual(Date.now());
    }
    const cal = demoCalendar(Date.parse('2027-03-10T10:30:00Z'));
    expect(new Date(cal.recentEnd).toISOString()).toBe('2027-03-10T08:00:00.000Z');
  });

  it('ranks within the claiming unit once claimed, every member the secretary could assign, with reasons', async () => {
    const need = await f.published({ category: 'counseling', title: '认领后匹配测试' });
    const xuegong = await t().as('xuegong');
    const before = f.ok(await xuegong.get(`/api/demands/${need.id}/matches`));
    expect(before.within.claimed).toBe(false);
    const unitsBefore = new Set(before.members.map((m: { unitName: string }) => m.unitName));
    expect(unitsBefore.size).toBeGreaterThan(1);

    const zhibu = await t().as('zhibu');
    f.ok(await zhibu.post(`/api/demands/${need.id}/claim`, { unitId: f.unit('JNSD-WX-BK1') }));
    const after = f.ok(await zhibu.get(`/api/demands/${need.id}/matches`));
    expect(after.within).toMatchObject({ id: f.unit('JNSD-WX-BK1'), claimed: true });
    const candidates = f.ok(await zhibu.get(`/api/demands/${need.id}/candidates`));
    // The ranking covers exactly the people the secretary can assign, best first, each with reasons.
    expect(after.members.map((m: { id: number }) => m.id).sort()).toEqual(
      candidates.items.map((c: { id: number }) => c.id).sort(),
    );
    expect(after.members.length).toBe(f.membersOf('JNSD-WX-BK1').length);
    for (let i = 1; i < after.members.length; i++)
      expect(after.members[i - 1].score).toBeGreaterThanOrEqual(after.members[i].score);
    expect(after.members.every((m: { reasons: string[] }) => m.reasons.length > 0)).toBe(true);
    expect(after.units.map((u: { id: number }) => u.id)).toEqual([f.unit('JNSD-WX-BK1')]);
    // The same picture for the office that oversees it; another branch no longer sees it once claimed.
    expect(f.ok(await xuegong.get(`/api/demands/${need.id}/matches`)).within.claimed).toBe(true);
    expect((await (await t().as('zhibu2')).get(`/api/demands/${need.id}/matches`)).status).toBe(403);
    expect((await t().anonymous.get(`/api/demands/${need.id}/matches`)).status).toBe(401);
    // Picking from the ranked list assigns them.
    const top = after.members.slice(0, 2).map((m: { id: number }) => m.id);
    f.ok(await zhibu.post(`/api/demands/${need.id}/members`, { personIds: top }));
    expect(f.ok(await zhibu.get(`/api/demands/${need.id}`)).assigneeIds.sort()).toEqual([...top].sort());
  });

  it('says on 适合我的需求 whose satisfaction, on which kind of need, each card stands for', async () => {
    const fit = f.ok(await (await t().as('dangyuan')).get('/api/demands/fit-me'));
    expect(fit.items.length).toBeGreaterThan(1);
    for (const item of fit.items) {
      const said = item.reasons.find((r: string) => r.includes('满意度') || r.includes('评价'));
      expect(said).toBeTruthy();
      const kind = item.category ? `“${item.category.group}”类` : '未分类';
      expect(said).toContain(kind);
    }
  });

  it('shows the rating link to those who pass it on, not to the requester who rates in person', async () => {
    const need = await f.completed();
    const asRequester = f.ok(await (await t().as('qunzhong')).get(`/api/demands/${need.id}`));
    expect(asRequester.ratingLink).toBeNull();
    expect(asRequester.abilities.rate).toBe(true);
    expect(f.ok(await (await t().as('zhibu')).get(`/api/demands/${need.id}`)).ratingLink).toMatch(/^\/rate\//);
    expect(f.ok(await (await t().as('dangyuan')).get(`/api/demands/${need.id}`)).ratingLink).toMatch(/^\/rate\//);
  });

  it('gives the desk the requester and their unit', async () => {
    const need = await f.triaged({ title: '带来源单位的需求' });
    const list = f.ok(await (await t().as('xuegong')).get('/api/demands?view=scope&pageSize=100'));
    const row = list.items.find((i: { id: number }) => i.id === need.id);
    expect(row.requester.name).toBeTruthy();
    expect(row.originUnit).toEqual({ id: f.unit('JNSD-WX-BK1'), name: '文学院本科生第一党支部' });
  });
});
