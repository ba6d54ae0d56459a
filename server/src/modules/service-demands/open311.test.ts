import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeRequest, type FuzzRequest, operationsOf, requestsFor } from '../../core/fuzz-requests';
import { describeOnEngines } from '../../test/harness';
import { fixtures } from './demands.fixtures';
import { DEMO_OPEN311_KEY } from './demo.seed';

/** The GeoReport v2 field lists, as the spec names them. */
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const expectErrors = (body: unknown, code: number) => {
  expect(Array.isArray(body)).toBe(true);
  for (const e of body as { code: number; description: string }[]) {
    expect(Object.keys(e).sort()).toEqual(['code', 'description']);
    expect(e.code).toBe(code);
    expect(e.description).toMatch(/\S/);
  }
};

describeOnEngines('service demands · Open311 GeoReport v2', (t) => {
  const f = fixtures(t);
  const form = (fields: Record<string, string>, ip = f.publicClient().ip) =>
    t().anonymous.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: ip,
    });

  it('lists our categories as services with exactly the spec fields', async () => {
    const res = await t().anonymous.get('/open311/v2/services.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.length).toBeGreaterThan(5);
    for (const s of res.body) {
      expect(Object.keys(s).sort()).toEqual([...SERVICE_FIELDS].sort());
      expect(s).toMatchObject({ metadata: false, type: 'realtime' });
    }
    const def = await t().anonymous.get(`/open311/v2/services/${res.body[0].service_code}.json`);
    expect(def.body).toEqual({ service_code: res.body[0].service_code, attributes: [] });
    const missing = await t().anonymous.get('/open311/v2/services/nope.json');
    expect(missing.status).toBe(404);
    expectErrors(missing.body, 404);
    const discovery = await t().anonymous.get('/open311/discovery.json');
    expect(discovery.body.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['text/xml', 'application/json'],
    });
  });

  it('takes a form-encoded request without a key, and a JSON one with a key; both become society needs', async () => {
    const posted = await form({
      service_code: 'elder-phone',
      lat: '32.1',
      long: '118.9',
      address_string: '仙林街道学海社区活动室',
      first_name: '桂英',
      last_name: '张',
      phone: '025-85891234',
      description: '社区老人想学用手机',
      media_url: 'https://example.org/photo.jpg',
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    expect(posted.body).toHaveLength(1);
    expect(Object.keys(posted.body[0]).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    const id = Number(posted.body[0].service_request_id);
    const need = f.ok(await (await t().as('xiaodi')).get(`/api/demands/${id}`));
    expect(need).toMatchObject({
      audience: 'society',
      channel: 'open311',
      location: '仙林街道学海社区活动室',
      requester: { name: '张桂英' },
    });

    const keyed = await t().anonymous.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: {
        service_code: 'health',
        address_id: 'QX-0012',
        description: '义诊',
        api_key: DEMO_OPEN311_KEY,
        account_id: 'u-77',
      },
    });
    expect(keyed.status).toBe(200);
    expect(keyed.body[0].account_id).toBe('u-77');
  });

  it('answers errors as a list of { code, description }: bad key 403, unknown service 404, missing location 400', async () => {
    const badKey = await form({ service_code: 'health', address_id: 'x', api_key: 'wrong' });
    expect(badKey.status).toBe(403);
    expectErrors(badKey.body, 403);
    const unknown = await form({ service_code: 'no-such', address_id: 'x' });
    expect(unknown.status).toBe(404);
    expectErrors(unknown.body, 404);
    const noPlace = await form({ service_code: 'health' });
    expect(noPlace.status).toBe(400);
    expect(noPlace.body[0].description).toMatch(/lat/);
    const noCode = await form({ address_id: 'x' });
    expect(noCode.status).toBe(400);
    expectErrors(noCode.body, 400);
    expect(noCode.body[0].description).toMatch(/service_code/);
    const badLat = await form({ service_code: 'health', lat: '200', long: '1' });
    expect(badLat.status).toBe(400);
    const missing = await t().anonymous.get('/open311/v2/requests/99999999.json');
    expect(missing.status).toBe(404);
    expectErrors(missing.body, 404);
    const badDate = await t().anonymous.get('/open311/v2/requests.json?start_date=yesterday');
    expect(badDate.status).toBe(400);
    expectErrors(badDate.body, 400);
  });

  it('lists requests with the spec fields, open/closed status, and hides text not yet reviewed', async () => {
    const posted = await form({
      service_code: 'science',
      address_string: '学海社区',
      description: '私人电话 13999999999',
    });
    const id = posted.body[0].service_request_id as string;
    const one = await t().anonymous.get(`/open311/v2/requests/${id}.json`);
    expect(one.status).toBe(200);
    expect(one.body).toHaveLength(1);
    const r = one.body[0];
    expect(Object.keys(r).sort()).toEqual([...REQUEST_FIELDS].sort());
    expect(r).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'science',
      description: '',
      address: '',
    });
    expect(r.requested_datetime).toMatch(ISO);
    expect(r.updated_datetime).toMatch(ISO);
    expect(r.expected_datetime).toMatch(ISO);

    const xiaodi = await t().as('xiaodi');
    f.ok(
      await xiaodi.post(`/api/demands/${id}/triage`, {
        categoryId: await f.categoryId('science'),
        description: '科普讲解需求',
      }),
    );
    f.ok(await xiaodi.post(`/api/demands/${id}/publish`, { note: '已发布，等待认领' }));
    const published = (await t().anonymous.get(`/open311/v2/requests/${id}.json`)).body[0];
    expect(published).toMatchObject({
      description: '科普讲解需求',
      address: '学海社区',
      status_notes: '已发布，等待认领',
    });
    f.ok(await xiaodi.post(`/api/demands/${id}/withdraw`, { reason: '社区已自行安排' }));
    const closed = (await t().anonymous.get(`/open311/v2/requests.json?service_request_id=${id}`)).body;
    expect(closed[0]).toMatchObject({ status: 'closed', status_notes: '社区已自行安排' });

    const all = await t().anonymous.get('/open311/v2/requests.json');
    expect(all.status).toBe(200);
    expect(all.body.length).toBeGreaterThan(0);
    expect(all.body.length).toBeLessThanOrEqual(1000);
    for (const x of all.body) expect(Object.keys(x).sort()).toEqual([...REQUEST_FIELDS].sort());
    const onlyOpen = (await t().anonymous.get('/open311/v2/requests.json?status=open')).body as { status: string }[];
    expect(onlyOpen.every((x) => x.status === 'open')).toBe(true);
    const byCode = (await t().anonymous.get('/open311/v2/requests.json?service_code=science')).body as {
      service_code: string;
    }[];
    expect(byCode.every((x) => x.service_code === 'science')).toBe(true);
    const window = await t().anonymous.get(
      '/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00%2B08:00',
    );
    expect(window.body).toEqual([]);
  });

  it('manages API keys for the organization department only: 401, 403, 201 (key shown once), revoked key refused', async () => {
    expect((await t().anonymous.post('/api/open311-clients', { name: '测试平台' })).status).toBe(401);
    expect((await (await t().as('zhibu')).post('/api/open311-clients', { name: '测试平台' })).status).toBe(403);
    const created = f.ok(await (await t().as('zuzhibu')).post('/api/open311-clients', { name: '测试平台' }), 201);
    expect(created.apiKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const list = f.ok(await (await t().as('zuzhibu')).get('/api/open311-clients'));
    expect(JSON.stringify(list)).not.toContain(created.apiKey);
    expect((await form({ service_code: 'health', address_id: 'x', api_key: created.apiKey })).status).toBe(200);
    expect((await (await t().as('zhibu')).post(`/api/open311-clients/${created.id}/revoke`, {})).status).toBe(403);
    expect((await (await t().as('zuzhibu')).post('/api/open311-clients/999999/revoke', {})).status).toBe(404);
    f.ok(await (await t().as('zuzhibu')).post(`/api/open311-clients/${created.id}/revoke`, {}));
    expect((await form({ service_code: 'health', address_id: 'x', api_key: created.apiKey })).status).toBe(403);
  });

  it('answers generated bad requests on every /open311 operation with the error list, never a 5xx', async () => {
    // The app-wide fuzz (core/no-500.test.ts) checks "no 5xx"; here also that every refusal is the spec's list.
    const ops = operationsOf((await t().anonymous.get('/api/openapi.json')).body).filter((op) =>
      op.path.startsWith('/open311/'),
    );
    expect(ops.length).toBe(14);
    const failures: string[] = [];
    for (const [index, op] of ops.entries()) {
      const property = fc.asyncProperty(requestsFor(op, false), async (req: FuzzRequest) => {
        const res = await t().anonymous.inject(req);
        const type = String(res.headers['content-type']);
        const isList = type.startsWith('text/xml') ? String(res.body).includes('<errors>') : Array.isArray(res.body);
        if (res.status >= 500 || (res.status >= 400 && !isList)) {
          throw new Error(`${describeRequest(req)} → ${res.status} ${type} ${String(res.raw).slice(0, 200)}`);
        }
      });
      const result = await fc.check(property, { numRuns: 40, seed: 311 + index, endOnFailure: true });
      if (result.failed) failures.push(`${op.method} ${op.path}: ${String(result.errorInstance)}`);
    }
    expect(failures).toEqual([]);
  });
});
