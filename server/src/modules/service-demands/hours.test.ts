import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { verifyPersonChain } from '../volunteering/ledger.chain';
import { creditServiceNeed } from '../volunteering/ledger.need';
import { ensureRegistered } from '../volunteering/volunteering.factory';
import { fixtures } from './demands.fixtures';

/** Completing a need credits the volunteer hours ledger in the same transaction (需求与志愿服务衔接). */
describeOnEngines('service demands · volunteer hours', (t) => {
  const f = fixtures(t);
  let dangyuan: number;
  let unregistered: number;
  let registeredOther: number;

  const entriesOf = (demandId: number) =>
    t()
      .database.db.selectFrom('volunteer_hours_entry')
      .select(['person_id as personId', 'kind', 'minutes', 'category', 'source', 'source_id as sourceId', 'basis'])
      .select(['recorded_by as recordedBy', 'unit_id as unitId'])
      .where('source', '=', 'service_need')
      .where('source_id', '=', demandId)
      .orderBy('id')
      .execute();
  const myYearMinutes = async () => {
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format());
    const res = f.ok(await (await t().as('dangyuan')).get('/api/volunteer/my/hours'));
    return (res.totals as { year: number; minutes: number }[]).find((r) => r.year === year)?.minutes ?? 0;
  };

  /**
   * A need taken up three hours ago: the minutes credited below fit in the service window, so the ledger raises no
   * "more minutes than the service lasted" flag (a flagged credit is pending and would not count).
   */
  const inProgressSinceHoursAgo = async (input?: Parameters<typeof f.inProgress>[0]) => {
    const need = await f.inProgress(input);
    const since = new Date(Date.now() - 3 * 3_600_000).toISOString();
    await t()
      .database.db.updateTable('demand')
      .set({ claimed_at: since, started_at: since })
      .where('id', '=', need.id)
      .execute();
    return need;
  };

  beforeAll(async () => {
    dangyuan = f.person('dangyuan');
    await ensureRegistered(await t().as('dangyuan'));
    const candidates = f.membersOf('JNSD-WX-BK1', [dangyuan]);
    const volunteers = new Set(
      (
        await t().database.db.selectFrom('volunteer').select('person_id').where('person_id', 'in', candidates).execute()
      ).map((r) => r.person_id),
    );
    registeredOther = candidates.find((id) => volunteers.has(id)) as number;
    unregistered = candidates.find((id) => !volunteers.has(id)) as number;
    // The demo registers most members; make one member of the branch unregistered (one with nothing on record).
    for (const id of candidates) {
      if (unregistered) break;
      if (id === registeredOther) continue;
      try {
        await sql`delete from volunteer where person_id = ${id}`.execute(t().database.db);
        unregistered = id;
      } catch {
        // referenced by sign-ups or hours: try the next member
      }
    }
    expect([registeredOther, unregistered].every(Boolean)).toBe(true);
  });

  it('credits the registered servers with their minutes, skips the unregistered on the timeline, and the year total rises by exactly that', async () => {
    const before = await myYearMinutes();
    const need = await inProgressSinceHoursAgo({ title: '志愿时长记入测试' });
    const services = [
      { personId: dangyuan, minutes: 90 },
      { personId: registeredOther, minutes: 60 },
      { personId: unregistered, minutes: 45 },
    ];
    const done = f.ok(
      await (await t().as('dangyuan')).post(`/api/demands/${need.id}/complete`, { result: '已完成', services }),
    );
    expect(done.hours.credited.map((c: { personId: number; minutes: number }) => [c.personId, c.minutes])).toEqual([
      [dangyuan, 90],
      [registeredOther, 60],
    ]);
    expect(done.hours.skipped.map((s: { personId: number }) => s.personId)).toEqual([unregistered]);

    const entries = await entriesOf(need.id);
    expect(entries).toEqual([
      expect.objectContaining({ personId: dangyuan, minutes: 90 }),
      expect.objectContaining({ personId: registeredOther, minutes: 60 }),
    ]);
    for (const e of entries) {
      expect(e).toMatchObject({
        kind: 'credit',
        category: 'community',
        source: 'service_need',
        sourceId: need.id,
        basis: 'confirmation',
        recordedBy: dangyuan,
        unitId: f.unit('JNSD-WX-BK1'),
      });
    }
    expect(await myYearMinutes()).toBe(before + 90);
    expect((await verifyPersonChain(t().database.db, dangyuan)).ok).toBe(true);

    const detail = f.ok(await (await t().as('zhibu')).get(`/api/demands/${need.id}`));
    const skippedEvent = detail.timeline.find((e: { action: string }) => e.action === 'hours_skipped');
    const name = t().demo.school.people.find((p) => t().demo.personIds.get(p.key) === unregistered)?.name as string;
    expect(skippedEvent?.note).toContain(name);
    // The note names people: it stays off the public tracking page.
    const tracked = f.ok(await t().anonymous.get(`/api/public/demands/${need.trackingCode}`));
    expect(tracked.timeline.some((e: { action: string }) => e.action === 'hours_skipped')).toBe(false);
  });

  it('credits only the new round when a reopened need is completed again', async () => {
    const need = await inProgressSinceHoursAgo();
    const dy = await t().as('dangyuan');
    f.ok(
      await dy.post(`/api/demands/${need.id}/complete`, {
        result: '第一次',
        services: [{ personId: dangyuan, minutes: 90 }],
      }),
    );
    expect((await f.ok(await (await t().as('qunzhong')).post(`/api/demands/${need.id}/rate`, { score: 1 }))).to).toBe(
      'reopened',
    );
    f.ok(await (await t().as('xuegong')).post(`/api/demands/${need.id}/publish`, {}));
    const zhibu = await t().as('zhibu');
    f.ok(await zhibu.post(`/api/demands/${need.id}/claim`, { unitId: f.unit('JNSD-WX-BK1') }));
    f.ok(await zhibu.post(`/api/demands/${need.id}/start`, {}));
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await t()
      .database.db.updateTable('demand')
      .set({ claimed_at: hourAgo, started_at: hourAgo })
      .where('id', '=', need.id)
      .execute();
    const before = await myYearMinutes();
    f.ok(
      await zhibu.post(`/api/demands/${need.id}/complete`, {
        result: '第二次',
        services: [{ personId: dangyuan, minutes: 30 }],
      }),
    );
    expect((await entriesOf(need.id)).map((e) => [e.personId, e.minutes, e.recordedBy])).toEqual([
      [dangyuan, 90, dangyuan],
      [dangyuan, 30, f.person('zhibu')],
    ]);
    // Both rounds end now, so the second overlaps the first for the same person: the ledger flags it, and it
    // counts only once someone above the recorder accepts it (issue 16).
    expect(await myYearMinutes()).toBe(before);
    const second = await t()
      .database.db.selectFrom('volunteer_hours_entry')
      .select('id')
      .where('source', '=', 'service_need')
      .where('source_id', '=', need.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const reviewer = await t().as('zongzhi');
    f.ok(await reviewer.post(`/api/volunteer/hours-review/${second.id}/accept`, { reason: '两轮服务确有其事' }));
    expect(await myYearMinutes()).toBe(before + 30);
  });

  it('is all-or-nothing: a completion that fails leaves no ledger entry behind', async () => {
    const need = await inProgressSinceHoursAgo();
    const before = await myYearMinutes();
    const bad = await (await t().as('dangyuan')).post(`/api/demands/${need.id}/complete`, {
      result: '已完成',
      services: [{ personId: dangyuan, minutes: 90 }],
      photoIds: [2_000_000_000],
    });
    expect(bad.status).toBe(404);
    expect(await entriesOf(need.id)).toEqual([]);
    expect(f.ok(await (await t().as('zhibu')).get(`/api/demands/${need.id}`)).state).toBe('in_progress');
    expect(await myYearMinutes()).toBe(before);

    // The credit runs in the caller's transaction: when anything after it fails, it rolls back with the rest.
    const actor = {
      accountId: 0,
      personId: dangyuan,
      name: '测试',
      username: 'dangyuan',
      unitId: f.unit('JNSD-WX-BK1'),
      unitPath: '',
      isSystemAdmin: false,
      grants: [],
    };
    await expect(
      t()
        .database.db.transaction()
        .execute(async (trx) => {
          const res = await creditServiceNeed(trx, actor, {
            demandId: need.id,
            unitId: f.unit('JNSD-WX-BK1'),
            serviceStart: new Date(Date.now() - 3_600_000).toISOString(),
            serviceEnd: new Date().toISOString(),
            title: '回滚测试',
            services: [{ personId: dangyuan, minutes: 60 }],
          });
          expect(res.credited).toHaveLength(1);
          throw new Error('later step failed');
        }),
    ).rejects.toThrow('later step failed');
    expect(await entriesOf(need.id)).toEqual([]);
    expect((await verifyPersonChain(t().database.db, dangyuan)).ok).toBe(true);
  });
});
