import { XMLBuilder } from 'fast-xml-parser';

/**
 * GeoReport v2 names the format by the resource's suffix (`services.xml`, `services.json`). XML is the spec's
 * required format, JSON ours too; both carry the same documents field for field.
 */
export type Format = 'json' | 'xml';
export const FORMATS: readonly Format[] = ['xml', 'json'];
export const MIME: Record<Format, string> = { xml: 'text/xml', json: 'application/json' };

/** The format a request asks for: its suffix; without one (an unknown path) JSON only if Accept prefers it. */
export function formatOf(url: string, accept?: string): Format {
  const path = url.split('?')[0] ?? '';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.xml')) return 'xml';
  return accept && /json/i.test(accept) && !/xml/i.test(accept) ? 'json' : 'xml';
}

/**
 * The XML names of each document: the root and the element of each list item (spec: `<services><service>`,
 * `<service_requests><request>`, `<errors><error>`), and the element of the items of nested lists.
 */
export type DocumentKind = 'discovery' | 'services' | 'service_definition' | 'requests' | 'errors';
const ROOTS: Record<DocumentKind, { root: string; item?: string }> = {
  discovery: { root: 'discovery' },
  services: { root: 'services', item: 'service' },
  service_definition: { root: 'service_definition' },
  requests: { root: 'service_requests', item: 'request' },
  errors: { root: 'errors', item: 'error' },
};
const NESTED_ITEMS: Record<string, string> = {
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

// XML 1.0 cannot carry these code points at all (control characters, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns a raw CR into LF; the character reference keeps the text equal to its JSON twin.
  '\r': '&#13;',
};
const escapeText = (s: string) => s.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\r]/g, (c) => ESCAPES[c] as string);

/** JSON value → the builder's tree: lists become repeated elements, null an empty element, scalars text. */
function toTree(value: unknown, name: string): unknown {
  if (Array.isArray(value)) {
    const item = NESTED_ITEMS[name];
    if (!item) throw new Error(`no XML item name for list ${name}`);
    return value.length ? { [item]: value.map((v) => toTree(v, item)) } : '';
  }
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toTree(v, k)]));
  }
  return escapeText(String(value));
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false, processEntities: false });

/** The XML twin of a JSON document, with the declaration the spec asks for. */
export function toXml(kind: DocumentKind, doc: unknown): string {
  const { root, item } = ROOTS[kind];
  let body: unknown;
  if (item) {
    const list = doc as unknown[];
    body = list.length ? { [item]: list.map((x) => toTree(x, item)) } : '';
  } else {
    body = toTree(doc, root);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: body })}`;
}

/** The body and content type of a document in the asked format. */
export function render(kind: DocumentKind, format: Format, doc: unknown) {
  return format === 'xml'
    ? { type: `${MIME.xml}; charset=utf-8`, body: toXml(kind, doc) }
    : { type: `${MIME.json}; charset=utf-8`, body: JSON.stringify(doc) };
}
