import { expect, it } from 'vitest';
import { describeOnEngines, signIn } from '../../test/harness';

// The web app's first request: signed out must be a 200 answer (no failed request in the browser console).
describeOnEngines('GET /api/session', (t) => {
  it('answers signedIn:false with 200 when signed out, and the same body as /api/me when signed in', async () => {
    const anonymous = await t().anonymous.get('/api/session');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ signedIn: false });

    const client = await signIn(t().app, 'zhibu');
    const session = await client.get('/api/session');
    const me = await client.get('/api/me');
    expect(session.status).toBe(200);
    expect(session.body.signedIn).toBe(true);
    const { signedIn: _signedIn, ...rest } = session.body;
    expect(rest).toEqual(me.body);
    expect(rest.csrfToken).toBeTruthy();

    expect((await client.post('/api/auth/logout')).status).toBe(200);
    expect((await client.get('/api/session')).body).toEqual({ signedIn: false });
  });
});
