import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { ensureRegistered, minutesFromNow, personIdOf, unitId } from './volunteering.factory';

/**
 * Issue 16: certificates and totals count only the hours that count; pending hours are left out (and said so);
 * certificates issued over entries later reversed or made pending are listed for the issuing unit, which revokes
 * and reissues them; the public page tells the truth.
 */
describeOnEngines('volunteering certificates over reviewed hours', (t) => {
  let branch: number;
  let jiaogong: number;
  let clean: number;
  let late: number;
  const year = new Date(minutesFromNow(-5 * 24 * 60)).getFullYear();
  const period = { from: `${year - 1}-01-01`, to: `${year}-12-31` };
  const credit = (daysAgo: number, minutes: number, description: string) => ({
    personId: jiaogong,
    unitId: branch,
    category: 'community',
    source: 'service_need',
    sourceId: 800 + daysAgo,
    serviceStart: minutesFromNow(-daysAgo * 24 * 60),
    serviceEnd: minutesFromNow(-daysAgo * 24 * 60 + minutes),
    minutes,
    description,
  });

  beforeAll(async () => {
    branch = unitId(t(), 'JNSD-WX-BK1');
    jiaogong = await personIdOf(t(), 'jiaogong');
    await ensureRegistered(await t().as('jiaogong'));
    const zhibu = await t().as('zhibu');
    clean = (await zhibu.post('/api/volunteer/ledger', credit(5, 90, '社区图书角整理'))).body.id;
    late = (await zhibu.post('/api/volunteer/ledger', credit(50, 120, '社区助老上门服务（补录）'))).body.id;
  });

  it('leaves pending hours out of the certificate, the totals and the preview, and says why', async () => {
    const zhibu = await t().as('zhibu');
    const q = new URLSearchParams({ personId: String(jiaogong), unitId: String(branch), ...period });
    expect((await t().anonymous.get(`/api/volunteer/certificates/preview?${q}`)).status).toBe(401);
    expect((await (await t().as('zhibu2')).get(`/api/volunteer/certificates/preview?${q}`)).status).toBe(404);
    const preview = await zhibu.get(`/api/volunteer/certificates/preview?${q}`);
    expect(preview.status).toBe(200);
    expect(preview.body.lines.map((l: { entryId: number }) => l.entryId)).toEqual([clean]);
    expect(preview.body.pending).toEqual([
      expect.objectContaining({
        entryId: late,
        minutes: 120,
        flags: [expect.objectContaining({ code: 'LATE_ENTRY' })],
      }),
    ]);

    const issued = await zhibu.post('/api/volunteer/certificates', { personId: jiaogong, unitId: branch, ...period });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      totalMinutes: 90,
      activityCount: 1,
      pendingLeftOut: { count: 1, minutes: 120 },
    });
    const register = (await zhibu.get('/api/volunteer/certificates')).body.items;
    expect(register.find((c: { id: number }) => c.id === issued.body.id)).toMatchObject({
      pendingMinutes: 120,
      pendingCount: 1,
    });

    const totals = (await zhibu.get(`/api/volunteer/ledger/totals?year=${year}&unitId=${branch}`)).body.items;
    expect(totals.find((r: { personId: number }) => r.personId === jiaogong)).toMatchObject({
      minutes: 90,
      pendingMinutes: 120,
    });
    const mine = (await (await t().as('jiaogong')).get('/api/volunteer/my/hours')).body;
    expect(mine.totals.find((r: { year: number }) => r.year === year)).toMatchObject({ pendingMinutes: 120 });
    expect(mine.items.find((e: { id: number }) => e.id === late)).toMatchObject({ reviewState: 'pending' });
  });

  it('lists certificates over entries since reversed, revokes and reissues them; the old serial says so publicly', async () => {
    const zhibu = await t().as('zhibu');
    const accepted = await (await t().as('zongzhi')).post(`/api/volunteer/hours-review/${late}/accept`, {
      reason: '社区出具了服务证明',
    });
    expect(accepted.status).toBe(200);
    const first = await zhibu.post('/api/volunteer/certificates', { personId: jiaogong, unitId: branch, ...period });
    expect(first.body).toMatchObject({ totalMinutes: 210, pendingLeftOut: { count: 0, minutes: 0 } });
    expect((await t().anonymous.get(`/api/public/certificates/${first.body.serial}`)).body).toMatchObject({
      valid: true,
      hoursUnderReview: false,
    });

    // The clean entry turns out wrong and is reversed: the certificate over it is now stale.
    expect((await zhibu.post(`/api/volunteer/ledger/${clean}/reverse`, { reason: '重复录入' })).status).toBe(200);
    expect((await t().anonymous.get(`/api/public/certificates/${first.body.serial}`)).body).toMatchObject({
      valid: true,
      hoursUnderReview: true,
    });
    expect((await t().anonymous.get('/api/volunteer/certificates/affected')).status).toBe(401);
    expect((await (await t().as('zhibu2')).get('/api/volunteer/certificates/affected')).body.items).toEqual([]);
    const affected = (await zhibu.get('/api/volunteer/certificates/affected')).body.items;
    const stale = affected.find((c: { id: number }) => c.id === first.body.id);
    expect(stale).toMatchObject({
      abilities: { revoke: true, reissue: true },
      staleEntries: [expect.objectContaining({ id: clean, state: 'reversed' })],
    });

    const url = `/api/volunteer/certificates/${first.body.id}/reissue`;
    expect((await t().anonymous.post(url, { reason: '时长更正' })).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url, { reason: '时长更正' })).status).toBe(404);
    expect((await (await t().as('jiaogong')).post(url, { reason: '时长更正' })).status).toBe(403);
    const reissued = await zhibu.post(url, { reason: '所含时长已冲销，重新出具' });
    expect(reissued.status).toBe(200);
    expect(reissued.body).toMatchObject({ revokedId: first.body.id, totalMinutes: 120, activityCount: 1 });
    expect((await zhibu.post(url, { reason: '再次' })).body.error.code).toBe('ALREADY_REVOKED');

    const old = (await t().anonymous.get(`/api/public/certificates/${first.body.serial}`)).body;
    expect(old).toMatchObject({
      valid: false,
      replacedBy: reissued.body.serial,
      revokeReason: '所含时长已冲销，重新出具',
    });
    expect((await t().anonymous.get(`/api/public/certificates/${reissued.body.serial}`)).body).toMatchObject({
      valid: true,
      totalMinutes: 120,
      hoursUnderReview: false,
    });
    const after = (await zhibu.get('/api/volunteer/certificates/affected')).body.items;
    expect(after.find((c: { id: number }) => c.id === first.body.id)).toBeUndefined();
  });
});
