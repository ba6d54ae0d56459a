import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { anyString, anyValue, type JsonSchema, nearValue, objectFor } from './fuzz-values';

/**
 * Hostile requests generated from the OpenAPI document, for the no-500 fuzz test. Every operation gets path
 * parameters, query strings and bodies built from its own schemas: values near the valid ones (so requests get
 * past validation into services and SQL) mixed with text PostgreSQL cannot store, edge numbers, wrong types,
 * wrong content types, malformed and oversized payloads, deep nesting and multipart forms.
 */

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
  /** Takes a file (multipart/form-data): the upload routes. */
  upload: boolean;
}

export interface FuzzRequest {
  method: Operation['method'];
  url: string;
  payload?: string | Buffer;
  headers?: Record<string, string>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The operations of an OpenAPI document (as @fastify/swagger serves it). */
export function operationsOf(spec: {
  paths: Record<string, Record<string, { parameters?: unknown[]; requestBody?: unknown; summary?: string }>>;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = byMethod[method];
      if (!op) continue;
      const params = (op.parameters ?? []) as { in: string; name: string; schema: JsonSchema }[];
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)?.content;
      ops.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: params.filter((p) => p.in === 'path').map(({ name, schema }) => ({ name, schema })),
        query: params.filter((p) => p.in === 'query').map(({ name, schema }) => ({ name, schema })),
        body: content?.['application/json']?.schema ?? null,
        upload: /multipart|上传/.test(`${JSON.stringify(content ?? {})}${op.summary ?? ''}`),
      });
    }
  }
  return ops;
}

// ——— encodings ———

/** Percent-encodes any string, lone surrogates included (as the invalid UTF-8 a hostile client would send). */
export function encodeLoose(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
    } else out += encodeURIComponent(ch);
  }
  return out;
}

const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

const RAW_PARAMS = [
  '0',
  '-1',
  '1.5',
  '1e3',
  '0x10',
  'abc',
  '%00',
  '%ED%A0%80',
  '%C0%AF',
  '%FF',
  '%',
  '..%2F..%2Fetc',
  '%F0%9F%98%80',
  "1'--",
  '%20',
  'NaN',
  'Infinity',
  '99999999999999999999',
  '9007199254740993',
  '2147483648',
  'x'.repeat(2000),
];

function paramValue(schema: JsonSchema, realIds: boolean): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [
    fc.constantFrom(...RAW_PARAMS),
    fc.integer({ min: 100_000, max: 2 ** 31 - 1 }).map(String),
    nearValue(schema, 0).map((v) => encodeLoose(asText(v))),
    anyString.filter((s) => s.length > 0).map(encodeLoose),
  ];
  if (realIds) options.push(fc.integer({ min: 1, max: 40 }).map(String));
  return fc.oneof(...options);
}

const RAW_QUERIES = ['?', '?&&&', '?%', '?a[b]=1', '?__proto__[x]=1', '?q=%E0%A4%A', '?page=1&page=2', '?=&=='];

function queryString(op: Operation): fc.Arbitrary<string> {
  const pairs = fc.array(
    fc.oneof(
      ...(op.query.length
        ? [
            fc
              .tuple(fc.constantFrom(...op.query), fc.boolean())
              .chain(([p, near]) =>
                (near ? nearValue(p.schema, 0) : anyValue).map((v) => `${p.name}=${encodeLoose(asText(v))}`),
              ),
          ]
        : []),
      fc.tuple(anyString, anyString).map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(v)}`),
    ),
    { maxLength: 4 },
  );
  return fc.oneof(
    { weight: 8, arbitrary: pairs.map((p) => (p.length ? `?${p.join('&')}` : '')) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES) },
  );
}

// ——— bodies ———

const MB = 1024 * 1024;
const json = (payload: string, type = 'application/json') => ({ payload, headers: { 'content-type': type } });

/** Built once: payloads past the 2 MB body limit or just under it, and nesting far past the guard's depth. */
const BIG = {
  overLimit: JSON.stringify({ name: 'x'.repeat(3 * MB) }),
  nearLimit: JSON.stringify({ name: '名'.repeat(600_000), title: 'x', description: 'y', reason: 'z' }),
  wideArray: JSON.stringify(Array.from({ length: 200_000 }, () => 0)),
  deepArray: `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
  deepObject: `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
};
const RAW_JSON = [
  '',
  '{',
  '{"a":}',
  'nul',
  '\u0000',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  '{"a\\u0000":1}',
  '1e99999',
  '{"a":1,"a":2}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '"just a string"',
  '[]',
  'null',
  '\ufeff{}',
];

function multipartBody(fields: [string, string][], file: { name: string; type: string; content: Buffer } | null) {
  const boundary = `----fuzz${randomBytes(6).toString('hex')}`;
  const parts: Buffer[] = fields.map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const FILE_CONTENTS = [
  Buffer.alloc(0),
  Buffer.from('PK\u0003\u0004 truncated'),
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  Buffer.from('ffd8ffe000104a464946', 'hex'),
  Buffer.from('GIF89a'),
  Buffer.from('%PDF-1.7'),
  Buffer.from('<?xml version="1.0"?><a/>'),
];

const multipartFor = (files: Buffer[]) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.oneof(anyString, fc.constantFrom('kind', 'file', 'note')), anyString), { maxLength: 3 }),
      fc.option(
        fc.record({
          name: fc.oneof(anyString, fc.constantFrom('名册.xlsx', 'a.png', '../../x.jpg')),
          type: fc.constantFrom('image/png', 'image/jpeg', 'application/octet-stream', 'text/plain', ''),
          content: fc.oneof(
            fc.constantFrom(...FILE_CONTENTS, ...files),
            fc.uint8Array({ maxLength: 2048 }).map(Buffer.from),
          ),
        }),
        { freq: 4 },
      ),
    )
    .map(([fields, file]) => multipartBody(fields, file));

const MALFORMED_MULTIPART = [
  { payload: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc', type: 'multipart/form-data; boundary=x' },
  { payload: 'no boundary at all', type: 'multipart/form-data' },
  { payload: '--y--\r\n', type: 'multipart/form-data; boundary=x' },
  { payload: '--x\r\nContent-Disposition: form-data\r\n\r\n\r\n--x--', type: 'multipart/form-data; boundary=x' },
].map(({ payload, type }) => json(payload, type));

const OTHER_TYPES = fc.constantFrom(
  json('hello', 'text/plain'),
  json('<a>\u0000</a>', 'application/xml'),
  json('a=1&b=%00&c=%ED%A0%80', 'application/x-www-form-urlencoded'),
  json('{"a":1}', 'application/json; charset=utf-16'),
  json('{"a":1}', 'text/json'),
  json('\u0089PNG', 'image/png'),
  json('{"a":1}', 'application/vnd.api+json'),
  { payload: '{"a":1}', headers: { 'content-type': '' } },
  json('{"a":1}', 'application/json; boundary=x; charset=latin1'),
);

function bodyFor(op: Operation, files: Buffer[]): fc.Arbitrary<Omit<FuzzRequest, 'method' | 'url'>> {
  const schemaBody = (op.body ? objectFor(op.body, 0) : fc.dictionary(anyString, anyValue, { maxKeys: 4 })).map((b) =>
    json(JSON.stringify(b)),
  );
  return fc.oneof(
    { weight: op.upload ? 1 : 12, arbitrary: schemaBody },
    { weight: 2, arbitrary: anyValue.map((v) => json(JSON.stringify(v) ?? 'null')) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_JSON).map((p) => json(p)) },
    { weight: 2, arbitrary: OTHER_TYPES },
    { weight: op.upload ? 12 : 1, arbitrary: multipartFor(files) },
    { weight: op.upload ? 3 : 1, arbitrary: fc.constantFrom(...MALFORMED_MULTIPART) },
    { weight: 1, arbitrary: fc.constantFrom(...Object.values(BIG)).map((p) => json(p)) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

/**
 * Requests for one operation. `realIds` lets path parameters take the small ids of real demo records (for
 * operations that cannot end the fuzzing administrator's own session or role); `files` are extra file
 * contents for multipart forms (workbooks and zip bombs the test built beforehand).
 */
export function requestsFor(op: Operation, realIds: boolean, files: Buffer[] = []): fc.Arbitrary<FuzzRequest> {
  const params = fc.tuple(...op.pathParams.map((p) => paramValue(p.schema, realIds)));
  const withBody = op.method !== 'GET';
  return fc
    .tuple(params, queryString(op), withBody ? bodyFor(op, files) : fc.constant({}))
    .map(([values, query, body]) => {
      let i = 0;
      const path = op.path.replace(/\{[^}]+\}/g, () => values[i++] ?? '');
      return { method: op.method, url: `${path}${query}`, ...body };
    });
}

/** A short, printable account of a request, for a failure message. */
export function describeRequest(r: FuzzRequest): string {
  const body = r.payload === undefined ? '' : ` ${String(r.payload).slice(0, 160)}`;
  return JSON.stringify(`${r.method} ${r.url.slice(0, 200)} [${r.headers?.['content-type'] ?? ''}]${body}`);
}
