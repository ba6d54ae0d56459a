import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

/**
 * The GeoReport v2 and Service Discovery documents as the specs (and the open311/schema-validation JSON schemas)
 * define them: every field in the spec's order with its type, and the XML names of each list. The conformance
 * suite (open311.conformance.test.ts) checks our answers against these, written here apart from the code under
 * test so the two cannot agree by accident.
 */

type Rule = (v: unknown) => boolean;
/** W3C date-time: minutes required, seconds optional, a zone (Z or ±hh:mm) required. */
export const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const string: Rule = (v) => typeof v === 'string';
const text: Rule = (v) => typeof v === 'string' && v.trim() !== '';
const orNull =
  (rule: Rule): Rule =>
  (v) =>
    v === null || rule(v);
const boolean: Rule = (v) => typeof v === 'boolean';
const number: Rule = (v) => typeof v === 'number' && Number.isFinite(v);
const integer: Rule = (v) => Number.isInteger(v);
const oneOf =
  (...values: string[]): Rule =>
  (v) =>
    values.includes(v as string);
const dateTime: Rule = (v) => typeof v === 'string' && W3C_DATETIME.test(v) && !Number.isNaN(Date.parse(v));
const uri: Rule = (v) => typeof v === 'string' && URL.canParse(v) && /^https?:/.test(v);
const list: Rule = (v) => Array.isArray(v);

export type Spec = [field: string, rule: Rule][];

export const SERVICE: Spec = [
  ['service_code', text],
  ['service_name', text],
  ['description', string],
  ['metadata', boolean],
  ['type', oneOf('realtime', 'batch', 'blackbox')],
  ['keywords', string],
  ['group', string],
];
export const SERVICE_DEFINITION: Spec = [
  ['service_code', text],
  ['attributes', list],
];
export const REQUEST: Spec = [
  ['service_request_id', text],
  ['status', oneOf('open', 'closed')],
  ['status_notes', orNull(string)],
  ['service_name', orNull(string)],
  ['service_code', text],
  ['description', orNull((v) => string(v) && (v as string).length <= 4000)],
  ['agency_responsible', orNull(string)],
  ['service_notice', orNull(string)],
  ['requested_datetime', dateTime],
  ['updated_datetime', orNull(dateTime)],
  ['expected_datetime', orNull(dateTime)],
  ['address', orNull(string)],
  ['address_id', orNull(string)],
  ['zipcode', orNull(string)],
  ['lat', orNull((v) => number(v) && Math.abs(v as number) <= 90)],
  ['long', orNull((v) => number(v) && Math.abs(v as number) <= 180)],
  ['media_url', orNull(uri)],
];
/** The answer to POST requests: a service_request_id (we never answer with a token). */
export const POSTED: Spec = [
  ['service_request_id', text],
  ['service_notice', orNull(string)],
  ['account_id', orNull(string)],
];
export const DISCOVERY: Spec = [
  ['changeset', dateTime],
  ['contact', text],
  ['key_service', text],
  ['endpoints', (v) => list(v) && (v as unknown[]).length > 0],
];
export const ENDPOINT: Spec = [
  ['specification', uri],
  ['url', uri],
  ['changeset', dateTime],
  ['type', oneOf('production', 'test')],
  ['formats', (v) => list(v) && (v as string[]).every(oneOf('text/xml', 'application/json'))],
];
export const ERROR: Spec = [
  ['code', integer],
  ['description', text],
];

/** Exactly the spec's fields, in its order, each of its type. */
export function expectSpec(doc: unknown, spec: Spec, what: string) {
  expect(doc, what).toBeTypeOf('object');
  expect(Object.keys(doc as object), `${what}: fields`).toEqual(spec.map(([f]) => f));
  for (const [field, rule] of spec) {
    const value = (doc as Record<string, unknown>)[field];
    expect(rule(value), `${what}.${field} = ${JSON.stringify(value)}`).toBe(true);
  }
}

/** Root element and list item of each document, and the item element of each nested list. */
export const XML_NAMES = {
  discovery: { root: 'discovery' },
  services: { root: 'services', item: 'service' },
  service_definition: { root: 'service_definition' },
  requests: { root: 'service_requests', item: 'request' },
  errors: { root: 'errors', item: 'error' },
} as const;
const NESTED: Record<string, string> = { endpoints: 'endpoint', formats: 'format', attributes: 'attribute' };
const ITEMS = new Set(['service', 'request', 'error', 'endpoint', 'format', 'attribute', 'value']);

const parser = new XMLParser({
  parseTagValue: false,
  ignoreDeclaration: true,
  htmlEntities: true,
  isArray: (name) => ITEMS.has(name),
});

/** A well-formed UTF-8 XML document with its declaration, parsed (every text a string, lists as arrays). */
export function parseXml(body: string): Record<string, unknown> {
  expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>'), 'XML declaration with UTF-8').toBe(true);
  expect(XMLValidator.validate(body), 'well-formed XML').toBe(true);
  return parser.parse(body);
}

/** The text an XML element carries for a JSON value: null is an empty element, booleans and numbers as written. */
const scalar = (v: unknown) => (v === null ? '' : String(v));

/** The XML element carries the same fields, in the same order, with the same values as its JSON twin. */
function expectSame(xml: unknown, json: unknown, path: string, item?: string) {
  if (Array.isArray(json)) {
    const name = item ?? NESTED[path.split('.').pop() as string];
    if (json.length === 0) return expect(xml, `${path} (empty list)`).toBe('');
    const items = (xml as Record<string, unknown[]>)?.[name as string];
    expect(Array.isArray(items) && items.length, `${path}: ${json.length} <${name}>`).toBe(json.length);
    json.forEach((v, i) => {
      expectSame(items[i], v, `${path}[${i}]`);
    });
    return;
  }
  if (json !== null && typeof json === 'object') {
    expect(Object.keys(xml as object), `${path}: elements`).toEqual(Object.keys(json));
    for (const [k, v] of Object.entries(json)) expectSame((xml as Record<string, unknown>)[k], v, `${path}.${k}`);
    return;
  }
  expect(xml, path).toBe(scalar(json));
}

/** Parses an XML answer and checks it field for field against the JSON answer of the same resource. */
export function expectXmlTwin(kind: keyof typeof XML_NAMES, xmlBody: string, json: unknown) {
  const doc = parseXml(xmlBody);
  const names: { root: string; item?: string } = XML_NAMES[kind];
  expect(Object.keys(doc), 'root element').toEqual([names.root]);
  expectSame(doc[names.root], json, names.root, names.item);
  return doc[names.root];
}

/** The error list: each entry { code: the HTTP status, description } in JSON, <errors><error> in XML. */
export function expectErrorList(res: { status: number; body: unknown; headers: Record<string, unknown> }) {
  const type = String(res.headers['content-type']);
  if (type.startsWith('text/xml')) {
    const doc = parseXml(res.body as string);
    const items = (doc.errors as { error?: Record<string, string>[] })?.error ?? [];
    expect(items.length, 'at least one <error>').toBeGreaterThan(0);
    for (const e of items) {
      expect(Object.keys(e)).toEqual(['code', 'description']);
      expect(e.code).toBe(String(res.status));
      expect(e.description).toMatch(/\S/);
    }
    return items.map((e) => ({ code: Number(e.code), description: e.description as string }));
  }
  expect(type).toMatch(/^application\/json/);
  expect(Array.isArray(res.body), `error list: ${JSON.stringify(res.body)}`).toBe(true);
  const items = res.body as { code: number; description: string }[];
  expect(items.length).toBeGreaterThan(0);
  for (const e of items) {
    expectSpec(e, ERROR, 'error');
    expect(e.code).toBe(res.status);
  }
  return items;
}
