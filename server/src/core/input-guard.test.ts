import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeOnEngines } from '../test/harness';
import { findBadInput, MAX_DEPTH } from './input-guard';

const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { a: nest(depth - 1) });

describe('findBadInput', () => {
  it('names the first string or key PostgreSQL or XML cannot take, and lets every other text through', () => {
    expect(findBadInput({ a: [{ b: 'x\u0000y' }] }, 'body')).toEqual({
      path: 'a.0.b',
      in: 'body',
      message: '含有空字符（U+0000），无法保存，请删除后重试',
    });
    expect(findBadInput({ q: '\ud800' }, 'querystring')?.message).toContain('孤立代理项 U+D800');
    expect(findBadInput({ q: 'a\udc00' }, 'querystring')?.message).toContain('U+DC00');
    expect(findBadInput({ 'k\u0001': 1 }, 'body')).toMatchObject({
      path: 'k\\u0001',
      message: expect.stringMatching(/^字段名/),
    });
    expect(findBadInput('\uffff', 'body')).toMatchObject({ path: 'body' });
    // Emoji (a surrogate pair), Chinese, tab, line breaks, DEL and right-to-left marks are all storable.
    expect(findBadInput({ s: '党员😀\t\r\n\u007f\u200f', n: 1, b: true, z: null }, 'body')).toBeNull();
  });

  it('refuses nesting past the limit without recursing itself', () => {
    expect(findBadInput(nest(MAX_DEPTH - 1), 'body')).toBeNull();
    expect(findBadInput(nest(MAX_DEPTH + 1), 'body')?.message).toBe(`嵌套层数超过 ${MAX_DEPTH} 层`);
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(findBadInput(deep, 'body')?.in).toBe('body');
  });
});

describeOnEngines('the one input guard', (t) => {
  const refused = (res: { status: number; body: { error: { message: string } } }, path: string, place: string) => {
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', details: [{ path, in: place }] });
    expect(res.body.error.message).toMatch(new RegExp(`^${path}：.*U\\+`));
  };

  it('answers 400 naming the field for a NUL anywhere on the routes that answered 500 before', async () => {
    const admin = await t().as('admin');
    refused(await t().anonymous.post('/api/auth/login', { username: 'a\u0000', password: 'x' }), 'username', 'body');
    refused(await admin.post('/api/demands', { title: '需\u0000求', description: 'x' }), 'title', 'body');
    refused(await admin.post('/api/open311-clients', { name: '\u0000' }), 'name', 'body');
    refused(await admin.get('/api/people?q=%00'), 'q', 'querystring');
    refused(await admin.get('/api/demands?q=a%00b'), 'q', 'querystring');
    refused(await t().anonymous.get('/api/public/certificates/%00'), 'serial', 'params');
    const open311 = await t().anonymous.get('/open311/v2/requests.json?service_code=%00');
    expect(open311.status).toBe(400);
  });

  it('refuses lone surrogates in raw JSON, nesting too deep, and bad form fields in uploads', async () => {
    const raw = (payload: string) =>
      t().anonymous.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload,
        headers: { 'content-type': 'application/json' },
      });
    refused(await raw('{"username":"\\ud800","password":"x"}'), 'username', 'body');
    const deep = await raw(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect([deep.status, deep.body.error.message]).toEqual([
      400,
      `${'0.'.repeat(MAX_DEPTH - 1)}0：嵌套层数超过 ${MAX_DEPTH} 层`,
    ]);

    const zhibu = await t().as('zhibu');
    const boundary = `----pioneer${randomBytes(8).toString('hex')}`;
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\na\u0000b\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="名册.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nPK\r\n--${boundary}--\r\n`,
    );
    const form = await zhibu.inject({
      method: 'POST',
      url: '/api/roster/imports?kind=people',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    refused(form, 'note', 'multipart');
  });

  it('lets ordinary Chinese, emoji and multi-line text through to the route', async () => {
    const res = await t().anonymous.post('/api/auth/login', { username: '张三😀\n', password: 'x' });
    expect(res.status).toBe(401);
  });
});
