import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor';
import { describeOnEngines, eventually } from '../../test/harness';
import { SeatBoard, seatBoard } from './seat-board';
import { activityBody, createActivity, unitId, volunteerClients } from './volunteering.factory';

const actor = (unitPath: string, grants: Actor['grants'] = []): Actor => ({
  accountId: 1,
  personId: 1,
  name: '测试',
  username: 'test',
  unitId: 1,
  unitPath,
  isSystemAdmin: false,
  grants,
});

describe('SeatBoard', () => {
  const shift = { audiencePath: '/1/2/', orgPath: '/1/2/5/' };

  it('answers "full" only to people who could see the shift, and only for a while', () => {
    const board = new SeatBoard();
    board.listening = true;
    const inAudience = actor('/1/2/7/');
    const outsider = actor('/1/3/');
    const organizer = actor('/1/3/', [
      { grantId: 1, role: 'branch_secretary', unitId: 5, unitPath: '/1/2/5/', unitName: '支部' },
    ]);
    expect(board.knownFull(9, inAudience, 0)).toBe(false);
    board.markFull(9, shift, 0);
    expect(board.knownFull(9, inAudience, 1000)).toBe(true);
    expect(board.knownFull(9, organizer, 1000)).toBe(true);
    // Anyone else must still get the database's answer (404), not learn that the shift exists.
    expect(board.knownFull(9, outsider, 1000)).toBe(false);
    expect(board.knownFull(10, inAudience, 1000)).toBe(false);
    // Even a missed notification cannot keep a shift "full" for long.
    expect(board.knownFull(9, inAudience, 10_001)).toBe(false);
  });

  it('forgets a shift when a seat is freed, and is silent while notifications could be missed', () => {
    const board = new SeatBoard();
    board.markFull(1, shift, 0);
    expect(board.knownFull(1, actor('/1/2/'), 1)).toBe(false);
    board.listening = true;
    board.markFull(1, shift, 0);
    board.markFull(2, shift, 0);
    board.freed(1);
    expect(board.knownFull(1, actor('/1/2/'), 1)).toBe(false);
    expect(board.knownFull(2, actor('/1/2/'), 1)).toBe(true);
    board.lost();
    expect(board.knownFull(2, actor('/1/2/'), 1)).toBe(false);
    board.listening = true;
    expect(board.knownFull(2, actor('/1/2/'), 1)).toBe(false);
  });
});

describeOnEngines('volunteering seats', (t) => {
  it('answers a full shift from memory, and hears from the database as soon as a seat is free again', async () => {
    const branch = unitId(t(), 'JNSD-WX-BK1');
    const { shiftIds } = await createActivity(
      await t().as('zhibu'),
      activityBody(branch, { audienceUnitId: t().demo.unitIds.get('jnsd') }, { capacity: 2, startIn: 4000 }),
    );
    const [a, b, c] = await volunteerClients(t(), 3);
    const path = `/api/volunteer/shifts/${shiftIds[0]}/signups`;
    expect((await a.client.post(path, {})).status).toBe(201);
    expect((await b.client.post(path, {})).status).toBe(201);
    const full = await c.client.post(path, {});
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({ code: 'SHIFT_FULL', details: { waitlistAvailable: true } });

    const { db } = t().database;
    const board = seatBoard(t().database);
    const me = (
      await db
        .selectFrom('person as p')
        .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
        .select('u.path')
        .where('p.id', '=', c.personId)
        .executeTakeFirstOrThrow()
    ).path;
    expect(board.knownFull(shiftIds[0], actor(me), Date.now())).toBe(true);

    // A seat freed by a write this process never saw (another process, or plain SQL): the trigger's NOTIFY
    // reaches the listener, and the next request goes to the database again.
    await sql`update volunteer_signup set status = 'cancelled', cancelled_at = now()
      where shift_id = ${shiftIds[0]} and person_id = ${a.personId}`.execute(db);
    await sql`update volunteer_shift set taken = taken - 1 where id = ${shiftIds[0]}`.execute(db);
    expect(await eventually(async () => !board.knownFull(shiftIds[0], actor(me), Date.now()))).toBe(true);
    expect((await c.client.post(path, {})).status).toBe(201);
  });

  it('gives one person at most one of two overlapping shifts, even when both requests race', async () => {
    const branch = unitId(t(), 'JNSD-WX-BK1');
    const secretary = await t().as('zhibu');
    const body = activityBody(branch, { audienceUnitId: t().demo.unitIds.get('jnsd') }, { startIn: 6000 });
    const first = await createActivity(secretary, body);
    const second = await createActivity(secretary, { ...body, title: '同一时段的另一个活动' });
    const [p] = await volunteerClients(t(), 1);
    const results = await Promise.all(
      [first, second].map((act) => p.client.post(`/api/volunteer/shifts/${act.shiftIds[0]}/signups`, {})),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('OVERLAPPING_SHIFT');
    const live = await t()
      .database.db.selectFrom('volunteer_signup')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', p.personId)
      .where('status', '=', 'confirmed')
      .where('shift_id', 'in', [first.shiftIds[0], second.shiftIds[0]])
      .executeTakeFirstOrThrow();
    expect(Number(live.n)).toBe(1);
  });
});
