import fc from 'fast-check';

/**
 * Values for the no-500 fuzz test (fuzz-requests.ts builds requests from them): text PostgreSQL or XML cannot
 * take, tricky and edge values, and values shaped by a JSON schema — often valid, sometimes at or past its
 * limits — so that requests get past validation into services and SQL as well as being refused by it.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

/** Characters PostgreSQL or XML cannot take: what the input guard must refuse wherever they appear. */
const POISON = ['\u0000', '\ud800', '\udfff', '\u0001', '\u001b', '\u0008', '\uffff', '\ufffe', '\udbff\u0000'];
const TRICKY = [
  '',
  ' ',
  "'; drop table person; --",
  '%',
  '_',
  '\\',
  '\\\\%',
  'a\\',
  '%%_\\_',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '#{7*7}',
  '{{7*7}}',
  'null',
  'undefined',
  'NaN',
  'true',
  '[]',
  '{}',
  '0',
  '-1',
  '1e309',
  '9'.repeat(40),
  '2026-02-30',
  '2026-13-45',
  '0000-00-00',
  '9999-12-31T24:00:00Z',
  '１２３',
  '😀👨‍👩‍👧',
  '\u202e\u200f',
  'ＡＢＣ',
  '中'.repeat(300),
  'x'.repeat(5000),
];
/** One UTF-16 code unit of any value: lone surrogates and control characters included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

export const poisonString = fc
  .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...POISON), fc.string({ maxLength: 8 }))
  .map(([a, p, b]) => a + p + b);
export const anyString = fc.oneof(
  { weight: 3, arbitrary: poisonString },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);
const edgeNumber = fc.constantFrom(
  0,
  -1,
  1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  0.5,
  1e-9,
  -0,
  999999999,
);
export const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    anyString,
    edgeNumber,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(anyString, tie('v'), { maxKeys: 4 }),
  ),
})).v;

const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type[0] : s.type);

/** A value shaped by the schema (often valid, sometimes at or past its limits), or anything at all. */
export function valueFor(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const near = nearValue(schema, depth);
  return fc.oneof({ weight: 4, arbitrary: near }, { weight: 1, arbitrary: anyValue });
}

export function nearValue(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => nearValue(v, depth)));
  if (schema.enum?.length) return fc.oneof(fc.constantFrom(...schema.enum), anyString);
  const withNull = <T>(a: fc.Arbitrary<T>) => (schema.nullable ? fc.oneof(a, fc.constant(null)) : a);
  switch (typeOf(schema)) {
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1000;
      const max = Math.min(schema.maximum ?? 1000, 2 ** 31);
      return withNull(
        fc.oneof(
          fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.max(max, min)) }),
          fc.integer({ min: 100_000, max: 2 ** 31 - 1 }),
          edgeNumber,
          fc.constantFrom(min - 1, max + 1),
        ),
      );
    }
    case 'boolean':
      return withNull(fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 1, 0)));
    case 'array': {
      const items = schema.items && depth < 3 ? nearValue(schema.items, depth + 1) : anyValue;
      return withNull(fc.array(items, { maxLength: 5 }));
    }
    case 'object': {
      if (depth >= 3 || !schema.properties) return withNull(fc.dictionary(anyString, anyValue, { maxKeys: 3 }));
      return withNull(objectFor(schema, depth + 1));
    }
    default:
      return withNull(stringFor(schema));
  }
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [anyString];
  if (schema.pattern) {
    try {
      options.push(fc.stringMatching(new RegExp(schema.pattern)));
    } catch {
      // a pattern fast-check cannot generate from: the other shapes still cover the field
    }
  }
  if (schema.format === 'date') options.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  if (schema.format === 'date-time') options.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 50, 200);
  options.push(fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, max) }));
  if (schema.maxLength) options.push(fc.constant('长'.repeat(schema.maxLength + 1)));
  return fc.oneof(...options);
}

/** An object with the schema's properties (each present or not), sometimes with an extra hostile key. */
export function objectFor(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const fields = Object.fromEntries(props.map(([k, s]) => [k, valueFor(s, depth)]));
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: props.filter(([k]) => required.has(k)).map(([k]) => k) }),
      fc.option(fc.tuple(anyString, anyValue), { freq: 4 }),
    )
    .map(([obj, extra]) => (extra ? { ...obj, [extra[0]]: extra[1] } : obj));
}
