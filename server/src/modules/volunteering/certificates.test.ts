import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { ensureRegistered, minutesFromNow, personIdOf, unitId } from './volunteering.factory';

const ARTIFACTS = join(import.meta.dirname, '../../../../artifacts');

describeOnEngines('volunteering certificates', (t) => {
  let branch: number;
  let dangyuan: number;
  let certificateId: number;
  let serial: string;
  const today = new Date().toISOString().slice(0, 10);
  const body = () => ({
    personId: dangyuan,
    unitId: branch,
    from: '2026-01-01',
    to: today > '2026-12-31' ? today : '2026-12-31',
  });

  beforeAll(async () => {
    branch = unitId(t(), 'JNSD-WX-BK1');
    dangyuan = await personIdOf(t(), 'dangyuan');
    await ensureRegistered(await t().as('dangyuan'));
    const zhibu = await t().as('zhibu');
    for (const [i, minutes] of [150, 95].entries()) {
      const res = await zhibu.post('/api/volunteer/ledger', {
        personId: dangyuan,
        unitId: branch,
        category: i === 0 ? 'elderly' : 'education',
        source: 'service_need',
        sourceId: 900 + i,
        serviceStart: minutesFromNow(-(i + 2) * 24 * 60),
        serviceEnd: minutesFromNow(-(i + 2) * 24 * 60 + minutes),
        minutes,
        description: i === 0 ? '文苑社区敬老院陪伴服务' : '随园小学课后义务辅导',
      });
      expect(res.status).toBe(201);
    }
  });

  it('issues a certificate: 401, 404 out of scope, 403 without the permission, 201 by the recording unit', async () => {
    expect((await t().anonymous.post('/api/volunteer/certificates', body())).status).toBe(401);
    expect((await (await t().as('zhibu2')).post('/api/volunteer/certificates', body())).status).toBe(404);
    expect((await (await t().as('dangyuan')).post('/api/volunteer/certificates', body())).status).toBe(403);
    const res = await (await t().as('zhibu')).post('/api/volunteer/certificates', body());
    expect(res.status).toBe(201);
    expect(res.body.serial).toMatch(/^JNSD-VC-\d{4}-[A-Z2-9]{10}$/);
    expect(res.body.totalMinutes).toBeGreaterThanOrEqual(245);
    certificateId = res.body.id;
    serial = res.body.serial;
    const none = await (await t().as('zhibu')).post('/api/volunteer/certificates', {
      ...body(),
      from: '2020-01-01',
      to: '2020-12-31',
    });
    expect(none.body.error.code).toBe('NO_HOURS');
    const bad = await (await t().as('zhibu')).post('/api/volunteer/certificates', {
      ...body(),
      from: '2026-05-01',
      to: '2026-04-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('to');
  });

  it('renders the four blocks of the national guidance in real Chinese text', async () => {
    const me = await t().as('dangyuan');
    const mine = await me.get('/api/volunteer/my/certificates');
    expect(mine.body.items.map((c: { serial: string }) => c.serial)).toContain(serial);
    const res = await me.get(`/api/volunteer/certificates/${certificateId}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.raw.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t().anonymous.get(`/api/volunteer/certificates/${certificateId}/pdf`)).status).toBe(401);
    expect((await (await t().as('zhibu2')).get(`/api/volunteer/certificates/${certificateId}/pdf`)).status).toBe(404);

    const dir = mkdtempSync(join(tmpdir(), 'cert-'));
    const file = join(dir, 'cert.pdf');
    writeFileSync(file, res.raw);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const volunteerNo = (await me.get('/api/volunteer/me')).body.registration.volunteerNo;
    for (const expected of [
      '志愿服务证明',
      '一、志愿者信息',
      volunteerNo,
      '二、服务记录',
      '服务期间',
      '累计服务时长',
      '文苑社区敬老院陪伴服务',
      '尊老助老',
      '三、出具组织',
      '负责人',
      '经办人',
      '四、证明编号与核验',
      serial,
      `/verify/${serial}`,
    ]) {
      expect(text).toContain(expected);
    }
    const idNumber = (
      await t()
        .database.db.selectFrom('person')
        .select('id_number')
        .where('id', '=', dangyuan)
        .executeTakeFirstOrThrow()
    ).id_number;
    if (idNumber) expect(text).not.toContain(idNumber);
    if (t().engine === 'pglite') {
      // Rendered once for a person to look at (artifacts/certificate-page1.png).
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        file,
        join(ARTIFACTS, 'certificate-page1'),
      ]);
      expect(readFileSync(join(ARTIFACTS, 'certificate-page1.png')).length).toBeGreaterThan(10_000);
    }
  });

  it('verifies a real serial publicly without sign-in, and refuses a forged one', async () => {
    const real = await t().anonymous.get(`/api/public/certificates/${serial}`);
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ valid: true, serial, activityCount: 2 });
    expect(real.body.volunteerName).toContain('*');
    expect(JSON.stringify(real.body)).not.toMatch(/\d{17}[\dX]/);
    const forged = await t().anonymous.get(
      `/api/public/certificates/${serial.slice(0, -1)}${serial.endsWith('A') ? 'B' : 'A'}`,
    );
    expect(forged.status).toBe(404);
    expect(forged.body.error.code).toBe('CERTIFICATE_NOT_FOUND');
  });

  it('keeps an issuance register and revokes: 401, 404 out of scope, 200, then the public check says revoked', async () => {
    const register = await (await t().as('zongzhi')).get('/api/volunteer/certificates');
    expect(register.body.items.find((c: { serial: string }) => c.serial === serial)).toMatchObject({
      handlerName: expect.any(String),
      abilities: { revoke: true },
    });
    expect(
      (await (await t().as('zhibu2')).get('/api/volunteer/certificates')).body.items.find(
        (c: { serial: string }) => c.serial === serial,
      ),
    ).toBeUndefined();
    const url = `/api/volunteer/certificates/${certificateId}/revoke`;
    expect((await t().anonymous.post(url, { reason: '记录有误' })).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(url, { reason: '记录有误' })).status).toBe(404);
    expect((await (await t().as('zhibu')).post(url, { reason: '记录有误' })).status).toBe(200);
    expect((await (await t().as('zhibu')).post(url, { reason: '记录有误' })).body.error.code).toBe('ALREADY_REVOKED');
    const check = await t().anonymous.get(`/api/public/certificates/${serial}`);
    expect(check.body).toMatchObject({ valid: false, revokeReason: '记录有误' });
  });
});
