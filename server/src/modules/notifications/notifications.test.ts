import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { notify } from './notifications.service';

describeOnEngines('notifications', (t) => {
  const person = (username: string) => {
    const account = t().demo.school.accounts.find((a) => a.username === username);
    return t().demo.personIds.get(account?.personKey as string) as number;
  };
  const unitPath = async (code: string) => {
    const row = await t()
      .database.db.selectFrom('org_unit')
      .select('path')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    return row.path;
  };
  const post = (input: Parameters<typeof notify>[1]) =>
    t()
      .database.db.transaction()
      .execute((trx) => notify(trx, input));
  const titles = async (username: string) =>
    ((await (await t().as(username)).get('/api/notifications?limit=100')).body.items as { title: string }[]).map(
      (n) => n.title,
    );

  it('delivers to named people, skipping the ones excepted', async () => {
    const n = await post({
      recipients: [person('dangyuan'), person('qunzhong')],
      kind: 'test.named',
      title: '点名通知',
      except: [person('qunzhong')],
    });
    expect(n).toBe(1);
    expect(await titles('dangyuan')).toContain('点名通知');
    expect(await titles('qunzhong')).not.toContain('点名通知');
  });

  it('delivers by permission to those whose role covers the unit, or to those inside it', async () => {
    const bk1 = await unitPath('JNSD-WX-BK1');
    await post({ recipients: { unitPath: bk1, permission: 'demand.claim' }, kind: 'test.covering', title: '覆盖通知' });
    expect(await titles('zhibu')).toContain('覆盖通知');
    expect(await titles('zongzhi')).toContain('覆盖通知');
    expect(await titles('zhibu2')).not.toContain('覆盖通知');
    expect(await titles('dangyuan')).not.toContain('覆盖通知');

    const wenxue = await unitPath('JNSD-WX');
    await post({
      recipients: { unitPath: wenxue, permission: 'demand.claim', reach: 'subtree' },
      kind: 'test.subtree',
      title: '下级通知',
    });
    expect(await titles('zhibu')).toContain('下级通知');
    expect(await titles('zhibu2')).not.toContain('下级通知');
    expect(await titles('zuzhibu')).not.toContain('下级通知');
  });

  it('lists mine with the unread count; reads one (404 for someone else’s) and all: 401 signed out', async () => {
    expect((await t().anonymous.get('/api/notifications')).status).toBe(401);
    expect((await t().anonymous.post('/api/notifications/read-all', {})).status).toBe(401);
    await post({
      recipients: [person('jiaogong')],
      kind: 'test.read',
      title: '第一条',
      body: '正文',
      link: '/demands/1',
    });
    await post({ recipients: [person('jiaogong')], kind: 'test.read', title: '第二条' });
    const jiaogong = await t().as('jiaogong');
    const list = (await jiaogong.get('/api/notifications')).body;
    expect(list.unread).toBeGreaterThanOrEqual(2);
    expect(list.items[0]).toMatchObject({ title: '第二条', readAt: null, createdAt: expect.any(String) });
    expect(Object.keys(list.items[0])).toEqual(
      expect.arrayContaining(['id', 'title', 'body', 'link', 'readAt', 'createdAt']),
    );
    const first = list.items.find((n: { title: string }) => n.title === '第一条');
    expect((await t().anonymous.post(`/api/notifications/${first.id}/read`, {})).status).toBe(401);
    expect((await (await t().as('dangyuan')).post(`/api/notifications/${first.id}/read`, {})).status).toBe(404);
    const read = await jiaogong.post(`/api/notifications/${first.id}/read`, {});
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await jiaogong.get('/api/notifications')).body.unread).toBe(list.unread - 1);
    const all = await jiaogong.post('/api/notifications/read-all', {});
    expect(all.body.count).toBe(list.unread - 1);
    expect((await jiaogong.get('/api/notifications?unreadOnly=true')).body).toEqual({ items: [], unread: 0 });
    expect((await jiaogong.post('/api/notifications/abc/read', {})).status).toBe(400);
  });
});
