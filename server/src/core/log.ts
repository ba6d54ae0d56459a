import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Config } from '../config';

/**
 * Log lines must not carry personal data. Two layers:
 * 1. pino's redaction censors fields known to be personal or secret wherever they appear (three levels deep);
 * 2. errors are serialized by `serializeError`, which keeps what identifies a failure (code, statement,
 *    table, constraint) and drops what carries values: a failed query's parameters, its `detail`
 *    ("Key (id_number)=(…)"), and values quoted in its message.
 */
const PERSONAL_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'idNumber',
  'id_number',
  'phone',
  'mobile',
  'contactPhone',
  'contact_phone',
  'email',
  'csrfToken',
  'csrf_token',
  'token',
  'cookie',
  'authorization',
  'params',
  'parameters',
  '"set-cookie"',
  '"x-csrf-token"',
];

export const REDACTED = '[已隐藏]';

export const REDACT_PATHS = PERSONAL_FIELDS.flatMap((f) => {
  const key = f.startsWith('"') ? `[${f}]` : `.${f}`;
  return [key.startsWith('.') ? f : key, `*${key}`, `*.*${key}`];
});

// 7+ digits in a row (phone numbers, ID numbers with an optional X check digit, bank cards) are masked in
// free text: URLs, error messages. Record ids and counts are shorter.
const LONG_NUMBER = /(?<![\dA-Za-z])\d{7,}[\dXx]?(?![\dA-Za-z])/g;

export function scrubText(text: string): string {
  return text.replace(LONG_NUMBER, REDACTED);
}

/** A request's URL with long numbers masked: `/api/people?q=13912345678` must not reach a log. */
export function scrubUrl(url: string): string {
  return scrubText(url);
}

interface DatabaseErrorLike {
  name?: string;
  message: string;
  code: string;
  severity?: string;
  query?: string;
  table?: string;
  column?: string;
  constraint?: string;
  schema?: string;
  dataType?: string;
  routine?: string;
}

const isDatabaseError = (err: unknown): err is DatabaseErrorLike =>
  typeof err === 'object' &&
  err !== null &&
  typeof (err as { code?: unknown }).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((err as { code: string }).code) &&
  'severity' in err;

/** "insert person", "update account", "select org_unit": what the statement did, from its (parameterized) text. */
export function statementName(query: string | undefined): string | undefined {
  if (!query) return undefined;
  const q = query.replace(/\s+/g, ' ').trim();
  const write = /^(?:with .*?\) )?(insert into|update|delete from|merge into) "?([\w.]+)"?/i.exec(q);
  if (write) return `${write[1].split(' ')[0].toLowerCase()} ${write[2]}`;
  const read = /^(?:with .*?\) )?select .*? from "?([\w.]+)"?/i.exec(q);
  if (read) return `select ${read[1]}`;
  return q.split(' ')[0]?.toLowerCase();
}

function serializeDatabaseError(err: DatabaseErrorLike) {
  // Quoted words in PostgreSQL's messages are either identifiers (kept) or input values (dropped).
  const names = new Set([err.table, err.column, err.constraint, err.schema, err.dataType].filter(Boolean));
  const message = scrubText(
    err.message.replace(/"([^"]*)"/g, (all, word) => (names.has(word) ? all : `"${REDACTED}"`)),
  );
  return {
    type: 'DatabaseError',
    code: err.code,
    message,
    statement: statementName(err.query),
    table: err.table,
    column: err.column,
    constraint: err.constraint,
    routine: err.routine,
  };
}

/** pino's `err` serializer: type, code, message and stack for errors; database errors without their values. */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error) && !isDatabaseError(err)) return err;
  if (isDatabaseError(err)) return { ...serializeDatabaseError(err), stack: stackFrames(err) };
  const e = err as Error & { code?: unknown; statusCode?: unknown; cause?: unknown };
  return {
    type: e.constructor?.name ?? e.name,
    message: scrubText(e.message),
    code: typeof e.code === 'string' ? e.code : undefined,
    statusCode: typeof e.statusCode === 'number' ? e.statusCode : undefined,
    stack: stackFrames(e),
    cause: e.cause !== undefined && depth < 3 ? serializeError(e.cause, depth + 1) : undefined,
  };
}

// The stack's first line repeats the message (with its values); the frames alone locate the failure.
function stackFrames(err: unknown): string | undefined {
  const stack = (err as { stack?: unknown }).stack;
  if (typeof stack !== 'string') return undefined;
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  // Anything else logged under `req` (a plain object) goes through redaction as it is.
  if (typeof request?.url !== 'string' || typeof request.method !== 'string') {
    return request as unknown as Record<string, unknown>;
  }
  return {
    method: request.method,
    url: scrubUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** The message of a log line: pino would otherwise copy a logged error's raw message (values and all) into `msg`. */
function safeMessage(err: unknown): string {
  const serialized = serializeError(err) as { message?: string };
  return serialized.message ?? '';
}

type LogMethod = (...args: unknown[]) => void;
function logMethod(this: unknown, args: unknown[], method: LogMethod) {
  const [first, ...rest] = args;
  if (first instanceof Error || isDatabaseError(first)) {
    const message = typeof rest[0] === 'string' ? scrubText(rest.shift() as string) : safeMessage(first);
    return method.apply(this, [first, message, ...rest]);
  }
  if (typeof first === 'string') return method.apply(this, [scrubText(first), ...rest]);
  if (typeof rest[0] === 'string') return method.apply(this, [first, scrubText(rest[0]), ...rest.slice(1)]);
  return method.apply(this, args);
}

/** The Fastify `logger` options: level, redaction, and the serializers above; `stream` lets a test read the log. */
export function loggerOptions(
  config: Pick<Config, 'LOG_LEVEL'>,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  // pino's types want an err serializer to return its own shape; ours returns a subset on purpose.
  const errSerializer = serializeError as (err: Error) => { type: string; message: string; stack: string };
  return {
    level: config.LOG_LEVEL,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: { err: errSerializer, error: errSerializer, req: serializeRequest },
    hooks: { logMethod },
    ...(stream ? { stream } : {}),
  };
}
