import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { codeFor, stepAt } from './checkin.code';
import {
  activityBody,
  createActivity,
  ensureRegistered,
  minutesFromNow,
  personIdOf,
  seatDirectly,
  unitId,
} from './volunteering.factory';

describeOnEngines('volunteering check-in', (t) => {
  let branch: number;
  const secretOf = async (id: number) =>
    (
      await t()
        .database.db.selectFrom('volunteer_activity')
        .select('code_secret')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).code_secret;
  beforeAll(async () => {
    branch = unitId(t(), 'JNSD-WX-BK1');
    await ensureRegistered(await t().as('dangyuan'));
    await ensureRegistered(await t().as('jiaogong'));
  });

  it('shows the rotating code and QR only to the organizer: 401, 404 out of scope, 403 for a participant', async () => {
    const { id } = await createActivity(await t().as('zhibu'), activityBody(branch, {}, { startIn: 10 }));
    const url = `/api/volunteer/activities/${id}/checkin-code`;
    expect((await t().anonymous.get(url)).status).toBe(401);
    expect((await (await t().as('zhibu2')).get(url)).status).toBe(404);
    expect((await (await t().as('dangyuan')).get(url)).status).toBe(403);
    const res = await (await t().as('zhibu')).get(url);
    expect(res.status).toBe(200);
    expect(res.body.code).toMatch(/^\d{6}$/);
    expect(res.body.qrSvg).toContain('<svg');
    expect(res.body.url).toContain(`activity=${id}&code=${res.body.code}`);
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeLessThanOrEqual(30_000);
  });

  it('checks in with the current code, refuses a wrong or expired one, and settles on close', async () => {
    const college = { audienceUnitId: unitId(t(), 'JNSD-WX') };
    const { id, shiftIds } = await createActivity(
      await t().as('zhibu'),
      activityBody(branch, college, { startIn: 10 }),
    );
    const me = await t().as('dangyuan');
    expect((await me.post(`/api/volunteer/shifts/${shiftIds[0]}/signups`, {})).status).toBe(201);
    const url = `/api/volunteer/activities/${id}/check-in`;
    const secret = await secretOf(id);
    const expired = codeFor(secret, id, stepAt(Date.now()) - 2);
    expect((await t().anonymous.post(url, { code: expired })).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url, { code: expired })).status).toBe(404);
    const old = await me.post(url, { code: expired });
    expect(old.status).toBe(409);
    expect(old.body.error.code).toBe('INVALID_CODE');
    expect((await me.post(url, { code: 'abc' })).status).toBe(400);
    const { code } = (await (await t().as('zhibu')).get(`/api/volunteer/activities/${id}/checkin-code`)).body;
    const ok = await me.post(url, { code });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ late: false, needsApproval: false });
    expect((await me.post(url, { code })).body.error.code).toBe('ALREADY_CHECKED_IN');
    // jiaogong never signed up.
    expect((await (await t().as('jiaogong')).post(url, { code })).body.error.code).toBe('NOT_SIGNED_UP');

    const close = `/api/volunteer/activities/${id}/close`;
    expect((await t().anonymous.post(close)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(close)).status).toBe(404);
    expect((await me.post(close)).status).toBe(403);
    // Not before the shift has ended (issue 9, 10c)…
    const early = await (await t().as('zhibu')).post(close);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('SHIFTS_NOT_ENDED');
    // …so move the shift and the check-in back in time, as if the 90 minutes had passed.
    await t()
      .database.db.updateTable('volunteer_shift')
      .set({ starts_at: minutesFromNow(-100), ends_at: minutesFromNow(-10) })
      .where('id', '=', shiftIds[0])
      .execute();
    await t()
      .database.db.updateTable('volunteer_signup')
      .set({ checked_in_at: minutesFromNow(-110) })
      .where('shift_id', '=', shiftIds[0])
      .execute();
    const closed = await (await t().as('zhibu')).post(close);
    expect(closed.status).toBe(200);
    // Checked in 10 minutes early: the shift's 90 minutes count, from its start to its end.
    expect(closed.body).toMatchObject({ present: 1, noShow: 0, credits: 1, minutes: 90 });
    const hours = await me.get('/api/volunteer/my/hours');
    expect(hours.body.items.find((e: { activityId: number }) => e.activityId === id)).toMatchObject({
      kind: 'credit',
      minutes: 90,
      basis: 'attendance',
      source: 'activity',
    });
    expect((await (await t().as('zhibu')).post(close)).body.error.code).toBe('ACTIVITY_NOT_OPEN');
  });

  it('checks the place when the activity sets a radius', async () => {
    const place = {
      latitude: 32.1054,
      longitude: 118.9106,
      checkinRadiusM: 200,
      audienceUnitId: unitId(t(), 'JNSD-WX'),
    };
    const { id, shiftIds } = await createActivity(await t().as('zhibu'), activityBody(branch, place, { startIn: 5 }));
    const me = await t().as('jiaogong');
    await me.post(`/api/volunteer/shifts/${shiftIds[0]}/signups`, {});
    const code = codeFor(await secretOf(id), id, stepAt(Date.now()));
    const url = `/api/volunteer/activities/${id}/check-in`;
    expect((await me.post(url, { code })).body.error.code).toBe('LOCATION_REQUIRED');
    const far = await me.post(url, { code, latitude: 32.06, longitude: 118.79 });
    expect(far.body.error.code).toBe('OUT_OF_RANGE');
    expect(far.body.error.details.distanceM).toBeGreaterThan(10_000);
    const near = await me.post(url, { code, latitude: 32.1058, longitude: 118.911 });
    expect(near.status).toBe(200);
  });

  it('holds a late check-in and a manual entry for the organizer, and refuses to close until reviewed', async () => {
    const { id, shiftIds } = await createActivity(await t().as('zhibu'), activityBody(branch, {}, { startIn: 600 }));
    // Move the shift so it started 40 minutes ago (sign-up is closed once a shift starts, so seat directly).
    const db = t().database.db;
    await db
      .updateTable('volunteer_shift')
      .set({ starts_at: minutesFromNow(-40), ends_at: minutesFromNow(50) })
      .where('id', '=', shiftIds[0])
      .execute();
    const late = await seatDirectly(t(), shiftIds[0], await personIdOf(t(), 'dangyuan'));
    const manual = await seatDirectly(t(), shiftIds[0], await personIdOf(t(), 'jiaogong'));
    const code = codeFor(await secretOf(id), id, stepAt(Date.now()));
    const res = await (await t().as('dangyuan')).post(`/api/volunteer/activities/${id}/check-in`, { code });
    expect(res.body).toMatchObject({ late: true, needsApproval: true });

    const body = { checkInAt: minutesFromNow(-40), checkOutAt: minutesFromNow(-10), note: '手机没电，现场由队长确认' };
    const requestUrl = `/api/volunteer/signups/${manual}/manual-request`;
    expect((await t().anonymous.post(requestUrl, body)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(requestUrl, body)).status).toBe(404);
    expect(
      (await (await t().as('jiaogong')).post(requestUrl, { ...body, checkOutAt: minutesFromNow(-50) })).status,
    ).toBe(400);
    expect((await (await t().as('jiaogong')).post(requestUrl, body)).status).toBe(200);

    // The shift is over (it ran from 100 to 10 minutes ago; dangyuan checked in 20 minutes late).
    await db
      .updateTable('volunteer_shift')
      .set({ starts_at: minutesFromNow(-100), ends_at: minutesFromNow(-10) })
      .where('id', '=', shiftIds[0])
      .execute();
    await db
      .updateTable('volunteer_signup')
      .set({ checked_in_at: minutesFromNow(-80) })
      .where('id', '=', late)
      .execute();
    const blocked = await (await t().as('zhibu')).post(`/api/volunteer/activities/${id}/close`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error).toMatchObject({ code: 'PENDING_REVIEWS', details: { pending: 2 } });

    const review = `/api/volunteer/signups/${late}/review`;
    expect((await t().anonymous.post(review, { approve: true })).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(review, { approve: true })).status).toBe(404);
    expect((await (await t().as('dangyuan')).post(review, { approve: true })).status).toBe(403);
    expect((await (await t().as('zhibu')).post(review, { approve: true })).body.checkinReview).toBe('approved');
    expect((await (await t().as('zhibu')).post(review, { approve: true })).body.error.code).toBe('NOTHING_TO_REVIEW');
    expect(
      (
        await (
          await t().as('zhibu')
        ).post(`/api/volunteer/signups/${manual}/review`, { approve: false, note: '无人证明' })
      ).status,
    ).toBe(200);

    const closed = await (await t().as('zhibu')).post(`/api/volunteer/activities/${id}/close`);
    expect(closed.body).toMatchObject({ present: 1, noShow: 1, credits: 1 });
    const roster = await db
      .selectFrom('volunteer_signup')
      .select(['id', 'attendance', 'credited_minutes'])
      .where('activity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(roster[0]).toMatchObject({ id: late, attendance: 'present' });
    expect(roster[0].credited_minutes).toBeGreaterThanOrEqual(69);
    expect(roster[1]).toMatchObject({ id: manual, attendance: 'no_show', credited_minutes: null });
  });

  it('lets the organizer record attendance directly: 401, 404, 200', async () => {
    const { id, shiftIds } = await createActivity(await t().as('zhibu'), activityBody(branch, {}, { startIn: 1200 }));
    const signup = await seatDirectly(t(), shiftIds[0], await personIdOf(t(), 'jiaogong'));
    const url = `/api/volunteer/signups/${signup}/attendance`;
    const body = { checkInAt: minutesFromNow(1200), checkOutAt: minutesFromNow(1260), note: '现场登记' };
    expect((await t().anonymous.post(url, body)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url, body)).status).toBe(404);
    expect((await (await t().as('zhibu')).post(url, body)).body.checkinReview).toBe('approved');
    // Closing before the activity starts credits nobody and marks nobody absent: it is refused.
    const early = await (await t().as('zhibu')).post(`/api/volunteer/activities/${id}/close`);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'SHIFTS_NOT_ENDED', message: expect.stringContaining('尚未开始') });
    const db = t().database.db;
    await db
      .updateTable('volunteer_shift')
      .set({ starts_at: minutesFromNow(-200), ends_at: minutesFromNow(-110) })
      .where('id', '=', shiftIds[0])
      .execute();
    const past = { checkInAt: minutesFromNow(-200), checkOutAt: minutesFromNow(-140), note: '现场登记' };
    expect((await (await t().as('zhibu')).post(url, past)).body.checkinReview).toBe('approved');
    const closed = await (await t().as('zhibu')).post(`/api/volunteer/activities/${id}/close`);
    expect(closed.body).toMatchObject({ present: 1, minutes: 60 });
  });
});
