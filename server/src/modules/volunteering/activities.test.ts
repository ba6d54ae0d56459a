import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import {
  activityBody,
  createActivity,
  ensureRegistered,
  minutesFromNow,
  unitId,
  volunteerClients,
} from './volunteering.factory';

describeOnEngines('volunteering activities', (t) => {
  let branch: number;
  let mathBranch: number;
  beforeAll(async () => {
    branch = unitId(t(), 'JNSD-WX-BK1');
    mathBranch = unitId(t(), 'JNSD-SX-BK1');
    await ensureRegistered(await t().as('dangyuan'));
  });

  it('creates an activity: 401 signed out, 404 out of scope, 403 without the permission, 201 for the branch secretary', async () => {
    const body = activityBody(branch);
    expect((await t().anonymous.post('/api/volunteer/activities', body)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post('/api/volunteer/activities', body)).status).toBe(404);
    expect((await (await t().as('dangyuan')).post('/api/volunteer/activities', body)).status).toBe(403);
    const created = await (await t().as('zhibu')).post('/api/volunteer/activities', body);
    expect(created.status).toBe(201);
    const detail = await (await t().as('zhibu')).get(`/api/volunteer/activities/${created.body.id}`);
    expect(detail.body).toMatchObject({
      title: body.title,
      status: 'published',
      capacity: 5,
      taken: 0,
      // 结项 only once every shift has ended (issue 9, 10c).
      abilities: { manage: true, close: false, cancel: true },
    });
    expect(detail.body.codeSecret).toBeUndefined();
    expect((await (await t().as('zhibu2')).get(`/api/volunteer/activities/${created.body.id}`)).status).toBe(404);
  });

  it('names the bad fields, and refuses meetings and trainings as volunteer service', async () => {
    const client = await t().as('zhibu');
    const bad = await client.post('/api/volunteer/activities', {
      ...activityBody(branch),
      title: '',
      shifts: [{ post: '', startsAt: 'x', endsAt: 'y', capacity: 0 }],
      category: 'party',
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['title', 'category', 'shifts.0.post', 'shifts.0.startsAt', 'shifts.0.capacity']),
    );
    const meeting = await client.post('/api/volunteer/activities', activityBody(branch, { category: 'meeting' }));
    expect(meeting.status).toBe(409);
    expect(meeting.body.error.code).toBe('NOT_SERVICE_HOURS');
  });

  it('signs up: 401 signed out, 404 outside the audience, 201 for a member, then each refusal by name', async () => {
    const { shiftIds } = await createActivity(
      await t().as('zhibu'),
      activityBody(branch, { membersOnly: true }, { shifts: 2 }),
    );
    const url = `/api/volunteer/shifts/${shiftIds[0]}/signups`;
    expect((await t().anonymous.post(url, {})).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url, {})).status).toBe(404);
    const me = await t().as('dangyuan');
    const ok = await me.post(url, {});
    expect(ok.status).toBe(201);
    expect(ok.body.status).toBe('confirmed');
    expect((await me.post(url, {})).body.error.code).toBe('ALREADY_SIGNED_UP');

    const qunzhong = await t().as('qunzhong');
    expect((await qunzhong.post(url, {})).body.error).toMatchObject({
      code: 'NOT_ELIGIBLE',
      details: { reason: '请先注册为志愿者' },
    });
    await ensureRegistered(qunzhong);
    const notMember = await qunzhong.post(url, {});
    expect(notMember.status).toBe(409);
    expect(notMember.body.error).toMatchObject({ code: 'NOT_ELIGIBLE', details: { reason: '本活动仅限党员报名' } });

    // Same time as the first shift, in another activity: overlapping.
    const other = await createActivity(await t().as('zhibu'), activityBody(branch, { title: '同时段的另一活动' }));
    const overlap = await me.post(`/api/volunteer/shifts/${other.shiftIds[0]}/signups`, {});
    expect(overlap.body.error.code).toBe('OVERLAPPING_SHIFT');

    const closed = await createActivity(
      await t().as('zhibu'),
      activityBody(branch, { signupOpensAt: minutesFromNow(30), signupClosesAt: minutesFromNow(60) }),
    );
    const early = await me.post(`/api/volunteer/shifts/${closed.shiftIds[0]}/signups`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('SIGNUP_CLOSED');

    const skill = await createActivity(
      await t().as('zhibu'),
      activityBody(branch, { requiredSkill: '古琴演奏' }, { startIn: 900 }),
    );
    expect((await me.post(`/api/volunteer/shifts/${skill.shiftIds[0]}/signups`, {})).body.error.code).toBe(
      'NOT_ELIGIBLE',
    );
  });

  it('offers the waiting list when full and promotes in order on cancellation', async () => {
    const { id, shiftIds } = await createActivity(
      await t().as('zhibu'),
      activityBody(branch, {}, { capacity: 2, startIn: 2000 }),
    );
    const url = `/api/volunteer/shifts/${shiftIds[0]}/signups`;
    const people = await volunteerClients(
      t(),
      5,
      (await t().database.db.selectFrom('org_unit').select('path').where('id', '=', branch).executeTakeFirstOrThrow())
        .path,
    );
    const [a, b, c, d] = people;
    expect((await a.client.post(url, {})).status).toBe(201);
    expect((await b.client.post(url, {})).status).toBe(201);
    const full = await c.client.post(url, {});
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({ code: 'SHIFT_FULL', details: { waitlistAvailable: true } });
    const w1 = await c.client.post(url, { waitlist: true });
    const w2 = await d.client.post(url, { waitlist: true });
    expect([w1.body.status, w2.body.status]).toEqual(['waiting', 'waiting']);
    const mine = await d.client.get('/api/volunteer/my/signups');
    expect(mine.body.items.find((s: { id: number }) => s.id === w2.body.id)).toMatchObject({
      status: 'waiting',
      waitingPosition: 2,
    });

    const signupA = (await a.client.get('/api/volunteer/my/signups')).body.items.find(
      (s: { activityId: number }) => s.activityId === id,
    );
    expect((await t().anonymous.post(`/api/volunteer/signups/${signupA.id}/cancel`)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(`/api/volunteer/signups/${signupA.id}/cancel`)).status).toBe(404);
    // Another volunteer cannot even see this sign-up.
    expect((await b.client.post(`/api/volunteer/signups/${signupA.id}/cancel`)).status).toBe(404);
    const cancelled = await a.client.post(`/api/volunteer/signups/${signupA.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.promotedSignupId).toBe(w1.body.id);
    const detail = await (await t().as('zhibu')).get(`/api/volunteer/activities/${id}`);
    expect(detail.body.shifts[0]).toMatchObject({ taken: 2, capacity: 2, waiting: 1 });
    const roster = await (await t().as('zhibu')).get(`/api/volunteer/activities/${id}/signups`);
    const statuses = Object.fromEntries(
      roster.body.items.map((s: { personId: number; status: string }) => [s.personId, s.status]),
    );
    expect(statuses).toEqual({
      [a.personId]: 'cancelled',
      [b.personId]: 'confirmed',
      [c.personId]: 'confirmed',
      [d.personId]: 'waiting',
    });
    const again = await a.client.post(`/api/volunteer/signups/${signupA.id}/cancel`);
    expect(again.body.error.code).toBe('NOT_ACTIVE');
    const notice = await c.client.get('/api/notifications');
    if (notice.status === 200) expect(JSON.stringify(notice.body)).toContain('候补转正');
  });

  it('never passes capacity under a burst of simultaneous sign-ups', async () => {
    const { id, shiftIds } = await createActivity(
      await t().as('zhibu'),
      activityBody(branch, { audienceUnitId: t().demo.unitIds.get('jnsd') }, { capacity: 7, startIn: 3000 }),
    );
    const people = await volunteerClients(t(), 60);
    const results = await Promise.all(
      people.map((p) => p.client.post(`/api/volunteer/shifts/${shiftIds[0]}/signups`, {})),
    );
    const accepted = results.filter((r) => r.status === 201).length;
    expect(accepted).toBe(7);
    const refused = results.filter((r) => r.status === 409).map((r) => r.body.error.code);
    expect(refused.length).toBe(53);
    expect(new Set(refused)).toEqual(new Set(['SHIFT_FULL']));
    const db = t().database.db;
    const shift = await db
      .selectFrom('volunteer_shift')
      .select(['taken', 'capacity'])
      .where('id', '=', shiftIds[0])
      .executeTakeFirstOrThrow();
    const live = await db
      .selectFrom('volunteer_signup')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('activity_id', '=', id)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    expect(shift).toEqual({ taken: 7, capacity: 7 });
    expect(Number(live.n)).toBe(7);
  });

  it('cancels an activity: 401, 404 out of scope, 200, then 409 once it is no longer open', async () => {
    const { id } = await createActivity(await t().as('zhibu'), activityBody(branch, {}, { startIn: 4000 }));
    const url = `/api/volunteer/activities/${id}/cancel`;
    expect((await t().anonymous.post(url, { reason: '天气' })).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url, { reason: '天气' })).status).toBe(404);
    expect((await (await t().as('zhibu')).post(url, {})).status).toBe(400);
    expect((await (await t().as('zhibu')).post(url, { reason: '天气原因' })).status).toBe(200);
    const again = await (await t().as('zhibu')).post(url, { reason: '天气原因' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ACTIVITY_NOT_OPEN');
  });

  it('lists open activities for a member and managed ones for the organizer, scoped', async () => {
    const open = await (await t().as('dangyuan')).get('/api/volunteer/activities?view=open');
    expect(open.status).toBe(200);
    expect(open.body.items.length).toBeGreaterThan(0);
    expect(open.body.items.every((a: { status: string }) => a.status === 'published')).toBe(true);
    const managed = await (await t().as('zhibu2')).get('/api/volunteer/activities?view=managed');
    expect(managed.body.items.every((a: { unitId: number }) => a.unitId !== branch)).toBe(true);
    expect((await (await t().as('zhibu2')).get(`/api/volunteer/activities?unitId=${branch}`)).status).toBe(404);
    expect(mathBranch).toBeGreaterThan(0);
  });
});
