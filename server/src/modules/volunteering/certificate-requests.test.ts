import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { readXlsx } from '../../test/read-xlsx';
import { demoPersonId } from '../people/people.factory';
import { ensureRegistered, minutesFromNow, unitId } from './volunteering.factory';

/** Issue 10 item 11: a member asks for a certificate; each recording unit issues its part, or the school one. */
describeOnEngines('certificate requests', (t) => {
  const grantUnit = (username: string) => {
    const { school } = t().demo;
    const key = school.accounts.find((a) => a.username === username)!.personKey;
    return t().demo.unitIds.get(school.grants.find((g) => g.personKey === key && g.role !== 'member')!.unitKey)!;
  };
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);

  async function creditBy(username: string, personId: number, minutes: number, daysAgo: number) {
    const start = minutesFromNow(-daysAgo * 24 * 60);
    const res = await (await t().as(username)).post('/api/volunteer/ledger', {
      personId,
      unitId: grantUnit(username),
      category: 'community',
      source: 'service_need',
      sourceId: 1,
      serviceStart: start,
      serviceEnd: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
      minutes,
      description: '社区服务',
    });
    expect(res.status).toBe(201);
  }

  it('shows the hours by recording unit, files a per-unit request, and each unit issues its own part', async () => {
    const dangyuan = await t().as('dangyuan');
    await ensureRegistered(dangyuan);
    const me = demoPersonId(t().demo, 'dangyuan');
    await creditBy('zhibu', me, 90, 2);
    await creditBy('zhibu2', me, 270, 3);

    const preview = await dangyuan.get(`/api/volunteer/my/certificate-requests/preview?from=${from}&to=${today}`);
    expect(preview.status).toBe(200);
    expect(preview.body.totalMinutes).toBe(360);
    expect(preview.body.parts.map((p: { minutes: number }) => p.minutes).sort()).toEqual([270, 90]);
    expect((await dangyuan.get(`/api/volunteer/my/certificate-requests/preview?from=${today}&to=${from}`)).status).toBe(
      400,
    );

    const body = { from, to: today, scope: 'per_unit', purpose: '评优' };
    expect((await t().anonymous.post('/api/volunteer/my/certificate-requests', body)).status).toBe(401);
    expect((await dangyuan.post('/api/volunteer/my/certificate-requests', { ...body, scope: 'x' })).status).toBe(400);
    const created = await dangyuan.post('/api/volunteer/my/certificate-requests', body);
    expect(created.status).toBe(201);
    expect(created.body.parts).toBe(2);

    // Each secretary sees only their unit's part.
    const zhibu = await t().as('zhibu');
    const mine = (await zhibu.get('/api/volunteer/certificate-requests?status=pending')).body.items;
    const part = mine.find((p: { requestId: number }) => p.requestId === created.body.id);
    expect(part).toMatchObject({ unitId: grantUnit('zhibu'), minutes: 90, status: 'pending' });
    const theirs = (await (await t().as('zhibu2')).get('/api/volunteer/certificate-requests')).body.items;
    expect(theirs.some((p: { id: number }) => p.id === part.id)).toBe(false);

    const issue = { partIds: [part.id] };
    expect((await t().anonymous.post('/api/volunteer/certificate-requests/issue-batch', issue)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post('/api/volunteer/certificate-requests/issue-batch', issue)).status).toBe(
      404,
    );
    const issued = await zhibu.post('/api/volunteer/certificate-requests/issue-batch', issue);
    expect(issued.status).toBe(200);
    expect(issued.body.issued).toBe(1);
    const after = (await dangyuan.get('/api/volunteer/my/certificate-requests')).body.items;
    const statuses = after.filter((p: { requestId: number }) => p.requestId === created.body.id);
    expect(statuses.map((p: { status: string }) => p.status).sort()).toEqual(['issued', 'pending']);
    expect(statuses.find((p: { status: string }) => p.status === 'issued').serial).toBe(issued.body.results[0].serial);

    // The export holds what the list shows.
    const list = (await zhibu.get('/api/volunteer/certificate-requests?status=issued')).body.items;
    const file = await zhibu.get('/api/volunteer/certificate-requests.xlsx?status=issued');
    expect((await readXlsx(file.raw)).rows.map((r) => r[8])).toEqual(list.map((p: { serial: string }) => p.serial));

    // The other part is declined, with a reason, in one go.
    const zhibu2 = await t().as('zhibu2');
    const other = (await zhibu2.get('/api/volunteer/certificate-requests?status=pending')).body.items.find(
      (p: { requestId: number }) => p.requestId === created.body.id,
    );
    expect(
      (await zhibu2.post('/api/volunteer/certificate-requests/decline-batch', { partIds: [other.id], reason: '' }))
        .status,
    ).toBe(400);
    expect(
      (await zhibu.post('/api/volunteer/certificate-requests/decline-batch', { partIds: [other.id], reason: '重复' }))
        .status,
    ).toBe(404);
    const declined = await zhibu2.post('/api/volunteer/certificate-requests/decline-batch', {
      partIds: [other.id],
      reason: '请先补签',
    });
    expect(declined.body.declined).toBe(1);
  });

  it('files a school-wide request on the root committee, over all counted hours', async () => {
    const dangyuan = await t().as('dangyuan');
    const created = await dangyuan.post('/api/volunteer/my/certificate-requests', { from, to: today, scope: 'school' });
    expect(created.status).toBe(201);
    const parts = (await dangyuan.get('/api/volunteer/my/certificate-requests')).body.items.filter(
      (p: { requestId: number }) => p.requestId === created.body.id,
    );
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ unitId: unitId(t(), 'jnsd'), minutes: 360 });
    const empty = await dangyuan.post('/api/volunteer/my/certificate-requests', {
      from: '2001-01-01',
      to: '2001-12-31',
      scope: 'school',
    });
    expect(empty.status).toBe(409);
  });
});
