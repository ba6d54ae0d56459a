import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';
import type { App } from './module';

/**
 * The one input guard. Every route's path parameters, query string and parsed body pass through it before
 * validation (a `preValidation` hook on the root instance), and the upload reader runs multipart fields and
 * file names through `refuseBadText` too, so text the database cannot store is refused here, once, with a
 * 400 naming the field — instead of a 500 from deep inside whichever query meets it first.
 *
 * Refused, in any string and in any object key:
 * - U+0000: PostgreSQL text and jsonb cannot hold it (22021 / 22P05);
 * - the other C0 control characters except tab, line feed and carriage return: the database would keep
 *   them, but XML 1.0 cannot carry them, so every .xlsx export and the Open311 XML feed would break on them;
 * - lone UTF-16 surrogates: they cannot be encoded as UTF-8 (the driver would silently write U+FFFD, and
 *   jsonb refuses the `\ud800` escape);
 * - the non-characters U+FFFE and U+FFFF, for the same XML reason.
 * And JSON nested deeper than MAX_DEPTH levels (no form needs it; deep nesting only exhausts recursion).
 */
export const MAX_DEPTH = 32;

const BAD_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this guard's job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BAD_CHARS = new RegExp(BAD_CHAR.source, 'g');

export type InputPlace = 'body' | 'querystring' | 'params' | 'multipart';

export interface InputProblem {
  path: string;
  in: InputPlace;
  message: string;
}

const hex = (ch: string) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a character cannot be stored, in words a person can act on. */
function describe(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0) return '含有空字符（U+0000），无法保存，请删除后重试';
  if (code < 0x20) return `含有不可见的控制字符（${hex(ch)}），无法保存，请删除后重试`;
  if (code >= 0xd800 && code <= 0xdfff) return `含有不完整的 Unicode 字符（孤立代理项 ${hex(ch)}），无法保存`;
  return `含有无效的 Unicode 字符（${hex(ch)}），无法保存`;
}

/** The first character of `text` the platform cannot store, described; null when the text is fine. */
export function badTextReason(text: string): string | null {
  const found = BAD_CHAR.exec(text);
  return found ? describe(found[0]) : null;
}

/** A field name fit for a message: refused characters shown as \uXXXX, long names cut. */
const printable = (name: string) =>
  name.replace(BAD_CHARS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).slice(0, 100);

/**
 * The first problem in a parsed value: a refused character in a string or key, or nesting past MAX_DEPTH.
 * Walks iteratively, so a hostile payload cannot exhaust the stack of the guard itself.
 */
export function findBadInput(value: unknown, place: InputPlace): InputProblem | null {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length > 0) {
    const [v, path, depth] = stack.pop()!;
    const where = path || place;
    if (typeof v === 'string') {
      const reason = badTextReason(v);
      if (reason) return { path: where, in: place, message: reason };
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth >= MAX_DEPTH) return { path: where, in: place, message: `嵌套层数超过 ${MAX_DEPTH} 层` };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push([v[i], path ? `${path}.${i}` : String(i), depth + 1]);
      continue;
    }
    for (const key of Object.keys(v).reverse()) {
      const keyPath = path ? `${path}.${printable(key)}` : printable(key);
      const reason = badTextReason(key);
      if (reason) return { path: keyPath, in: place, message: `字段名${reason}` };
      stack.push([(v as Record<string, unknown>)[key], keyPath, depth + 1]);
    }
  }
  return null;
}

/** The 400 for a problem: `<field>：<why>`, with the field and where it came from in `details`. */
export const inputRefused = (problem: InputProblem) =>
  new AppError(400, 'VALIDATION', `${problem.path}：${problem.message}`, [problem]);

/** Throws the 400 when `value` (a multipart field, a file name…) holds text the platform cannot store. */
export function refuseBadText(value: unknown, path: string, place: InputPlace = 'multipart') {
  const problem = findBadInput(value, place);
  if (problem) throw inputRefused({ ...problem, path: problem.path === place ? path : `${path}.${problem.path}` });
}

export async function guardRequest(request: FastifyRequest) {
  const places: [InputPlace, unknown][] = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ];
  for (const [place, value] of places) {
    const problem = findBadInput(value, place);
    if (problem) throw inputRefused(problem);
  }
}

/** Registers the guard for every route (call before any route is added). */
export function registerInputGuard(app: App) {
  app.addHook('preValidation', guardRequest);
}
