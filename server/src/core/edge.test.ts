import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { PUBLIC_LIMIT } from '../modules/service-demands/intake.service';
import { ensureRegistered, minutesFromNow, personIdOf, unitId } from '../modules/volunteering/volunteering.factory';
import { describeOnEngines } from '../test/harness';
import { useFastHashes } from './auth/fast-hash.fixture';
import type { App } from './module';

/**
 * Trust at the edge (issue 17.1, 15.8, 9.3): X-Forwarded-* believed only from TRUSTED_PROXIES — for per-address
 * limits, sign-in throttling and the host in printed links — and the security headers on every response.
 */
const PROXY = '10.0.0.5';
const need = {
  title: '社区老人手机教学',
  description: '想学用手机挂号',
  location: '仙林街道文苑社区',
  name: '王阿姨',
  phone: '13912345678',
};

const send = (app: App, opts: InjectOptions) => app.inject(opts);
const publicNeed = (app: App, remoteAddress: string, forwardedFor: string) =>
  send(app, {
    method: 'POST',
    url: '/api/public/demands',
    payload: need,
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
  });

describeOnEngines('trust at the edge', (t) => {
  let behindProxy: App;
  let https: App;
  beforeAll(async () => {
    await useFastHashes(t().database.db, 'Demo@2026');
    const env = { ...process.env, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv;
    behindProxy = await buildApp(t().database, loadConfig({ ...env, TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' }));
    https = await buildApp(t().database, loadConfig({ ...env, PUBLIC_URL: 'https://pioneer.example.edu.cn/' }));
  });
  afterAll(async () => {
    await behindProxy?.close();
    await https?.close();
  });

  it('refuses bad TRUSTED_PROXIES and PUBLIC_URL values at start, naming the setting', () => {
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.example' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => loadConfig({ PUBLIC_URL: 'pioneer.example' })).toThrow(/PUBLIC_URL/);
    expect(loadConfig({ TRUSTED_PROXIES: ' 127.0.0.1 ,::1,fd00::/8' }).TRUSTED_PROXIES).toEqual([
      '127.0.0.1',
      '::1',
      'fd00::/8',
    ]);
    expect(loadConfig({}).TRUSTED_PROXIES).toEqual([]);
  });

  it('a spoofed X-Forwarded-For from an untrusted client changes nothing: the limit follows the socket', async () => {
    for (let i = 0; i < PUBLIC_LIMIT.hits; i++) {
      expect((await publicNeed(t().app, '192.0.2.10', `203.0.113.${i}`)).statusCode).toBe(201);
    }
    const next = await publicNeed(t().app, '192.0.2.10', '203.0.113.200');
    expect([next.statusCode, next.json().error.code]).toEqual([429, 'RATE_LIMITED']);
    // The same with a proxy configured, when the client is not that proxy.
    for (let i = 0; i < PUBLIC_LIMIT.hits; i++) await publicNeed(behindProxy, '192.0.2.11', `203.0.113.${i}`);
    expect((await publicNeed(behindProxy, '192.0.2.11', '203.0.113.201')).statusCode).toBe(429);
  });

  it("a trusted proxy's X-Forwarded-For is honoured: each client behind it has its own limit", async () => {
    for (let i = 0; i < PUBLIC_LIMIT.hits; i++) {
      expect((await publicNeed(behindProxy, PROXY, '198.51.100.1')).statusCode).toBe(201);
    }
    expect((await publicNeed(behindProxy, PROXY, '198.51.100.1')).statusCode).toBe(429);
    // A client-supplied entry before the proxy's own is not believed: the proxy appends the real peer last.
    expect((await publicNeed(behindProxy, PROXY, '6.6.6.6, 198.51.100.1')).statusCode).toBe(429);
    expect((await publicNeed(behindProxy, PROXY, '198.51.100.2')).statusCode).toBe(201);
  });

  it('sign-in throttling sees the real address behind a proxy, and only the socket otherwise', async () => {
    let username = 'keji';
    const login = (app: App, remoteAddress: string, forwardedFor: string) =>
      send(app, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'Wrong@2026' },
        remoteAddress,
        headers: { 'x-forwarded-for': forwardedFor },
      });
    const statuses = async (app: App, remote: string, forwarded: (i: number) => string) => {
      const out: number[] = [];
      for (let i = 0; i < 7; i++) out.push((await login(app, remote, forwarded(i))).statusCode);
      return out;
    };
    // Untrusted: changing the header each time does not escape the per-(address, username) allowance.
    expect(await statuses(t().app, '192.0.2.20', (i) => `203.0.113.${i}`)).toEqual([401, 401, 401, 401, 401, 401, 429]);
    // Behind the proxy: the client's address is the forwarded one (another account, so its own count is fresh).
    username = 'dangxiao';
    expect(await statuses(behindProxy, PROXY, () => '198.51.100.30')).toEqual([401, 401, 401, 401, 401, 401, 429]);
    expect((await login(behindProxy, PROXY, '198.51.100.31')).statusCode).toBe(401);
  });

  it('prints the certificate verify address from the request host, believing X-Forwarded-Host only from a proxy', async () => {
    const branch = unitId(t(), 'JNSD-WX-BK1');
    const person = await personIdOf(t(), 'dangyuan');
    await ensureRegistered(await t().as('dangyuan'));
    const zhibu = await t().as('zhibu');
    const entry = await zhibu.post('/api/volunteer/ledger', {
      personId: person,
      unitId: branch,
      category: 'elderly',
      source: 'service_need',
      sourceId: 917,
      serviceStart: minutesFromNow(-3 * 24 * 60),
      serviceEnd: minutesFromNow(-3 * 24 * 60 + 120),
      minutes: 120,
      description: '文苑社区敬老院陪伴服务',
    });
    expect(entry.status).toBe(201);
    const cert = await zhibu.post('/api/volunteer/certificates', {
      personId: person,
      unitId: branch,
      from: '2020-01-01',
      to: new Date().toISOString().slice(0, 10),
    });
    expect(cert.status).toBe(201);
    const meCookie = await cookieOf('dangyuan');
    const pdf = async (app: App, remoteAddress: string) => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/volunteer/certificates/${cert.body.id}/pdf`,
        remoteAddress,
        headers: {
          cookie: meCookie,
          host: 'pioneer.local:3000',
          'x-forwarded-host': 'evil.example',
          'x-forwarded-proto': 'https',
        },
      });
      expect(res.statusCode).toBe(200);
      return res.rawPayload.toString('latin1');
    };
    const direct = await pdf(t().app, '192.0.2.30');
    expect(direct).not.toContain('evil.example');
    expect(direct).toContain(`http://pioneer.local:3000/verify/${cert.body.serial}`);
    const untrusted = await pdf(behindProxy, '192.0.2.30');
    expect(untrusted).not.toContain('evil.example');
    expect(await pdf(behindProxy, PROXY)).toContain(`https://evil.example/verify/${cert.body.serial}`);
    expect(await pdf(https, PROXY)).toContain(`https://pioneer.example.edu.cn/verify/${cert.body.serial}`);
  });

  it('sends the security headers, and no-store on signed-in and sign-in API answers', async () => {
    const res = await t().anonymous.get('/api/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['cache-control']).toBeUndefined();

    const me = await (await t().as('zhibu')).get('/api/me');
    expect(me.headers['cache-control']).toBe('no-store');
    const login = await t().anonymous.post('/api/auth/login', { username: 'zhibu', password: 'Demo@2026' });
    expect(login.headers['cache-control']).toBe('no-store');
    expect(String(login.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    // The API documentation page is served under the same policy (its scripts are files, not inline).
    const docs = await t().anonymous.get('/api/docs');
    expect(docs.status).toBe(200);
    expect(String(docs.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(docs.body)).not.toMatch(/<script>(?!\s*<\/script>)/);
  });

  it('adds HSTS and Secure cookies over https: PUBLIC_URL https, or X-Forwarded-Proto from a trusted proxy', async () => {
    const login = (app: App, remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'zongzhi', password: 'Demo@2026' },
        remoteAddress,
        headers: { 'x-forwarded-proto': 'https' },
      });
    const viaHttps = await login(https, '192.0.2.40');
    expect(viaHttps.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(String(viaHttps.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    for (const cookie of [viaHttps.headers['set-cookie']].flat()) expect(String(cookie)).toMatch(/;\s*Secure/i);
    const viaProxy = await login(behindProxy, PROXY);
    expect(String([viaProxy.headers['set-cookie']].flat()[0])).toMatch(/;\s*Secure/i);
    const spoofed = await login(t().app, '192.0.2.41');
    expect(String([spoofed.headers['set-cookie']].flat()[0])).not.toMatch(/;\s*Secure/i);
  });

  async function cookieOf(username: string) {
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'Demo@2026' },
    });
    return String([res.headers['set-cookie']].flat()[0]).split(';')[0];
  }
});
