import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { unitId } from './volunteering.factory';

describeOnEngines('volunteering registration', (t) => {
  const body = {
    skills: ['书法', '摄影'],
    availability: ['weekend', 'holiday'],
    serviceAreas: ['education', 'culture'],
    insured: true,
  };

  it('registers a volunteer with a public volunteer number: 401 signed out, 201, then 409 a second time', async () => {
    expect((await t().anonymous.post('/api/volunteer/registration', body)).status).toBe(401);
    const me = await t().as('jiaogong');
    const res = await me.post('/api/volunteer/registration', body);
    expect(res.status).toBe(201);
    expect(res.body.volunteerNo).toMatch(/^JNSD-V-\d{4}-\d{6}$/);
    expect(res.body).toMatchObject({
      skills: body.skills,
      availability: body.availability,
      serviceAreas: body.serviceAreas,
      insured: true,
    });
    const again = await me.post('/api/volunteer/registration', body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_REGISTERED');
    const mine = await me.get('/api/volunteer/me');
    expect(mine.body).toMatchObject({
      registration: { volunteerNo: res.body.volunteerNo },
      abilities: { register: false, update: true },
    });
  });

  it('names bad fields, and updates only one’s own registration: 401, 409 unregistered, 200', async () => {
    const bad = await (await t().as('jiaogong')).post('/api/volunteer/registration', {
      skills: [''],
      availability: ['never'],
      serviceAreas: ['meeting'],
      insured: 'yes',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['skills.0', 'availability.0', 'serviceAreas.0', 'insured']),
    );
    expect((await t().anonymous.put('/api/volunteer/registration', body)).status).toBe(401);
    expect((await (await t().as('zongzhi')).put('/api/volunteer/registration', body)).body.error.code).toBe(
      'NOT_REGISTERED',
    );
    const res = await (await t().as('jiaogong')).put('/api/volunteer/registration', { ...body, insured: false });
    expect(res.status).toBe(200);
    expect(res.body.insured).toBe(false);
  });

  it('lists registered volunteers in the manager’s scope only, never with ID numbers', async () => {
    const college = unitId(t(), 'JNSD-WX');
    const list = await (await t().as('zongzhi')).get(`/api/volunteer/volunteers?unitId=${college}`);
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(list.body)).not.toMatch(/\d{17}[\dX]/);
    expect((await (await t().as('zhibu2')).get(`/api/volunteer/volunteers?unitId=${college}`)).status).toBe(404);
    const own = await (await t().as('zhibu2')).get('/api/volunteer/volunteers');
    expect(own.body.items.every((v: { unitName: string }) => v.unitName.includes('数学'))).toBe(true);
  });
});
