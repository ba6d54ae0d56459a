import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import {
  activityBody,
  createActivity,
  ensureRegistered,
  minutesFromNow,
  personIdOf,
  unitId,
} from './volunteering.factory';

describeOnEngines('volunteering teams and venues', (t) => {
  let college: number;
  let branch: number;
  let dangyuan: number;
  let jiaogong: number;
  let teamId: number;
  let venueId: number;
  beforeAll(async () => {
    college = unitId(t(), 'JNSD-WX');
    branch = unitId(t(), 'JNSD-WX-BK1');
    dangyuan = await personIdOf(t(), 'dangyuan');
    jiaogong = await personIdOf(t(), 'jiaogong');
    await ensureRegistered(await t().as('dangyuan'));
    await ensureRegistered(await t().as('jiaogong'));
  });

  it('forms a team: 401, 404 out of scope, 403 without the permission, 201; members join and the leader cannot be removed', async () => {
    const body = {
      name: '文学院“书香”师生党员志愿服务队',
      kind: 'volunteer_team',
      unitId: college,
      leaderPersonId: jiaogong,
      specialties: ['阅读推广', '书法'],
    };
    expect((await t().anonymous.post('/api/volunteer/teams', body)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post('/api/volunteer/teams', body)).status).toBe(404);
    expect((await (await t().as('zhibu')).post('/api/volunteer/teams', body)).status).toBe(404);
    expect((await (await t().as('dangwei')).post('/api/volunteer/teams', body)).status).toBe(403);
    const res = await (await t().as('zongzhi')).post('/api/volunteer/teams', body);
    expect(res.status).toBe(201);
    teamId = res.body.id;
    expect((await (await t().as('zongzhi')).post('/api/volunteer/teams', { ...body, kind: 'club' })).status).toBe(400);

    const members = `/api/volunteer/teams/${teamId}/members`;
    expect((await t().anonymous.post(members, { personId: dangyuan })).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(members, { personId: dangyuan })).status).toBe(404);
    expect((await (await t().as('zongzhi')).post(members, { personId: dangyuan })).status).toBe(201);
    expect((await (await t().as('zongzhi')).post(members, { personId: dangyuan })).body.error.code).toBe(
      'ALREADY_MEMBER',
    );
    expect(
      (await (await t().as('zongzhi')).del(`/api/volunteer/teams/${teamId}/members/${jiaogong}`)).body.error.code,
    ).toBe('LEADER_CANNOT_LEAVE');
    expect((await (await t().as('zhibu2')).del(`/api/volunteer/teams/${teamId}/members/${dangyuan}`)).status).toBe(404);

    const put = await (await t().as('zongzhi')).put(`/api/volunteer/teams/${teamId}`, {
      ...body,
      description: '每月走进社区图书室',
    });
    expect(put.status).toBe(200);
    expect((await (await t().as('zhibu2')).put(`/api/volunteer/teams/${teamId}`, body)).status).toBe(404);
    // A member sees their own team even without a manager's view.
    const mine = await (await t().as('dangyuan')).get('/api/volunteer/teams');
    expect(mine.body.items.map((x: { id: number }) => x.id)).toContain(teamId);
  });

  it('shows a team’s activities and hours', async () => {
    const zongzhi = await t().as('zongzhi');
    const { id, shiftIds } = await createActivity(
      zongzhi,
      activityBody(college, { teamId, title: '社区图书室整理' }, { startIn: 600 }),
    );
    const [start, end] = [minutesFromNow(-120), minutesFromNow(-60)];
    await t()
      .database.db.updateTable('volunteer_shift')
      .set({ starts_at: start, ends_at: end })
      .where('id', '=', shiftIds[0])
      .execute();
    const signupId = (
      await t()
        .database.db.insertInto('volunteer_signup')
        .values({ shift_id: shiftIds[0], activity_id: id, person_id: dangyuan, status: 'confirmed' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await zongzhi.post(`/api/volunteer/signups/${signupId}/attendance`, {
      checkInAt: start,
      checkOutAt: end,
      note: '现场登记',
    });
    expect((await zongzhi.post(`/api/volunteer/activities/${id}/close`)).body.minutes).toBe(60);
    const team = await zongzhi.get(`/api/volunteer/teams/${teamId}`);
    expect(team.body.activities.map((a: { id: number }) => a.id)).toContain(id);
    expect(team.body.members.find((m: { personId: number }) => m.personId === dangyuan).teamMinutes).toBe(60);
    expect(team.body.members[0]).toMatchObject({ personId: jiaogong, isLeader: true });
    expect(team.body.totals[0]).toMatchObject({ minutes: 60, people: 1 });
    expect((await (await t().as('zhibu2')).get(`/api/volunteer/teams/${teamId}`)).status).toBe(404);
  });

  it('creates a venue: 401, 404 out of scope, 403 without the permission, 201; off-campus types need a partner', async () => {
    const body = {
      name: '文学院党员服务中心',
      type: 'service_center',
      unitId: college,
      address: '随园校区文学院楼 101 室',
      latitude: 32.0603,
      longitude: 118.7689,
      openingHours: '工作日 8:30–17:30',
      responsiblePersonId: jiaogong,
    };
    expect((await t().anonymous.post('/api/volunteer/venues', body)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post('/api/volunteer/venues', body)).status).toBe(404);
    expect((await (await t().as('dangwei')).post('/api/volunteer/venues', body)).status).toBe(403);
    const offCampus = await (await t().as('zongzhi')).post('/api/volunteer/venues', {
      ...body,
      type: 'offcampus_base',
    });
    expect(offCampus.status).toBe(400);
    expect(offCampus.body.error.details[0].path).toBe('partnerId');
    const res = await (await t().as('zongzhi')).post('/api/volunteer/venues', body);
    expect(res.status).toBe(201);
    venueId = res.body.id;
    const list = await t().anonymous.get('/api/public/venues');
    expect(list.status).toBe(200);
    const listed = list.body.items.find((v: { id: number }) => v.id === venueId);
    expect(listed).toMatchObject({
      name: body.name,
      type: 'service_center',
      responsibleName: expect.any(String),
      openingHours: body.openingHours,
    });
    expect(JSON.stringify(listed)).not.toMatch(/1\d{10}/);
  });

  it('runs a duty roster with swaps, confirms a past duty into the ledger, and logs services', async () => {
    const zongzhi = await t().as('zongzhi');
    const duty = {
      personId: dangyuan,
      startsAt: minutesFromNow(24 * 60),
      endsAt: minutesFromNow(24 * 60 + 120),
      post: '接待咨询',
    };
    const url = `/api/volunteer/venues/${venueId}/duties`;
    expect((await t().anonymous.post(url, duty)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url, duty)).status).toBe(404);
    const future = await zongzhi.post(url, duty);
    expect(future.status).toBe(201);
    expect((await zongzhi.post(url, duty)).body.error.code).toBe('OVERLAPPING_DUTY');

    const swapUrl = `/api/volunteer/duties/${future.body.id}/swap`;
    expect((await t().anonymous.post(swapUrl, { toPersonId: jiaogong, reason: '考试' })).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(swapUrl, { toPersonId: jiaogong, reason: '考试' })).status).toBe(404);
    const swap = await (await t().as('dangyuan')).post(swapUrl, { toPersonId: jiaogong, reason: '当天有考试' });
    expect(swap.status).toBe(201);
    expect(
      (await (await t().as('dangyuan')).post(swapUrl, { toPersonId: jiaogong, reason: '再申请' })).body.error.code,
    ).toBe('SWAP_PENDING');
    expect((await (await t().as('dangyuan')).post(`/api/volunteer/swaps/${swap.body.id}/accept`)).status).toBe(404);
    const inbox = await (await t().as('jiaogong')).get('/api/volunteer/my/duties');
    expect(inbox.body.swapsToMe.map((s: { id: number }) => s.id)).toContain(swap.body.id);
    expect((await (await t().as('jiaogong')).post(`/api/volunteer/swaps/${swap.body.id}/accept`)).body.status).toBe(
      'accepted',
    );
    expect((await (await t().as('jiaogong')).post(`/api/volunteer/swaps/${swap.body.id}/accept`)).body.error.code).toBe(
      'SWAP_DECIDED',
    );
    const detail = await zongzhi.get(`/api/volunteer/venues/${venueId}`);
    expect(detail.body.duties.find((d: { id: number }) => d.id === future.body.id).personId).toBe(jiaogong);

    const past = await zongzhi.post(url, {
      personId: dangyuan,
      startsAt: minutesFromNow(-300),
      endsAt: minutesFromNow(-180),
      post: '值守',
    });
    const confirmUrl = `/api/volunteer/duties/${past.body.id}/confirm`;
    expect((await t().anonymous.post(confirmUrl)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(confirmUrl)).status).toBe(404);
    expect((await zongzhi.post(`/api/volunteer/duties/${future.body.id}/confirm`)).body.error.code).toBe(
      'DUTY_NOT_ENDED',
    );
    const confirmed = await zongzhi.post(confirmUrl);
    expect(confirmed.body).toMatchObject({ status: 'done', minutes: 120 });
    expect((await zongzhi.post(confirmUrl)).body.error.code).toBe('ALREADY_CONFIRMED');
    const hours = await (await t().as('dangyuan')).get('/api/volunteer/my/hours');
    expect(hours.body.items.find((e: { source: string }) => e.source === 'venue_duty')).toMatchObject({
      minutes: 120,
      category: 'campus',
    });

    const log = {
      servedAt: minutesFromNow(-200),
      title: '为新生办理组织关系转接咨询',
      peopleServed: 12,
      minutes: 120,
      demandId: 77,
    };
    const logUrl = `/api/volunteer/venues/${venueId}/services`;
    expect((await t().anonymous.post(logUrl, log)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(logUrl, log)).status).toBe(404);
    expect((await zongzhi.post(logUrl, log)).status).toBe(201);
    const services = (await zongzhi.get(`/api/volunteer/venues/${venueId}`)).body.services;
    expect(services[0]).toMatchObject({ title: log.title, peopleServed: 12, demandId: 77 });
    const current = (await zongzhi.get(`/api/volunteer/venues/${venueId}`)).body;
    const edit = { ...current, openingHours: '每天 9:00–21:00' };
    expect((await t().anonymous.put(`/api/volunteer/venues/${venueId}`, edit)).status).toBe(401);
    expect(
      (await (await t().as('zhibu')).put(`/api/volunteer/venues/${venueId}`, { ...edit, unitId: branch })).status,
    ).toBe(404);
    expect((await zongzhi.put(`/api/volunteer/venues/${venueId}`, edit)).status).toBe(200);
    expect(
      (await t().anonymous.get('/api/public/venues')).body.items.find((v: { id: number }) => v.id === venueId)
        .openingHours,
    ).toBe('每天 9:00–21:00');
  });

  it('withdraws a pending swap: 401, 404 out of scope, 403 for others who see it, 200; then 409 SWAP_DECIDED', async () => {
    const zongzhi = await t().as('zongzhi');
    const me = await t().as('dangyuan');
    const colleague = await t().as('jiaogong');
    const duty = await zongzhi.post(`/api/volunteer/venues/${venueId}/duties`, {
      personId: dangyuan,
      startsAt: minutesFromNow(48 * 60),
      endsAt: minutesFromNow(48 * 60 + 120),
      post: '接待咨询',
    });
    expect(duty.status).toBe(201);
    const swapUrl = `/api/volunteer/duties/${duty.body.id}/swap`;
    const swap = await me.post(swapUrl, { toPersonId: jiaogong, reason: '临时有课' });
    expect(swap.status).toBe(201);
    const mine = (await me.get('/api/volunteer/my/duties')).body.duties.find(
      (d: { id: number }) => d.id === duty.body.id,
    );
    expect(mine).toMatchObject({ pendingSwapId: swap.body.id, abilities: { swap: false, cancelSwap: true } });

    const url = `/api/volunteer/swaps/${swap.body.id}/cancel`;
    expect((await t().anonymous.post(url)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url)).status).toBe(404);
    expect((await colleague.post(url)).status).toBe(403);
    expect((await zongzhi.post(url)).status).toBe(403);
    const bad = await me.post('/api/volunteer/swaps/abc/cancel');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('id');
    const ok = await me.post(url);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ id: swap.body.id, status: 'cancelled' });
    const inbox = (await colleague.get('/api/volunteer/my/duties')).body.swapsToMe;
    expect(inbox.map((s: { id: number }) => s.id)).not.toContain(swap.body.id);
    const after = (await me.get('/api/volunteer/my/duties')).body.duties.find(
      (d: { id: number }) => d.id === duty.body.id,
    );
    expect(after).toMatchObject({ personId: dangyuan, pendingSwapId: null, abilities: { swap: true } });
    const audit = await t()
      .database.db.selectFrom('audit_event')
      .select(['action', 'actor_person_id'])
      .where('entity_type', '=', 'venue_duty')
      .where('entity_id', '=', String(duty.body.id))
      .where('action', '=', 'venue_duty.swap_cancelled')
      .execute();
    expect(audit).toEqual([{ action: 'venue_duty.swap_cancelled', actor_person_id: dangyuan }]);
    const notices = await colleague.get('/api/notifications?limit=100');
    expect(notices.body.items.map((n: { title: string }) => n.title)).toContain('换班请求已撤回：文学院党员服务中心');

    const again = await me.post(url);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SWAP_DECIDED');
    expect((await colleague.post(`/api/volunteer/swaps/${swap.body.id}/accept`)).body.error.code).toBe('SWAP_DECIDED');
    // A declined request cannot be withdrawn either; a new one can be made once nothing is pending.
    const second = await me.post(swapUrl, { toPersonId: jiaogong, reason: '再次申请' });
    expect(second.status).toBe(201);
    expect((await colleague.post(`/api/volunteer/swaps/${second.body.id}/decline`)).body.status).toBe('declined');
    const late = await me.post(`/api/volunteer/swaps/${second.body.id}/cancel`);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('SWAP_DECIDED');
  });

  it('closes a venue: 401, 404 out of scope, 403 without the permission, 400 without a reason, 200; history stays', async () => {
    const zongzhi = await t().as('zongzhi');
    const url = `/api/volunteer/venues/${venueId}/close`;
    const body = { reason: '阵地搬迁，并入学院党员之家' };
    const before = (await zongzhi.get(`/api/volunteer/venues/${venueId}`)).body;
    expect(before.abilities.close).toBe(true);
    const upcoming = before.duties.filter((d: { status: string }) => d.status === 'scheduled');
    expect(upcoming.length).toBe(2);
    const mine = upcoming.find((d: { personId: number }) => d.personId === dangyuan);
    const pending = await (await t().as('dangyuan')).post(`/api/volunteer/duties/${mine.id}/swap`, {
      toPersonId: jiaogong,
      reason: '阵地关闭前的换班',
    });
    expect(pending.status).toBe(201);
    expect((await t().anonymous.post(url, body)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url, body)).status).toBe(404);
    expect((await (await t().as('dangwei')).post(url, body)).status).toBe(403);
    const blank = await zongzhi.post(url, { reason: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details[0].path).toBe('reason');
    expect(blank.body.error.message).toContain('请填写关闭原因');
    expect((await zongzhi.post(url, {})).body.error.details[0].path).toBe('reason');
    const ok = await zongzhi.post(url, body);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: venueId, closedAt: expect.any(String), cancelledDuties: 2 });

    const publicList = (await t().anonymous.get('/api/public/venues')).body.items;
    expect(publicList.map((v: { id: number }) => v.id)).not.toContain(venueId);
    const list = (await zongzhi.get('/api/volunteer/venues')).body.items;
    expect(list.map((v: { id: number }) => v.id)).not.toContain(venueId);
    const withClosed = (await zongzhi.get('/api/volunteer/venues?includeClosed=true')).body.items;
    expect(withClosed.find((v: { id: number }) => v.id === venueId)).toMatchObject({
      closedAt: ok.body.closedAt,
      abilities: { update: false, schedule: false, logService: false, close: false },
    });
    const detail = await zongzhi.get(`/api/volunteer/venues/${venueId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.closedAt).toBe(ok.body.closedAt);
    // Duties that had not started are cancelled with their pending swap; the confirmed one stays as it was.
    const statusOf = (dutyId: number) => detail.body.duties.find((d: { id: number }) => d.id === dutyId).status;
    for (const d of upcoming) expect(statusOf(d.id)).toBe('cancelled');
    expect(detail.body.duties.filter((d: { status: string }) => d.status === 'done').length).toBe(1);
    expect(detail.body.duties.every((d: { abilities: { swap: boolean } }) => !d.abilities.swap)).toBe(true);
    const inbox = (await (await t().as('jiaogong')).get('/api/volunteer/my/duties')).body.swapsToMe;
    expect(inbox.map((x: { id: number }) => x.id)).not.toContain(pending.body.id);
    const told = await (await t().as('dangyuan')).get('/api/notifications?limit=100');
    expect(told.body.items.map((n: { title: string }) => n.title)).toContain(
      '文学院党员服务中心已关闭，您在该阵地尚未开始的值班已取消',
    );
    expect(detail.body.services[0].title).toBe('为新生办理组织关系转接咨询');

    const refusals = [
      await zongzhi.post(`/api/volunteer/venues/${venueId}/duties`, {
        personId: jiaogong,
        startsAt: minutesFromNow(72 * 60),
        endsAt: minutesFromNow(72 * 60 + 60),
      }),
      await zongzhi.post(`/api/volunteer/venues/${venueId}/services`, { servedAt: minutesFromNow(-10), title: '咨询' }),
      await zongzhi.put(`/api/volunteer/venues/${venueId}`, { ...detail.body, openingHours: '周末' }),
      await zongzhi.post(url, body),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('VENUE_CLOSED');
    }
    const activity = await zongzhi.post(
      '/api/volunteer/activities',
      activityBody(college, { venueId, title: '阵地已关闭的活动' }, { startIn: 600 }),
    );
    expect(activity.status).toBe(404);
    const audit = await t()
      .database.db.selectFrom('audit_event')
      .select(['action', 'reason'])
      .where('entity_type', '=', 'venue')
      .where('entity_id', '=', String(venueId))
      .where('action', '=', 'venue.closed')
      .execute();
    expect(audit).toEqual([{ action: 'venue.closed', reason: body.reason }]);
  });
});
