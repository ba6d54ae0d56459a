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

// Issue 10 item 8: the buttons know the state — my place on a full shift's waiting list, and 补签 only once the
// shift has started.
describeOnEngines('volunteering · state the buttons need', (t) => {
  let branch: number;
  beforeAll(async () => {
    branch = unitId(t(), 'JNSD-WX-BK1');
    await ensureRegistered(await t().as('dangyuan'));
  });

  it('tells each person on the waiting list their place, and moves them up when a seat frees', async () => {
    const { id, shiftIds } = await createActivity(await t().as('zhibu'), activityBody(branch, {}, { capacity: 1 }));
    const path = (
      await t().database.db.selectFrom('org_unit').select('path').where('id', '=', branch).executeTakeFirstOrThrow()
    ).path;
    const people = await volunteerClients(t(), 4, path);
    const signups: number[] = [];
    for (const [i, p] of people.entries()) {
      const res = await p.client.post(`/api/volunteer/shifts/${shiftIds[0]}/signups`, { waitlist: i > 0 });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.status).toBe(i === 0 ? 'confirmed' : 'waiting');
      signups.push(res.body.id ?? res.body.signupId);
    }
    const places = async () =>
      Promise.all(
        people.map(async (p) => {
          const shift = (await p.client.get(`/api/volunteer/activities/${id}`)).body.shifts[0];
          return { status: shift.myStatus, place: shift.myWaitingPosition };
        }),
      );
    expect(await places()).toEqual([
      { status: 'confirmed', place: 0 },
      { status: 'waiting', place: 1 },
      { status: 'waiting', place: 2 },
      { status: 'waiting', place: 3 },
    ]);
    // Someone not signed up has no place; the shift says it is full.
    const outsider = (await (await t().as('zhibu')).get(`/api/volunteer/activities/${id}`)).body.shifts[0];
    expect(outsider).toMatchObject({ myStatus: null, myWaitingPosition: 0, taken: 1, capacity: 1, waiting: 3 });

    const first = (await people[0].client.get(`/api/volunteer/activities/${id}`)).body.shifts[0].mySignupId;
    expect((await people[0].client.post(`/api/volunteer/signups/${first}/cancel`)).status).toBe(200);
    expect((await places()).slice(1)).toEqual([
      { status: 'confirmed', place: 0 },
      { status: 'waiting', place: 1 },
      { status: 'waiting', place: 2 },
    ]);
  });

  it('offers 补签 only once the shift has started, and refuses it before with a named reason', async () => {
    const { id, shiftIds } = await createActivity(await t().as('zhibu'), activityBody(branch, {}, { startIn: 600 }));
    const me = await t().as('dangyuan');
    expect((await me.post(`/api/volunteer/shifts/${shiftIds[0]}/signups`, { waitlist: false })).status).toBe(201);
    const shift = (await me.get(`/api/volunteer/activities/${id}`)).body.shifts[0];
    expect(shift.mySignupAbilities.requestManual).toBe(false);
    expect(shift.mySignupAbilities.cancel).toBe(true);
    const body = { checkInAt: minutesFromNow(605), checkOutAt: minutesFromNow(680), note: '提前申请' };
    const early = await me.post(`/api/volunteer/signups/${shift.mySignupId}/manual-request`, body);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('MANUAL_NOT_ALLOWED');

    await t()
      .database.db.updateTable('volunteer_shift')
      .set({ starts_at: minutesFromNow(-30), ends_at: minutesFromNow(60) })
      .where('id', '=', shiftIds[0])
      .execute();
    const started = (await me.get(`/api/volunteer/activities/${id}`)).body.shifts[0];
    expect(started.mySignupAbilities.requestManual).toBe(true);
    expect(started.mySignupAbilities.cancel).toBe(false);
  });
});
