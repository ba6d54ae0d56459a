import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { verifyPersonChain } from './ledger.chain';
import { ensureRegistered, minutesFromNow, personIdOf, unitId, volunteerClients } from './volunteering.factory';

describeOnEngines('volunteering hours ledger', (t) => {
  let branch: number;
  let dangyuan: number;
  const credit = (over: Record<string, unknown> = {}) => ({
    personId: dangyuan,
    unitId: branch,
    category: 'community',
    source: 'service_need',
    sourceId: 41,
    serviceStart: minutesFromNow(-24 * 60),
    serviceEnd: minutesFromNow(-24 * 60 + 120),
    minutes: 120,
    description: '为社区老人上门维修电器',
    ...over,
  });
  beforeAll(async () => {
    branch = unitId(t(), 'JNSD-WX-BK1');
    dangyuan = await personIdOf(t(), 'dangyuan');
    await ensureRegistered(await t().as('dangyuan'));
  });

  it('records a manual credit: 401, 404 out of scope, 403 without the permission, 201 in scope; bad input names the field', async () => {
    expect((await t().anonymous.post('/api/volunteer/ledger', credit())).status).toBe(401);
    expect((await (await t().as('zhibu2')).post('/api/volunteer/ledger', credit())).status).toBe(404);
    expect((await (await t().as('dangyuan')).post('/api/volunteer/ledger', credit())).status).toBe(403);
    const ok = await (await t().as('zhibu')).post('/api/volunteer/ledger', credit());
    expect(ok.status).toBe(201);
    const bad = await (await t().as('zhibu')).post(
      '/api/volunteer/ledger',
      credit({ minutes: 0, serviceEnd: minutesFromNow(-25 * 60) }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['minutes', 'serviceEnd']),
    );
    const noActivity = await (await t().as('zhibu')).post(
      '/api/volunteer/ledger',
      credit({ source: 'activity', sourceId: null }),
    );
    expect(noActivity.status).toBe(400);
    expect(noActivity.body.error.details[0].path).toBe('activityId');
  });

  it('never counts meetings or trainings, and needs a registered volunteer', async () => {
    for (const category of ['meeting', 'training']) {
      const res = await (await t().as('zhibu')).post('/api/volunteer/ledger', credit({ category }));
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('NOT_SERVICE_HOURS');
    }
    const unregistered = await (await t().as('zhibu')).post(
      '/api/volunteer/ledger',
      credit({ personId: await personIdOf(t(), 'zongzhi') }),
    );
    expect(unregistered.body.error.code).toBe('NOT_REGISTERED');
  });

  it('corrects by reversal plus a new entry, never in place; totals net out by year', async () => {
    const zhibu = await t().as('zhibu');
    // A window of its own: an overlap with the other tests' credits would leave it pending (not counted).
    const window = { serviceStart: minutesFromNow(-48 * 60), serviceEnd: minutesFromNow(-48 * 60 + 120) };
    const { id } = (await zhibu.post('/api/volunteer/ledger', credit({ minutes: 100, sourceId: 42, ...window }))).body;
    const before = (await (await t().as('dangyuan')).get('/api/volunteer/my/hours')).body.totals;
    const year = new Date(minutesFromNow(-24 * 60)).getFullYear();

    const url = `/api/volunteer/ledger/${id}/correct`;
    expect((await t().anonymous.post(url, { minutes: 80, reason: '核对签到表' })).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url, { minutes: 80, reason: '核对签到表' })).status).toBe(404);
    const corrected = await zhibu.post(url, { minutes: 80, reason: '核对签到表' });
    expect(corrected.status).toBe(200);
    const again = await zhibu.post(`/api/volunteer/ledger/${id}/reverse`, { reason: '重复' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_REVERSED');
    const reversal = await zhibu.post(`/api/volunteer/ledger/${corrected.body.reversalId}/reverse`, {
      reason: '冲销冲销',
    });
    expect(reversal.body.error.code).toBe('NOT_A_CREDIT');

    const after = (await (await t().as('dangyuan')).get('/api/volunteer/my/hours')).body;
    const total = (rows: { year: number; minutes: number }[]) => rows.find((r) => r.year === year)?.minutes ?? 0;
    expect(total(after.totals) - total(before)).toBe(-20);
    const rows = after.items.filter((e: { id: number; reversesId: number | null }) =>
      [id, corrected.body.reversalId, corrected.body.creditId].includes(e.id),
    );
    expect(rows.map((e: { kind: string; minutes: number }) => [e.kind, e.minutes]).sort()).toEqual(
      [
        ['credit', 100],
        ['credit', 80],
        ['reversal', -100],
      ].sort(),
    );

    const reverse = `/api/volunteer/ledger/${corrected.body.creditId}/reverse`;
    expect((await t().anonymous.post(reverse, { reason: '错误' })).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(reverse, { reason: '错误' })).status).toBe(404);
    expect((await zhibu.post(reverse, { reason: '活动未实际开展' })).status).toBe(200);
  });

  it('refuses UPDATE and DELETE of ledger rows in the database itself, and its hash chain verifies', async () => {
    const db = t().database.db;
    const row = await db
      .selectFrom('volunteer_hours_entry')
      .select(['id'])
      .where('person_id', '=', dangyuan)
      .executeTakeFirstOrThrow();
    await expect(sql`update volunteer_hours_entry set minutes = 9999 where id = ${row.id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from volunteer_hours_entry where id = ${row.id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    const unchanged = await db
      .selectFrom('volunteer_hours_entry')
      .select('minutes')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.minutes).not.toBe(9999);

    const check = await (await t().as('zhibu')).get(`/api/volunteer/ledger/verify?personId=${dangyuan}`);
    expect(check.body).toMatchObject({ ok: true, firstBroken: null });
    expect(check.body.checked).toBeGreaterThan(3);
    expect((await (await t().as('zhibu2')).get(`/api/volunteer/ledger/verify?personId=${dangyuan}`)).status).toBe(404);

    // Someone with the power to switch the trigger off still cannot hide an edit from the chain.
    await sql`alter table volunteer_hours_entry disable trigger volunteer_hours_no_change`.execute(db);
    await sql`update volunteer_hours_entry set minutes = minutes + 600 where id = ${row.id}`.execute(db);
    await sql`alter table volunteer_hours_entry enable trigger volunteer_hours_no_change`.execute(db);
    const broken = await verifyPersonChain(db, dangyuan);
    expect(broken.ok).toBe(false);
    expect(broken.firstBroken).toMatchObject({ id: Number(row.id), reason: '内容与哈希不符（记录被改动）' });
  });

  it('flags late entries, too many minutes, overlaps and one officer entering hours for many people', async () => {
    const zhibu = await t().as('zhibu');
    const people = await volunteerClients(t(), 10, '/');
    const start = Date.now() - 3 * 3600_000;
    for (const [i, p] of people.entries()) {
      const res = await zhibu.post(
        '/api/volunteer/ledger',
        credit({
          personId: p.personId,
          sourceId: 500 + i,
          serviceStart: new Date(start).toISOString(),
          serviceEnd: new Date(start + 3600_000).toISOString(),
          minutes: 60,
        }),
      );
      expect(res.status).toBe(201);
    }
    const late = (
      await zhibu.post(
        '/api/volunteer/ledger',
        credit({
          serviceStart: minutesFromNow(-90 * 24 * 60),
          serviceEnd: minutesFromNow(-90 * 24 * 60 + 60),
          minutes: 60,
          sourceId: 601,
        }),
      )
    ).body.id;
    const long = (
      await zhibu.post(
        '/api/volunteer/ledger',
        credit({ serviceStart: minutesFromNow(-300), serviceEnd: minutesFromNow(-240), minutes: 180, sourceId: 602 }),
      )
    ).body.id;
    const overlap = (
      await zhibu.post(
        '/api/volunteer/ledger',
        credit({ serviceStart: minutesFromNow(-290), serviceEnd: minutesFromNow(-250), minutes: 40, sourceId: 603 }),
      )
    ).body.id;

    const flags = await zhibu.get('/api/volunteer/ledger/flags');
    expect(flags.status).toBe(200);
    const byId = new Map(
      flags.body.items.map((e: { id: number; flags: { code: string }[] }) => [e.id, e.flags.map((f) => f.code)]),
    );
    expect(byId.get(late)).toContain('LATE_ENTRY');
    expect(byId.get(long)).toContain('EXCEEDS_DURATION');
    // The later of two overlapping credits carries the flag; the earlier one is not made pending after the fact.
    expect(byId.get(overlap)).toContain('OVERLAPPING');
    expect(byId.get(long)).not.toContain('OVERLAPPING');
    const bulk = flags.body.items.filter((e: { flags: { code: string }[] }) =>
      e.flags.some((f) => f.code === 'BULK_ENTRY'),
    );
    expect(bulk.length).toBeGreaterThanOrEqual(10);
    expect(flags.body.items[0].flags[0].reason).toMatch(/[\u4e00-\u9fa5]/);
    const outside = await (await t().as('zhibu2')).get('/api/volunteer/ledger/flags');
    expect(outside.body.items.find((e: { id: number }) => e.id === late)).toBeUndefined();
  });
});
