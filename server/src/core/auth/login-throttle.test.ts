import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { describeOnEngines, makeClient, type TestContext } from '../../test/harness';
import type { App } from '../module';
import { fastHash, useFastHashes } from './fast-hash.fixture';
import { DEVICE_COOKIE } from './known-devices';

const PASSWORD = 'Demo@2026';
const WRONG = 'Wrong@2026';

interface Attempt {
  status: number;
  code?: string;
  retryAfter?: number;
  device?: string;
  session?: string;
  csrf?: string;
}

/** One sign-in attempt from `ip`, optionally from a browser holding a device cookie. */
async function attempt(app: App, username: string, password: string, opts: { ip: string; device?: string }) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: opts.ip,
    headers: opts.device ? { cookie: `${DEVICE_COOKIE}=${opts.device}` } : {},
  });
  const cookies = [res.headers['set-cookie'] ?? []].flat().map(String);
  const device = cookies
    .find((c) => c.startsWith(`${DEVICE_COOKIE}=`))
    ?.split(';')[0]
    .split('=')[1];
  return {
    status: res.statusCode,
    code: res.statusCode === 200 ? undefined : res.json().error.code,
    retryAfter: res.headers['retry-after'] ? Number(res.headers['retry-after']) : undefined,
    device,
    session: cookies.find((c) => c.startsWith('pioneer_session='))?.split(';')[0],
    csrf: res.statusCode === 200 ? res.json().csrfToken : undefined,
  } satisfies Attempt;
}

const auditCount = async (t: TestContext, action: string) =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );

const personIdOf = async (t: TestContext, username: string) =>
  (
    await t.database.db
      .selectFrom('account')
      .select('person_id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).person_id;

describeOnEngines('login throttling', (t) => {
  beforeAll(() => useFastHashes(t().database.db, PASSWORD));

  it('slows down one address guessing one account, without slowing its owner anywhere else', async () => {
    const { app } = t();
    const guesser = { ip: '192.0.2.50' };
    for (let i = 0; i < 6; i++) expect((await attempt(app, 'dangjian', `${WRONG}${i}`, guesser)).status).toBe(401);
    // Past the allowance the next attempt must wait — even with the right password, which is not even checked.
    const slowed = await attempt(app, 'dangjian', WRONG, guesser);
    expect([slowed.status, slowed.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect(slowed.retryAfter).toBeGreaterThanOrEqual(10);
    expect((await attempt(app, 'dangjian', PASSWORD, guesser)).status).toBe(429);
    // An unknown username is treated exactly alike, so the answers do not reveal which accounts exist.
    for (let i = 0; i < 6; i++) expect((await attempt(app, 'dangjian-x', `${WRONG}${i}`, guesser)).status).toBe(401);
    expect((await attempt(app, 'dangjian-x', WRONG, guesser)).code).toBe('TOO_MANY_ATTEMPTS');
    // The owner, elsewhere, signs in at once.
    expect((await attempt(app, 'dangjian', PASSWORD, { ip: '198.51.100.9' })).status).toBe(200);
  }, 180_000);

  it('an attacker cannot keep an account unusable while its owner signs in', async () => {
    const { app } = t();
    const home = await attempt(app, 'xiaodi', PASSWORD, { ip: '198.51.100.7' });
    expect(home.status).toBe(200);
    expect(home.device).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Guesses spread over many addresses (each below its own allowance) until the account itself slows down.
    for (let n = 0; n < 11; n++) {
      expect((await attempt(app, 'xiaodi', `${WRONG}${n}`, { ip: `203.0.113.${(n % 7) + 1}` })).status).toBe(401);
    }
    expect(await auditCount(t(), 'account.login_throttled')).toBeGreaterThanOrEqual(1);
    // Any browser that never signed in to the account now waits, right password or not…
    const stranger = await attempt(app, 'xiaodi', PASSWORD, { ip: '203.0.113.77' });
    expect([stranger.status, stranger.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    // …but the owner's own browser signs in at once — even from the attacker's address — again and again.
    const signedIn: Attempt[] = [];
    for (let i = 0; i < 3; i++)
      signedIn.push(await attempt(app, 'xiaodi', PASSWORD, { ip: '203.0.113.1', device: home.device }));
    expect(signedIn.map((r) => r.status)).toEqual([200, 200, 200]);
    const owner = makeClient(app, signedIn[2].session, signedIn[2].csrf);
    // A stolen device cookie is no master key: its own failures slow it down too.
    for (let i = 0; i < 6; i++) {
      expect((await attempt(app, 'xiaodi', `${WRONG}d${i}`, { ip: '203.0.113.1', device: home.device })).status).toBe(
        401,
      );
    }
    expect((await attempt(app, 'xiaodi', WRONG, { ip: '203.0.113.1', device: home.device })).status).toBe(429);

    // The owner (signed in on their own browser) sees it and clears it; the clearing is audited.
    const state = await owner.get('/api/auth/login-throttle');
    expect(state.status).toBe(200);
    expect(state.body.throttled).toBe(true);
    expect(state.body.entries.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['account', 'device']),
    );
    expect(state.body.knownDevices).toBeGreaterThanOrEqual(1);
    const cleared = await owner.post('/api/auth/login-throttle/clear');
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ throttled: false, entries: [] });
    expect(await auditCount(t(), 'account.login_throttle_cleared')).toBe(1);
    expect((await attempt(app, 'xiaodi', PASSWORD, { ip: '203.0.113.77' })).status).toBe(200);
  }, 180_000);

  it('lets administrators see and clear a throttle: 401, 404 out of scope, 403 without the right, 200', async () => {
    const { app } = t();
    // Six failures are counted; the seventh attempt is refused before its password is even checked.
    for (let i = 0; i < 7; i++) await attempt(app, 'dangyuan', `${WRONG}${i}`, { ip: '192.0.2.77' });
    const personId = await personIdOf(t(), 'dangyuan');
    const url = `/api/access/login-throttle?personId=${personId}`;
    expect((await t().anonymous.get(url)).status).toBe(401);
    expect((await t().anonymous.post('/api/access/login-throttle/clear', { personId })).status).toBe(401);
    expect((await (await t().as('zhibu2')).get(url)).status).toBe(404);
    expect((await (await t().as('zhibu2')).post('/api/access/login-throttle/clear', { personId })).status).toBe(404);
    expect((await (await t().as('zhibu')).get(url)).status).toBe(403);
    expect((await (await t().as('zhibu')).post('/api/access/login-throttle/clear', { personId })).status).toBe(403);
    const admin = await t().as('zongzhi');
    const seen = await admin.get(url);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ username: 'dangyuan', throttled: true });
    expect(seen.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'pair', address: '192.0.2.77', failures: 6, slowed: true }),
      ]),
    );
    const before = await auditCount(t(), 'account.login_throttle_cleared');
    const cleared = await admin.post('/api/access/login-throttle/clear', { personId });
    expect(cleared.body).toMatchObject({ throttled: false, entries: [] });
    expect(await auditCount(t(), 'account.login_throttle_cleared')).toBe(before + 1);
    expect((await attempt(app, 'dangyuan', PASSWORD, { ip: '192.0.2.77' })).status).toBe(200);
    expect((await admin.get('/api/access/login-throttle?personId=999999')).status).toBe(404);
  }, 180_000);

  it('counts only failures against an address, and lets known browsers through when it is slowed', async () => {
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', LOGIN_ADDRESS_MAX_FAILURES: '15' });
    const app = await buildApp(t().database, config);
    try {
      const campus = { ip: '192.0.2.200' };
      const known = await attempt(app, 'xuanchuan', PASSWORD, campus);
      // Successes never count: twenty sign-ins from the address change nothing.
      for (let i = 0; i < 20; i++) expect((await attempt(app, 'renshi', PASSWORD, campus)).status).toBe(200);
      for (let i = 0; i < 15; i++) expect((await attempt(app, `typo-${i}`, WRONG, campus)).status).toBe(401);
      const next = await attempt(app, 'gonghui', PASSWORD, campus);
      expect([next.status, next.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
      expect(next.retryAfter).toBeGreaterThan(60);
      expect((await attempt(app, 'xuanchuan', PASSWORD, { ...campus, device: known.device })).status).toBe(200);
      expect((await attempt(app, 'gonghui', PASSWORD, { ip: '192.0.2.201' })).status).toBe(200);
    } finally {
      await app.close();
    }
  }, 180_000);

  it('signs in 2,000 different accounts from one address in one burst, and still stops guessing there', async () => {
    const { db } = t().database;
    // One shared hash with a small work factor, so creating the accounts takes no time (fast-hash.fixture.ts).
    const hash = fastHash(PASSWORD);
    await sql`
      with unit as (select id from org_unit where type = 'branch' order by id limit 1),
      people as (
        insert into person (name, gender, kind, staff_no, political_status, unit_id)
        select '新生' || g, 'female', 'student', 'H2BURST' || g, 'masses', (select id from unit)
        from generate_series(1, 2000) g
        returning id, staff_no
      )
      insert into account (person_id, username, password_hash)
      select id, lower(staff_no), ${hash} from people`.execute(db);

    const campus = { ip: '198.51.100.250' };
    const started = performance.now();
    const cpu = process.cpuUsage();
    const results = await Promise.all(
      Array.from({ length: 2000 }, (_, i) => attempt(t().app, `h2burst${i + 1}`, PASSWORD, campus)),
    );
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    // CPU time as well as wall time: on shared cores the wall time mostly measures the neighbours.
    console.log(
      `2,000 sign-ins from one address in one burst [${t().engine}]: ${seconds.toFixed(1)} s wall, ` +
        `${((used.user + used.system) / 1e6).toFixed(1)} s CPU in this process`,
    );
    expect(results.filter((r) => r.status !== 200)).toEqual([]);

    for (let i = 0; i < 6; i++) expect((await attempt(t().app, 'h2burst7', `${WRONG}${i}`, campus)).status).toBe(401);
    expect((await attempt(t().app, 'h2burst7', PASSWORD, campus)).code).toBe('TOO_MANY_ATTEMPTS');
  }, 900_000);
});
