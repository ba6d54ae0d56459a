import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { activityBody, createActivity, seatDirectly, unitId, volunteerClients } from './volunteering.factory';

/**
 * Issue 9, 10c: 结项 settles attendance only once every shift has ended, and credit follows the record of
 * attendance — code check-in/check-out, or a manual entry the organizer approved — never the shift as planned.
 */
describeOnEngines('volunteering closing (结项) rules', (t) => {
  let branch: number;
  beforeAll(() => {
    branch = unitId(t(), 'JNSD-WX-BK1');
  });
  const close = async (id: number) => (await t().as('zhibu')).post(`/api/volunteer/activities/${id}/close`);
  // One instant for every time a test writes, so served minutes come out whole.
  const base = Date.now();
  const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
  const moveShift = (shiftId: number, startMin: number, endMin: number) =>
    t()
      .database.db.updateTable('volunteer_shift')
      .set({ starts_at: at(startMin), ends_at: at(endMin) })
      .where('id', '=', shiftId)
      .execute();
  const signup = (id: number) =>
    t()
      .database.db.selectFrom('volunteer_signup')
      .select(['attendance', 'credited_minutes'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('refuses to close before the activity starts or while a shift is still running, and settles nothing', async () => {
    const [p] = await volunteerClients(t(), 1, '/');
    const { id, shiftIds } = await createActivity(await t().as('zhibu'), activityBody(branch, {}, { shifts: 2 }));
    const seat = await seatDirectly(t(), shiftIds[0], p.personId);
    const detail = await (await t().as('zhibu')).get(`/api/volunteer/activities/${id}`);
    expect(detail.body.abilities.close).toBe(false);
    const before = await close(id);
    expect(before.status).toBe(409);
    expect(before.body.error).toMatchObject({ code: 'SHIFTS_NOT_ENDED', message: expect.stringContaining('尚未开始') });
    // The first shift is over, the second still runs: not yet.
    await moveShift(shiftIds[0], -120, -30);
    await moveShift(shiftIds[1], -20, 60);
    const during = await close(id);
    expect(during.body.error).toMatchObject({ code: 'SHIFTS_NOT_ENDED', details: { unended: 1 } });
    expect(await signup(seat)).toMatchObject({ attendance: 'pending', credited_minutes: null });
    const status = await t()
      .database.db.selectFrom('volunteer_activity')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('published');
  });

  it('after the end credits check-in to check-out, check-in to the end, an approved manual entry; nobody else', async () => {
    const people = await volunteerClients(t(), 5, '/');
    const { id, shiftIds } = await createActivity(await t().as('zhibu'), activityBody(branch));
    const seats = [];
    for (const p of people) seats.push(await seatDirectly(t(), shiftIds[0], p.personId));
    await moveShift(shiftIds[0], -200, -20);
    const db = t().database.db;
    const [inOut, inOnly, manual, rejected, absent] = seats;
    await db
      .updateTable('volunteer_signup')
      .set({ checked_in_at: at(-190), checked_out_at: at(-100), checkin_kind: 'code' })
      .where('id', '=', inOut)
      .execute();
    await db
      .updateTable('volunteer_signup')
      .set({ checked_in_at: at(-150), checkin_kind: 'code' })
      .where('id', '=', inOnly)
      .execute();
    const zhibu = await t().as('zhibu');
    const entry = { checkInAt: at(-200), checkOutAt: at(-140), note: '队长现场确认' };
    expect((await zhibu.post(`/api/volunteer/signups/${manual}/attendance`, entry)).status).toBe(200);
    const asked = await people[3].client.post(`/api/volunteer/signups/${rejected}/manual-request`, entry);
    expect(asked.status).toBe(200);
    expect((await close(id)).body.error.code).toBe('PENDING_REVIEWS');
    expect(
      (await zhibu.post(`/api/volunteer/signups/${rejected}/review`, { approve: false, note: '无人证明' })).status,
    ).toBe(200);

    const closed = await close(id);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ present: 3, noShow: 2, credits: 3, minutes: 90 + 130 + 60 });
    expect(await signup(inOut)).toMatchObject({ attendance: 'present', credited_minutes: 90 });
    expect(await signup(inOnly)).toMatchObject({ attendance: 'present', credited_minutes: 130 });
    expect(await signup(manual)).toMatchObject({ attendance: 'present', credited_minutes: 60 });
    expect(await signup(rejected)).toMatchObject({ attendance: 'no_show', credited_minutes: null });
    expect(await signup(absent)).toMatchObject({ attendance: 'no_show', credited_minutes: null });
    const credited = await db
      .selectFrom('volunteer_hours_entry')
      .select(['person_id', 'minutes'])
      .where('activity_id', '=', id)
      .execute();
    expect(credited.map((c) => c.person_id).sort()).toEqual(
      [people[0].personId, people[1].personId, people[2].personId].sort(),
    );
  });
});
