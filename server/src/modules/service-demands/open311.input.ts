import { z } from 'zod';

/**
 * The arguments of the GeoReport v2 methods. The spec treats an empty argument as a missing one (`lat=&long=`,
 * `email=`, `start_date=`), so `withoutBlanks` drops those before the schemas look.
 */

/** Drops arguments that are empty, blank or null: they count as not given. */
export function withoutBlanks(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  return Object.fromEntries(
    Object.entries(input as Record<string, unknown>).filter(
      ([, v]) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === ''),
    ),
  );
}

// PostgreSQL cannot store U+0000 or a lone surrogate; refuse them as bad input (400), never a database error.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (s: string) => !s.includes('\u0000') && !LONE_SURROGATE.test(s);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => storable(s), '含有无法保存的字符');
const opt = (max: number) => text(max).optional();

/** W3C date-time (a profile of ISO 8601): minutes required, seconds and fractions optional, zone required. */
const W3C = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** The instant a W3C date-time names, as an ISO string; null when it is not one or names no real day. */
export function parseW3cDateTime(s: string): string | null {
  const m = W3C.exec(s);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  const daysInMonth = new Date(Date.UTC(year as number, month as number, 0)).getUTCDate();
  const zoneOk = m[8] === 'Z' || (Number(m[9]) <= 14 && Number(m[10]) <= 59);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59)) return null;
  if (second > 59 || !zoneOk) return null;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${m[8]}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const w3cDateTime = z.string().transform((s, c) => {
  const iso = parseW3cDateTime(s.trim());
  if (iso) return iso;
  c.addIssue({ code: 'custom', message: '须为带时区的 W3C 日期时间，如 2026-11-20T08:00+08:00' });
  return z.NEVER;
});

/** A comma-delimited list; a repeated argument (`status=open&status=closed`) counts the same. */
const csv = z
  .union([z.string(), z.array(z.string())])
  .refine((v) => storable(String(v)), '含有无法保存的字符')
  .transform((v) =>
    (Array.isArray(v) ? v.join(',') : v)
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

/** A path segment: any text we can store is looked up (an unknown one is a 404). */
export const pathText = z.string().refine((s) => storable(s), '含有无法保存的字符');

/** service_request_id: a positive 32-bit integer; any other id cannot exist. */
export const INT_MAX = 2_147_483_647;
export const possibleId = (s: string) => /^\d{1,10}$/.test(s) && Number(s) >= 1 && Number(s) <= INT_MAX;
/** Our category codes (domain demandCategoryInput); any other service_code cannot exist. */
export const possibleCode = (s: string) => /^[a-z0-9-]{1,40}$/.test(s);

const number = (name: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${name} 须为数字` })
    .refine(Number.isFinite, `${name} 须为数字`)
    .pipe(z.number().min(min, `${name} 须在 ${min} 到 ${max} 之间`).max(max, `${name} 须在 ${min} 到 ${max} 之间`));

export const postBody = z.preprocess(
  withoutBlanks,
  z
    .object({
      jurisdiction_id: opt(100),
      service_code: text(200).pipe(z.string().min(1, '缺少 service_code')),
      lat: number('lat', -90, 90).optional(),
      long: number('long', -180, 180).optional(),
      address_string: opt(200),
      address_id: opt(100),
      zipcode: opt(20),
      email: z.email('email 格式不正确').max(200).optional(),
      device_id: opt(100),
      account_id: opt(100),
      first_name: opt(50),
      last_name: opt(50),
      phone: opt(30),
      description: opt(4000),
      media_url: text(500)
        .pipe(z.string().regex(/^https?:\/\/\S+$/i, 'media_url 须为 http(s) 网址'))
        .optional(),
      api_key: opt(200),
    })
    .superRefine((b, c) => {
      if ((b.lat === undefined) !== (b.long === undefined)) {
        const missing = b.lat === undefined ? 'lat' : 'long';
        c.addIssue({ code: 'custom', path: [missing], message: 'lat 与 long 须同时提供' });
      }
    }),
);
export type PostBody = z.infer<typeof postBody>;

export const listQuery = z.preprocess(
  withoutBlanks,
  z.object({
    service_request_id: csv.optional(),
    service_code: csv.optional(),
    start_date: w3cDateTime.optional(),
    end_date: w3cDateTime.optional(),
    status: csv.pipe(z.array(z.enum(['open', 'closed'], 'status 只能是 open 或 closed'))).optional(),
    jurisdiction_id: opt(100),
  }),
);

/** Read-only methods take only jurisdiction_id (accepted and ignored: one jurisdiction per server). */
export const readQuery = z.preprocess(withoutBlanks, z.object({ jurisdiction_id: opt(100) }));
