import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { readXlsx } from '../../test/read-xlsx';
import { verifyPersonChain } from './ledger.chain';
import { ensureRegistered, minutesFromNow, personIdOf, unitId, volunteerClients } from './volunteering.factory';

/**
 * Issue 16: a flagged credit is pending until someone above its recorder accepts it (with a reason) or
 * reverses it; pending hours count nowhere. Branch JNSD-WX-BK1 (zhibu) sits under 文学院党总支 (zongzhi), under
 * the committee (zuzhibu, xuegong); zhibu2 is another college.
 */
describeOnEngines('volunteering flagged-hours review', (t) => {
  let branch: number;
  let dangyuan: number;
  let zongzhi: number;
  let day = 10;
  /** A credit in a time window of its own (days ago), so tests never overlap by accident. */
  const credit = (over: Record<string, unknown> = {}) => {
    day += 1;
    return {
      personId: dangyuan,
      unitId: branch,
      category: 'community',
      source: 'service_need',
      sourceId: 70,
      serviceStart: minutesFromNow(-day * 24 * 60),
      serviceEnd: minutesFromNow(-day * 24 * 60 + 120),
      minutes: 120,
      description: '为社区老人上门维修电器',
      ...over,
    };
  };
  const lateCredit = (over: Record<string, unknown> = {}) => {
    day += 1;
    return credit({
      serviceStart: minutesFromNow(-(60 + day) * 24 * 60),
      serviceEnd: minutesFromNow(-(60 + day) * 24 * 60 + 180),
      minutes: 180,
      ...over,
    });
  };
  const record = async (who: string, body: Record<string, unknown>) => {
    const res = await (await t().as(who)).post('/api/volunteer/ledger', body);
    expect(res.status).toBe(201);
    return res.body.id as number;
  };
  const myEntry = async (id: number, who = 'dangyuan') =>
    (await (await t().as(who)).get('/api/volunteer/my/hours')).body.items.find((e: { id: number }) => e.id === id);
  const queue = async (who: string, query = '') =>
    (await (await t().as(who)).get(`/api/volunteer/hours-review${query}`)).body;

  beforeAll(async () => {
    branch = unitId(t(), 'JNSD-WX-BK1');
    dangyuan = await personIdOf(t(), 'dangyuan');
    zongzhi = await personIdOf(t(), 'zongzhi');
    await ensureRegistered(await t().as('dangyuan'));
    await ensureRegistered(await t().as('zongzhi'));
  });

  it('makes each flag pending: shown to the member as pending, left out of the year total', async () => {
    const before = (await (await t().as('dangyuan')).get('/api/volunteer/my/hours')).body.totals;
    const late = await record('zhibu', lateCredit());
    const long = await record('zhibu', credit({ minutes: 300 }));
    const overlapWith = credit();
    const clean = await record('zhibu', overlapWith);
    const overlap = await record('zhibu', { ...overlapWith, minutes: 60, sourceId: 71 });
    const states = await Promise.all([late, long, clean, overlap].map((id) => myEntry(id)));
    expect(states.map((e) => e.reviewState)).toEqual(['pending', 'pending', 'clean', 'pending']);
    expect(states[0].flags.map((f: { code: string }) => f.code)).toContain('LATE_ENTRY');
    expect(states[1].flags.map((f: { code: string }) => f.code)).toContain('EXCEEDS_DURATION');
    expect(states[3].flags.map((f: { code: string }) => f.code)).toContain('OVERLAPPING');
    const countedBefore = (await (await t().as('dangyuan')).get('/api/volunteer/my/hours')).body.totals;

    // Typing credits for ten people within the hour flags the whole burst, the earlier entries included.
    const people = await volunteerClients(t(), 10, '/');
    const bulkWindow = credit({ minutes: 60 });
    const bulk: number[] = [];
    for (const p of people) bulk.push(await record('zhibu', { ...bulkWindow, personId: p.personId, sourceId: 72 }));
    expect((await myEntry(clean)).flags.map((f: { code: string }) => f.code)).toContain('BULK_ENTRY');

    const pendingQueue = await queue('zongzhi', '?flag=BULK_ENTRY');
    expect(pendingQueue.items.filter((e: { id: number }) => bulk.includes(e.id))).toHaveLength(10);
    for (const e of pendingQueue.items) expect(e.state).toBe('pending');

    const sum = (rows: { minutes: number; pendingMinutes: number }[], k: 'minutes' | 'pendingMinutes') =>
      rows.reduce((a, r) => a + r[k], 0);
    // Before the burst only the clean credit counted and the other three waited; now all four wait.
    expect(sum(countedBefore, 'minutes') - sum(before, 'minutes')).toBe(120);
    expect(sum(countedBefore, 'pendingMinutes') - sum(before, 'pendingMinutes')).toBe(180 + 300 + 60);
    const after = (await (await t().as('dangyuan')).get('/api/volunteer/my/hours')).body.totals;
    expect(sum(after, 'minutes')).toBe(sum(before, 'minutes'));
    const ownBulk = people.some((p) => p.personId === dangyuan) ? 60 : 0;
    expect(sum(after, 'pendingMinutes') - sum(before, 'pendingMinutes')).toBe(120 + 180 + 300 + 60 + ownBulk);

    // The reviewers above the recorder are told; the recorder is not.
    const notices = await t()
      .database.db.selectFrom('notification')
      .select(['person_id', 'link'])
      .where('kind', '=', 'volunteer.hours_flagged')
      .execute();
    expect(notices.some((n) => n.person_id === zongzhi && n.link === '/volunteer/review')).toBe(true);
    const recorder = await personIdOf(t(), 'zhibu');
    expect(notices.some((n) => n.person_id === recorder)).toBe(false);
  });

  it('accepts by a reviewer above the recorder, with a reason: audited, shown on the entry, then counted', async () => {
    const id = await record('zhibu', lateCredit());
    const url = `/api/volunteer/hours-review/${id}/accept`;
    const body = { reason: '经核对社区签到表，服务属实' };
    expect((await t().anonymous.post(url, body)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url, body)).status).toBe(404);
    const recorder = await (await t().as('zhibu')).post(url, body);
    expect(recorder.status).toBe(403);
    expect(recorder.body.error.code).toBe('RECORDER_CANNOT_REVIEW');
    const volunteer = await (await t().as('dangyuan')).post(url, body);
    expect(volunteer.status).toBe(403);
    expect(volunteer.body.error.code).toBe('OWN_HOURS');
    const noReason = await (await t().as('zongzhi')).post(url, { reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe('reason');

    const queued = (await queue('zongzhi')).items.find((e: { id: number }) => e.id === id);
    expect(queued).toMatchObject({ state: 'pending', abilities: { accept: true, reverse: true } });
    expect(queued.recordedByName).toBeTruthy();
    expect((await queue('zhibu')).items.find((e: { id: number }) => e.id === id).abilities.accept).toBe(false);

    const ok = await (await t().as('zongzhi')).post(url, body);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id, decision: 'accepted', reversalId: null });
    expect(await myEntry(id)).toMatchObject({
      reviewState: 'accepted',
      decision: 'accepted',
      decisionReason: body.reason,
      decidedByName: expect.any(String),
    });
    const again = await (await t().as('xuegong')).post(url, body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_DECIDED');
    const audit = await t()
      .database.db.selectFrom('audit_event')
      .select(['action', 'reason'])
      .where('entity_type', '=', 'volunteer_hours_entry')
      .where('entity_id', '=', String(id))
      .where('action', '=', 'volunteer_hours.review_accepted')
      .executeTakeFirst();
    expect(audit?.reason).toBe(body.reason);
    // The decision is final in the database too.
    await expect(
      t()
        .database.db.updateTable('volunteer_hours_flag')
        .set({ decision_reason: '改' })
        .where('entry_id', '=', id)
        .execute(),
    ).rejects.toThrow(/final/);
  });

  it('reverses through the ledger (append-only, chain intact); refuses the volunteer above, and anyone not above the recorder', async () => {
    // zongzhi's own hours, recorded by the branch: zongzhi is above the recorder but is the volunteer.
    const own = await record('zhibu', lateCredit({ personId: zongzhi }));
    const ownTry = await (await t().as('zongzhi')).post(`/api/volunteer/hours-review/${own}/reverse`, {
      reason: '不实',
    });
    expect(ownTry.status).toBe(403);
    expect(ownTry.body.error.code).toBe('OWN_HOURS');

    // Recorded by zongzhi at the branch: the branch secretary is below the recorder.
    const byZongzhi = await record('zongzhi', lateCredit());
    const below = await (await t().as('zhibu')).post(`/api/volunteer/hours-review/${byZongzhi}/reverse`, {
      reason: '不实',
    });
    expect(below.status).toBe(403);
    expect(below.body.error.code).toBe('NOT_ABOVE_RECORDER');
    const reversed = await (await t().as('xuegong')).post(`/api/volunteer/hours-review/${byZongzhi}/reverse`, {
      reason: '社区无此次服务记录',
    });
    expect(reversed.status).toBe(200);
    expect(reversed.body.reversalId).toEqual(expect.any(Number));
    expect(await myEntry(byZongzhi)).toMatchObject({ reviewState: 'reversed', decision: 'reversed' });
    const reversal = await myEntry(reversed.body.reversalId);
    expect(reversal).toMatchObject({ kind: 'reversal', minutes: -180, reversesId: byZongzhi });
    expect((await verifyPersonChain(t().database.db, dangyuan)).ok).toBe(true);
    const twice = await (await t().as('zuzhibu')).post(`/api/volunteer/hours-review/${byZongzhi}/accept`, {
      reason: '属实',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ALREADY_REVERSED');

    const clean = await record('zongzhi', credit());
    const notFlagged = await (await t().as('xuegong')).post(`/api/volunteer/hours-review/${clean}/accept`, {
      reason: '属实',
    });
    expect(notFlagged.status).toBe(409);
    expect(notFlagged.body.error.code).toBe('NOT_FLAGGED');
  });

  it('decides in batches, names what it refused, marks overdue entries and exports exactly what the filters show', async () => {
    const a = await record('zhibu', lateCredit());
    const b = await record('zhibu', lateCredit());
    const done = await (await t().as('zongzhi')).post(`/api/volunteer/hours-review/${a}/accept`, { reason: '属实' });
    expect(done.status).toBe(200);
    const batchUrl = '/api/volunteer/hours-review/batch';
    const batch = { ids: [a, b], decision: 'accept', reason: '经核实' };
    expect((await t().anonymous.post(batchUrl, batch)).status).toBe(401);
    const outside = await (await t().as('zhibu2')).post(batchUrl, batch);
    expect(outside.body.refused.map((r: { code: string }) => r.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    const res = await (await t().as('zuzhibu')).post(batchUrl, batch);
    expect(res.status).toBe(200);
    expect(res.body.done.map((d: { id: number }) => d.id)).toEqual([b]);
    expect(res.body.refused).toEqual([{ id: a, code: 'ALREADY_DECIDED', message: expect.any(String) }]);
    expect((await (await t().as('zuzhibu')).post(batchUrl, { ...batch, ids: [] })).status).toBe(400);

    const old = await record('zhibu', lateCredit());
    await t()
      .database.db.updateTable('volunteer_hours_flag')
      .set({ flagged_at: minutesFromNow(-8 * 24 * 60) })
      .where('entry_id', '=', old)
      .execute();
    const overdue = await queue('zongzhi', '?overdue=true');
    expect(overdue.overdueDays).toBe(7);
    expect(overdue.items.map((e: { id: number }) => e.id)).toContain(old);
    expect(overdue.items.map((e: { id: number }) => e.id)).not.toContain(b);
    for (const e of overdue.items) expect(e).toMatchObject({ overdue: true, state: 'pending' });

    const shown = await queue('zongzhi', '?state=pending&flag=LATE_ENTRY');
    const file = await (await t().as('zongzhi')).get('/api/volunteer/hours-review.xlsx?state=pending&flag=LATE_ENTRY');
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain('spreadsheetml');
    const sheet = await readXlsx(file.raw);
    expect(sheet.headers).toContain('疑点');
    expect(sheet.rows.map((r) => Number(r[0]))).toEqual(shown.items.map((e: { id: number }) => e.id));
    expect(sheet.rows.some((r) => r[12] === '是')).toBe(true);
    expect((await t().anonymous.get('/api/volunteer/hours-review')).status).toBe(401);
    expect((await queue('zhibu2')).items).toHaveLength(0);
  });
});
