import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { fixtures } from './demands.fixtures';
import { DEMO_OPEN311_KEY } from './demo.seed';
import { conformanceClient, FORMATS, type Format, V2 } from './open311.conformance.client';
import {
  DISCOVERY,
  ENDPOINT,
  expectErrorList,
  expectSpec,
  POSTED,
  parseXml,
  REQUEST,
  SERVICE,
  SERVICE_DEFINITION,
} from './open311.spec-fields';

/**
 * Our own GeoReport v2 + Service Discovery conformance suite: each rule of the two specs, in both formats, against
 * the running app. Field types and the XML names live in open311.spec-fields.ts; docs/open311.md lists the rules.
 */
describeOnEngines('Open311 conformance · GeoReport v2 and Service Discovery', (t) => {
  const f = fixtures(t);
  const { get, post, postMultipart, posted, one, twins } = conformanceClient(t);

  it('Service Discovery: discovery.xml and discovery.json, every field, an endpoint that serves both formats', async () => {
    const doc = await twins('/open311/discovery', 'discovery');
    expectSpec(doc, DISCOVERY, 'discovery');
    expect(Date.parse(doc.changeset)).toBeLessThanOrEqual(Date.now());
    for (const endpoint of doc.endpoints) {
      expectSpec(endpoint, ENDPOINT, 'endpoint');
      expect(endpoint.specification).toBe('http://wiki.open311.org/GeoReport_v2');
      expect(endpoint.formats).toEqual(['text/xml', 'application/json']);
      expect(Date.parse(endpoint.changeset)).toBeLessThanOrEqual(Date.now());
      const base = new URL(endpoint.url).pathname;
      expect(base).toBe(V2);
      for (const format of FORMATS) expect((await get(`${base}/services.${format}`)).status).toBe(200);
    }
  });

  it('Service Discovery: the changeset moves when a service is added, and the new service is listed', async () => {
    const before = (await get('/open311/discovery.json')).body.changeset as string;
    await new Promise((r) => setTimeout(r, 5));
    const zuzhibu = await t().as('zuzhibu');
    f.ok(
      await zuzhibu.post('/api/demand-categories', {
        name: '社区 & 校园 <联动> "共建"',
        group: "师生's 志愿",
        code: 'community-link',
        description: '第一行\r\n第二行 <b>&amp;</b>',
        requiredSkills: ['沟通', '组织'],
        triageMinutes: 60,
        claimMinutes: 60,
        completeMinutes: 600,
      }),
      201,
    );
    const after = (await get('/open311/discovery.json')).body.changeset as string;
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
    const services = await twins(`${V2}/services`, 'services');
    expect(services.find((s: { service_code: string }) => s.service_code === 'community-link')).toEqual({
      service_code: 'community-link',
      service_name: '社区 & 校园 <联动> "共建"',
      description: '第一行\r\n第二行 <b>&amp;</b>',
      metadata: false,
      type: 'realtime',
      keywords: '沟通,组织',
      group: "师生's 志愿",
    });
  });

  it('GET services: every service with the spec fields in order; each definition in both formats', async () => {
    const services = await twins(`${V2}/services`, 'services');
    expect(services.length).toBeGreaterThan(5);
    for (const s of services) expectSpec(s, SERVICE, `service ${s.service_code}`);
    expect(new Set(services.map((s: { service_code: string }) => s.service_code)).size).toBe(services.length);
    for (const s of services.slice(0, 3)) {
      const def = await twins(`${V2}/services/${s.service_code}`, 'service_definition');
      expectSpec(def, SERVICE_DEFINITION, 'service_definition');
      // metadata false ⇔ no attributes to ask for.
      expect(def).toEqual({ service_code: s.service_code, attributes: [] });
    }
    // jurisdiction_id is accepted (one jurisdiction per server) and empty arguments are ignored.
    expect((await get(`${V2}/services.xml?jurisdiction_id=jnsd&jurisdiction_id2=`)).status).toBe(200);
  });

  it('GET services/{code}: unknown and impossible codes are 404 in the error format of the suffix', async () => {
    for (const format of FORMATS) {
      for (const code of ['no-such-service', 'UPPER', 'x'.repeat(300), '%E4%B8%AD']) {
        const res = await get(`${V2}/services/${code}.${format}`);
        expect(res.status, code).toBe(404);
        expect(String(res.headers['content-type'])).toContain(format === 'xml' ? 'text/xml' : 'application/json');
        expectErrorList(res);
      }
    }
  });

  it('POST requests: form-encoded or JSON, answered in either format with the spec fields; the new request is GET-able', async () => {
    for (const format of FORMATS) {
      const res = await post(format, {
        service_code: 'elder-phone',
        lat: '32.1',
        long: '118.9',
        address_string: '仙林街道学海社区 & 活动室',
        account_id: 'acct-7',
        media_url: 'https://example.org/p.jpg?a=1&b=2',
      });
      expect(res.status, String(res.body)).toBe(200);
      const doc =
        format === 'json'
          ? res.body
          : ((parseXml(res.body).service_requests as { request: Record<string, string>[] }).request.map((r) => ({
              ...r,
              account_id: r.account_id || null,
            })) as Record<string, unknown>[]);
      expect(doc).toHaveLength(1);
      expectSpec(doc[0], POSTED, `POST requests.${format}`);
      expect(doc[0]?.account_id).toBe('acct-7');
      const r = await one(doc[0]?.service_request_id as string);
      expect(r).toMatchObject({ service_code: 'elder-phone', status: 'open', lat: 32.1, long: 118.9 });
      expect(r.media_url).toBe('https://example.org/p.jpg?a=1&b=2');
    }
    const asJson = await t().anonymous.inject({
      method: 'POST',
      url: `${V2}/requests.xml`,
      payload: { service_code: 'health', address_id: 'QX-1', api_key: DEMO_OPEN311_KEY, lat: null, email: '' },
    });
    expect(asJson.status, asJson.body).toBe(200);
    const id = (parseXml(asJson.body).service_requests as { request: { service_request_id: string }[] }).request[0]
      ?.service_request_id as string;
    expect((await one(id)).address_id).toBe('QX-1');
    // multipart/form-data as some clients send it: the fields count, a file does not (media is a media_url).
    const multipart = await postMultipart('json', { service_code: 'health', address_id: 'QX-2', email: '' });
    expect(multipart.status, JSON.stringify(multipart.body)).toBe(200);
    expect((await one(multipart.body[0].service_request_id)).address_id).toBe('QX-2');
    const withFile = await postMultipart('xml', { service_code: 'health', address_id: 'QX-3' }, 'JPEG…');
    expect(withFile.status).toBe(400);
    expect(expectErrorList(withFile)[0]?.description).toMatch(/media_url/);
    const nul = await postMultipart('json', { service_code: 'health', address_id: 'Q\u0000' });
    expect(nul.status).toBe(400);
    expect(expectErrorList(nul)[0]?.description).toMatch(/address_id/);
  });

  it('POST requests: required arguments — service_code (404 when unknown) and a location (lat+long, address_string or address_id)', async () => {
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ address_id: 'x' }, 400, /service_code/],
      [{ service_code: '', address_id: 'x' }, 400, /service_code/],
      [{ service_code: '   ', address_id: 'x' }, 400, /service_code/],
      [{ service_code: 'no-such', address_id: 'x' }, 404, /service_code/],
      [{ service_code: 'x'.repeat(100), address_id: 'x' }, 404, /service_code/],
      [{ service_code: 'health' }, 400, /lat/],
      [{ service_code: 'health', lat: '', long: '' }, 400, /lat/],
      [{ service_code: 'health', lat: '32.1' }, 400, /long/],
      [{ service_code: 'health', long: '118.9' }, 400, /lat/],
      [{ service_code: 'health', lat: 'north', long: '118.9' }, 400, /lat/],
      [{ service_code: 'health', lat: '91', long: '118.9' }, 400, /lat/],
      [{ service_code: 'health', lat: '32', long: '-181' }, 400, /long/],
      [{ service_code: 'health', address_id: 'x', email: 'not-an-email' }, 400, /email/],
      [{ service_code: 'health', address_id: 'x', media_url: 'ftp://x' }, 400, /media_url/],
      [{ service_code: 'health', address_id: 'x', description: 'x'.repeat(4001) }, 400, /description/],
      [{ service_code: 'health', address_id: 'x', api_key: 'wrong' }, 403, /api_key/],
      [{ service_code: 'he\u0000alth', address_id: 'x' }, 400, /service_code/],
    ];
    for (const format of FORMATS) {
      for (const [fields, status, names] of cases) {
        const res = await post(format, fields, { anonymous: 'api_key' in fields });
        expect(res.status, `${format} ${JSON.stringify(fields)} → ${String(res.raw)}`).toBe(status);
        const errors = expectErrorList(res);
        expect(errors.map((e) => e.description).join(' '), JSON.stringify(fields)).toMatch(names);
      }
    }
  });

  it('POST requests: empty arguments are missing ones — lat=&long= is no location, email= and media_url= are none', async () => {
    const id = await posted({
      service_code: 'health',
      lat: '',
      long: '',
      address_string: '学海社区',
      email: '',
      media_url: '',
      phone: '',
      zipcode: '',
      account_id: '',
    });
    const r = await one(id);
    expect(r).toMatchObject({ lat: null, long: null, media_url: null, zipcode: null });
    const xml = parseXml((await get(`${V2}/requests/${id}.xml`)).body).service_requests as {
      request: Record<string, string>[];
    };
    expect(xml.request[0]).toMatchObject({ lat: '', long: '', media_url: '' });
    const stored = await t()
      .database.db.selectFrom('demand')
      .select(['lat', 'long', 'location', 'requester_email', 'requester_phone', 'media_url', 'zipcode'])
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      lat: null,
      long: null,
      location: '学海社区',
      requester_email: null,
      requester_phone: null,
      media_url: null,
      zipcode: null,
    });
    const posting = await post('json', { service_code: 'health', address_id: 'x', account_id: '' });
    expect(posting.body[0].account_id).toBeNull();
  });

  it('POST requests: without a key, 10 per address per hour, then 429 in the error format', async () => {
    const ip = '10.31.250.9';
    for (let i = 0; i < 10; i += 1) {
      expect(
        (await post('json', { service_code: 'health', address_id: `a${i}` }, { anonymous: true, ip })).status,
      ).toBe(200);
    }
    const res = await post('xml', { service_code: 'health', address_id: 'a11' }, { anonymous: true, ip });
    expect(res.status).toBe(429);
    expectErrorList(res);
  });

  it('GET requests: every request with the 17 spec fields in order, the same in XML; a new one is never updated before it was requested', async () => {
    const id = await posted({ service_code: 'science', address_string: '学海社区', description: '带 <尖括号> & 符号' });
    const list = await twins(`${V2}/requests`, 'requests');
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThanOrEqual(1000);
    for (const r of list) expectSpec(r, REQUEST, `request ${r.service_request_id}`);
    const times = list.map((r: { requested_datetime: string }) => Date.parse(r.requested_datetime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const [r] = await twins(`${V2}/requests/${id}`, 'requests');
    expectSpec(r, REQUEST, 'new request');
    expect(r.status).toBe('open');
    expect(Date.parse(r.updated_datetime)).toBeGreaterThanOrEqual(Date.parse(r.requested_datetime));
    expect(Date.parse(r.expected_datetime)).toBeGreaterThan(Date.parse(r.requested_datetime));
  });

  it('GET requests: service_request_id (comma-delimited) overrides the other arguments; ids that cannot exist match nothing', async () => {
    const a = await posted({ service_code: 'health', address_id: 'A' });
    const b = await posted({ service_code: 'science', address_id: 'B' });
    const both = (await get(`${V2}/requests.json?service_request_id=${a},${b}&service_code=nope&status=closed`)).body;
    expect(both.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([a, b].sort());
    const mixed = await get(`${V2}/requests.json?service_request_id=${a},abc,99999999999,-1`);
    expect(mixed.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([a]);
    for (const format of FORMATS) {
      const none = await get(`${V2}/requests.${format}?service_request_id=abc,0`);
      expect(none.status).toBe(200);
      if (format === 'json') expect(none.body).toEqual([]);
      else expect(parseXml(none.body)).toEqual({ service_requests: '' });
    }
  });

  it('GET requests: empty service_request_id=, start_date=, end_date=, status=, service_code= are missing ones', async () => {
    const all = (await get(`${V2}/requests.json`)).body;
    const empty = await get(`${V2}/requests.json?service_request_id=&start_date=&end_date=&status=&service_code=`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual(all);
  });

  it('GET requests: service_code and status filter (comma-delimited or repeated); a bad status is 400', async () => {
    await posted({ service_code: 'health', address_id: 'C' });
    const codes = (await get(`${V2}/requests.json?service_code=health,science`)).body as { service_code: string }[];
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((r) => ['health', 'science'].includes(r.service_code))).toBe(true);
    const open = (await get(`${V2}/requests.json?status=open`)).body as { status: string }[];
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r) => r.status === 'open')).toBe(true);
    const closed = (await get(`${V2}/requests.json?status=closed`)).body as { status: string }[];
    expect(closed.every((r) => r.status === 'closed')).toBe(true);
    const repeated = (await get(`${V2}/requests.json?status=open&status=closed`)).body;
    expect(repeated.length).toBe(open.length + closed.length);
    expect((await get(`${V2}/requests.json?service_code=no-such`)).body).toEqual([]);
    for (const format of FORMATS) {
      const bad = await get(`${V2}/requests.${format}?status=pending`);
      expect(bad.status).toBe(400);
      expect(expectErrorList(bad)[0]?.description).toMatch(/status/);
    }
  });

  it('GET requests: start_date/end_date are W3C date-times (seconds optional, zone required) bounding requested_datetime', async () => {
    const id = await posted({ service_code: 'health', address_id: 'D' });
    const at = Date.parse((await one(id)).requested_datetime);
    const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16);
    const valid = [
      [`${minute(at - 60_000)}Z`, `${minute(at + 120_000)}Z`],
      [`${minute(at - 60_000)}:00Z`, `${minute(at + 120_000)}:59.999Z`],
      [
        `${new Date(at - 60_000 + 8 * 3600_000).toISOString().slice(0, 16)}+08:00`,
        `${new Date(at + 120_000 - 5 * 3600_000).toISOString().slice(0, 16)}-05:00`,
      ],
    ];
    for (const [start, end] of valid) {
      const res = await get(
        `${V2}/requests.json?start_date=${encodeURIComponent(start)}&end_date=${encodeURIComponent(end)}`,
      );
      expect(res.status, `${start} ${end} ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
      for (const r of res.body) {
        const when = Date.parse(r.requested_datetime);
        expect(when >= Date.parse(start) && when <= Date.parse(end)).toBe(true);
      }
    }
    const before = await get(`${V2}/requests.json?end_date=2020-01-01T00:00Z`);
    expect(before.body).toEqual([]);
    for (const bad of [
      'yesterday',
      '2026-11-20',
      '2026-11-20T00:00',
      '2026-02-30T00:00Z',
      '2026-11-20T24:00Z',
      '2026-11-20T00:00+0800',
    ]) {
      for (const format of FORMATS) {
        const res = await get(`${V2}/requests.${format}?start_date=${encodeURIComponent(bad)}`);
        expect(res.status, bad).toBe(400);
        expect(expectErrorList(res)[0]?.description).toMatch(/start_date/);
      }
    }
  });

  it('GET requests/{id}: unknown and impossible ids are 404 in the format of the suffix', async () => {
    for (const format of FORMATS) {
      for (const id of ['99999999', '0', 'abc', '12345678901234567890', '1.5', '-3']) {
        const res = await get(`${V2}/requests/${id}.${format}`);
        expect(res.status, `${id}.${format}`).toBe(404);
        expect(String(res.headers['content-type'])).toContain(format === 'xml' ? 'text/xml' : 'application/json');
        expectErrorList(res);
      }
    }
  });

  it('GET tokens/{id}: no token is ever issued (requests get their id at once), so every token is a 404 error list', async () => {
    for (const format of FORMATS) {
      const res = await get(`${V2}/tokens/12345.${format}`);
      expect(res.status).toBe(404);
      expect(expectErrorList(res)[0]?.description).toMatch(/token/);
    }
  });

  it('one error format under /open311: unknown paths, methods and media types, bad bodies — status and list agree', async () => {
    const cases: [string, string, number, Format][] = [
      ['GET', '/open311/v2/nothing.json', 404, 'json'],
      ['GET', '/open311/v2/nothing.xml', 404, 'xml'],
      ['GET', '/open311/v2/services', 404, 'xml'],
      ['GET', '/open311/v2/services.csv', 404, 'xml'],
      ['GET', '/open311/v3/services.json', 404, 'json'],
      ['GET', '/open311', 404, 'xml'],
      ['GET', '/open311/discovery', 404, 'xml'],
      ['DELETE', '/open311/v2/requests.json', 404, 'json'],
      ['PUT', '/open311/v2/requests/1.xml', 404, 'xml'],
    ];
    for (const [method, url, status, format] of cases) {
      const res = await t().anonymous.inject({ method: method as 'GET', url });
      expect(res.status, `${method} ${url}`).toBe(status);
      expect(String(res.headers['content-type']), url).toContain(format === 'xml' ? 'text/xml' : 'application/json');
      expectErrorList(res);
    }
    const unknownJson = await t().anonymous.inject({
      method: 'GET',
      url: '/open311/v2/x',
      headers: { accept: 'application/json' },
    });
    expect(String(unknownJson.headers['content-type'])).toContain('application/json');
    const wrongType = await t().anonymous.inject({
      method: 'POST',
      url: `${V2}/requests.xml`,
      payload: 'service_code=health',
      headers: { 'content-type': 'text/csv' },
    });
    expect(wrongType.status).toBe(415);
    expectErrorList(wrongType);
    const badJson = await t().anonymous.inject({
      method: 'POST',
      url: `${V2}/requests.json`,
      payload: '{"service_code": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.status).toBe(400);
    expectErrorList(badJson);
    for (const format of FORMATS) {
      const malformed = await get(`${V2}/services/%E4%B8.${format}`);
      expect(malformed.status).toBe(400);
      expectErrorList(malformed);
    }
    for (const url of [`${V2}/services/%00.xml`, `${V2}/requests.json?service_code=%00`, `${V2}/requests/%00.json`]) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expectErrorList(res);
    }
  });

  it('the OpenAPI document lists every GeoReport resource in both formats', async () => {
    const paths = Object.keys((await get('/api/openapi.json')).body.paths);
    const resources = ['/open311/discovery', `${V2}/services`, `${V2}/services/{service_code}`, `${V2}/requests`];
    resources.push(`${V2}/requests/{service_request_id}`, `${V2}/tokens/{token}`);
    for (const format of FORMATS) for (const r of resources) expect(paths).toContain(`${r}.${format}`);
  });
});
