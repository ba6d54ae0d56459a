import { expect } from 'vitest';
import type { TestContext } from '../../test/harness';
import { DEMO_OPEN311_KEY } from './demo.seed';
import { expectXmlTwin } from './open311.spec-fields';

/** How the conformance suite talks to the running app: as a GeoReport v2 client would. */
export type Format = 'json' | 'xml';
export const FORMATS: Format[] = ['xml', 'json'];
export const V2 = '/open311/v2';

export function conformanceClient(t: () => TestContext) {
  const get = (url: string) => t().anonymous.get(url);
  let addressSeq = 0;
  /** POST requests.{format}, form-encoded like the spec's clients; with the demo key unless `anonymous`. */
  const post = (format: Format, fields: Record<string, string>, opts: { anonymous?: boolean; ip?: string } = {}) =>
    t().anonymous.inject({
      method: 'POST',
      url: `${V2}/requests.${format}`,
      payload: new URLSearchParams(opts.anonymous ? fields : { api_key: DEMO_OPEN311_KEY, ...fields }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: opts.ip ?? `10.31.1.${++addressSeq % 250}`,
    });
  /** POST requests.{format} as multipart/form-data, optionally with a file part. */
  const postMultipart = (format: Format, fields: Record<string, string>, file?: string) => {
    const b = 'open311-boundary';
    const part = (name: string, value: string, filename?: string) =>
      `--${b}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${value}\r\n`;
    const parts = Object.entries({ api_key: DEMO_OPEN311_KEY, ...fields }).map(([k, v]) => part(k, v));
    if (file) parts.push(part('media', file, 'photo.jpg'));
    return t().anonymous.inject({
      method: 'POST',
      url: `${V2}/requests.${format}`,
      payload: `${parts.join('')}--${b}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${b}` },
    });
  };
  const posted = async (fields: Record<string, string>) => {
    const res = await post('json', fields);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body[0].service_request_id as string;
  };
  const one = async (id: string) => (await get(`${V2}/requests/${id}.json`)).body[0];
  /** Both formats of a GET resource: the JSON document, and its XML twin checked field for field. */
  const twins = async (path: string, kind: Parameters<typeof expectXmlTwin>[0]) => {
    const json = await get(`${path}.json`);
    const xml = await get(`${path}.xml`);
    expect([json.status, xml.status]).toEqual([200, 200]);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expectXmlTwin(kind, xml.body, json.body);
    return json.body;
  };
  return { get, post, postMultipart, posted, one, twins };
}
