import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { type Client, describeOnEngines, eventually, makeClient, signIn } from '../../test/harness';
import { hashPassword, passwordProblem, verifyPassword } from './password';

it('hashes with scrypt and verifies only the right password', async () => {
  const hash = await hashPassword('Demo@2026');
  expect(hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
  expect(await verifyPassword('Demo@2026', hash)).toBe(true);
  expect(await verifyPassword('demo@2026', hash)).toBe(false);
  expect(await hashPassword('Demo@2026')).not.toBe(hash);
});

it.each([
  ['short1A', '密码长度应为8–64位'],
  ['alllowercase', '至少三类'],
  ['Abcdefg1', null],
  ['abc-defg1', null],
])('password policy for %s', (pw, problem) => {
  const got = passwordProblem(pw);
  if (problem === null) expect(got).toBeNull();
  else expect(got).toContain(problem);
});

describeOnEngines('auth', (t) => {
  it('signs in, reports the person with roles and scopes, and signs out', async () => {
    const client = await signIn(t().app, 'zhibu');
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('zhibu');
    expect(me.body.person.unitName).toMatch(/党支部/);
    expect(me.body.roles.map((r: { role: string }) => r.role)).toContain('branch_secretary');
    expect(me.body.scopes['people.manage'].length).toBeGreaterThan(0);
    expect(me.body.scopes['org.manage']).toEqual([]);
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('sets an httpOnly SameSite=Lax cookie and stores only a hash of the token', async () => {
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zuzhibu', password: 'Demo@2026' },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const token = cookie.split(';')[0].split('=')[1];
    const rows = await t().database.db.selectFrom('session').select('id_hash').execute();
    expect(rows.some((r) => r.id_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id_hash))).toBe(true);
  });

  it('refuses a state-changing request made with the cookie but without the CSRF token', async () => {
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zongzhi', password: 'Demo@2026' },
    });
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    const noToken = makeClient(t().app, cookie);
    const refused = await noToken.post('/api/units/1/rename', { name: '跨站请求' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('CSRF');
    const wrong = makeClient(t().app, cookie, 'forged');
    expect((await wrong.post('/api/units/1/rename', { name: '跨站请求' })).status).toBe(403);
  });

  it('gives 400 with the field for bad login input and 401 in Chinese for a wrong password', async () => {
    const bad = await t().anonymous.post('/api/auth/login', { username: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['username', 'password']),
    );
    const wrong = await t().anonymous.post('/api/auth/login', { username: 'jiaogong', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toContain('用户名或密码错误');
    const unknown = await t().anonymous.post('/api/auth/login', { username: 'nobody-here', password: 'nope' });
    expect(unknown.status).toBe(401);
  });

  it('answers every failed sign-in with one message, whether or not the account exists (no lock, no count)', async () => {
    const answers = new Set<string>();
    for (const username of ['keji', 'no-such-user', 'keji', 'no-such-user', 'keji']) {
      const r = await t().anonymous.post('/api/auth/login', { username, password: 'Wrong@2026' });
      expect(r.status).toBe(401);
      answers.add(JSON.stringify(r.body.error));
    }
    expect([...answers]).toEqual([
      JSON.stringify({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误', details: null }),
    ]);
    // Five failures do not lock the account: its owner still signs in.
    expect((await t().anonymous.post('/api/auth/login', { username: 'keji', password: 'Demo@2026' })).status).toBe(200);
  });

  it('changes the password: 401 signed out, 400 for a weak one or a wrong current one, then old sessions end', async () => {
    expect((await t().anonymous.post('/api/auth/password', { currentPassword: 'x', newPassword: 'y' })).status).toBe(
      401,
    );
    const first = await signIn(t().app, 'renshi');
    const second = await signIn(t().app, 'renshi');
    const weak = await second.post('/api/auth/password', { currentPassword: 'Demo@2026', newPassword: 'weak' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0].path).toBe('newPassword');
    const wrongCurrent = await second.post('/api/auth/password', {
      currentPassword: 'Wrong@2026',
      newPassword: 'New@Pass2026',
    });
    expect(wrongCurrent.body.error.details[0].path).toBe('currentPassword');
    const ok = await second.post('/api/auth/password', { currentPassword: 'Demo@2026', newPassword: 'New@Pass2026' });
    expect(ok.status).toBe(200);
    expect((await second.get('/api/me')).status).toBe(200);
    expect((await first.get('/api/me')).status).toBe(401);
    expect((await signIn(t().app, 'renshi', 'New@Pass2026').then((c) => c.get('/api/me'))).status).toBe(200);
  });

  it('reuses a resolved session, and forgets it when the session ends or access changes anywhere', async () => {
    const { db } = t().database;
    const accountId = async (username: string) =>
      (await db.selectFrom('account').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    const expireInDatabase = async (username: string) =>
      db
        .updateTable('session')
        .set({ expires_at: '2020-01-01T00:00:00.000Z' })
        .where('account_id', '=', await accountId(username))
        .execute();
    const signedOut = (c: Client) => async () => (await c.get('/api/me')).status === 401;

    const client = await signIn(t().app, 'xuanchuan');
    expect((await client.get('/api/me')).status).toBe(200);
    // A change nobody announces (an expiry written straight into the row) is not seen while the copy lives…
    await expireInDatabase('xuanchuan');
    expect((await client.get('/api/me')).status).toBe(200);
    // …but a session ended by any process (here: its row deleted, as another process's sign-out does) is.
    await db
      .deleteFrom('session')
      .where('account_id', '=', await accountId('xuanchuan'))
      .execute();
    expect(await eventually(signedOut(client))).toBe(true);

    // Any change to what an actor is built from (here a unit renamed by another process) forgets every copy.
    const other = await signIn(t().app, 'gonghui');
    expect((await other.get('/api/me')).status).toBe(200);
    await expireInDatabase('gonghui');
    expect((await other.get('/api/me')).status).toBe(200);
    await sql`update org_unit set name = name where id = (select min(id) from org_unit)`.execute(db);
    expect(await eventually(signedOut(other))).toBe(true);
  });

  it('expires a session past its lifetime', async () => {
    const client = await signIn(t().app, 'dangxiao');
    const account = await t()
      .database.db.selectFrom('account')
      .select('id')
      .where('username', '=', 'dangxiao')
      .executeTakeFirstOrThrow();
    await t()
      .database.db.updateTable('session')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('account_id', '=', account.id)
      .execute();
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('serves the health check and an OpenAPI document listing the routes', async () => {
    const health = await t().anonymous.get('/api/health');
    expect(health.body).toMatchObject({ status: 'ok', db: t().engine });
    const doc = await t().anonymous.get('/api/openapi.json');
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me', '/api/units']));
    expect((await t().anonymous.get('/api/docs')).status).toBeLessThan(400);
  });
});
