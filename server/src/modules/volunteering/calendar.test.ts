import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { sendReminders } from './calendar.service';
import { activityBody, createActivity, ensureRegistered, unitId } from './volunteering.factory';

/** Issue 10 item 12: my shifts in one calendar, a feed a phone subscribes to, reminders before each one. */
describeOnEngines('personal calendar', (t) => {
  it('lists my shift, serves it as iCalendar at a secret address, and reminds me once before it starts', async () => {
    const zhibu = await t().as('zhibu');
    const body = activityBody(unitId(t(), 'jnsd-wx-bk1'), { title: '图书馆导览志愿服务' }, { startIn: 60 });
    const { shiftIds } = await createActivity(zhibu, body);
    const dangyuan = await t().as('dangyuan');
    await ensureRegistered(dangyuan);
    expect((await dangyuan.post(`/api/volunteer/shifts/${shiftIds[0]}/signups`, {})).status).toBe(201);

    expect((await t().anonymous.get('/api/volunteer/my/calendar')).status).toBe(401);
    const list = await dangyuan.get('/api/volunteer/my/calendar');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { title: string }) => i.title)).toContain('图书馆导览志愿服务');
    expect((await dangyuan.get('/api/volunteer/my/calendar?from=yesterday')).status).toBe(400);

    expect((await t().anonymous.post('/api/volunteer/my/calendar/feed', {})).status).toBe(401);
    expect((await dangyuan.get('/api/volunteer/my/calendar/feed')).body.subscribed).toBe(false);
    const feed = await dangyuan.post('/api/volunteer/my/calendar/feed', {});
    expect(feed.status).toBe(200);
    const ics = await t().anonymous.get(feed.body.path);
    expect(ics.status).toBe(200);
    expect(String(ics.headers['content-type'])).toContain('text/calendar');
    expect(ics.body).toContain('SUMMARY:图书馆导览志愿服务');
    expect(ics.body).toContain('BEGIN:VALARM');
    // Someone else's guess, or the old address after a reset, finds nothing.
    expect((await t().anonymous.get('/api/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).status).toBe(404);
    const again = await dangyuan.post('/api/volunteer/my/calendar/feed', {});
    expect((await t().anonymous.get(feed.body.path)).status).toBe(404);
    expect((await t().anonymous.get(again.body.path)).status).toBe(200);

    const sent = await sendReminders({ db: t().database.db });
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(await sendReminders({ db: t().database.db })).toBe(0);
    const notes = (await dangyuan.get('/api/notifications?limit=100')).body.items as { title: string }[];
    expect(notes.filter((n) => n.title.includes('图书馆导览志愿服务') && n.title.includes('开始'))).toHaveLength(1);
  });
});
