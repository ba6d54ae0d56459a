import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** One error shape everywhere: { error: { code, message, details } }, messages in Chinese. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

export const notFound = (what = '记录') => new AppError(404, 'NOT_FOUND', `${what}不存在或不在您的管理范围内`);
export const unauthorized = () => new AppError(401, 'UNAUTHENTICATED', '请先登录');
export const forbidden = (message = '您没有执行此操作的权限') => new AppError(403, 'FORBIDDEN', message);
/** A refused state change: the code names the reason so clients can act on it. */
export const conflict = (code: string, message: string, details: unknown = null) =>
  new AppError(409, code, message, details);
export const badRequest = (field: string, message: string) =>
  new AppError(400, 'VALIDATION', `${field}：${message}`, [{ path: field, message }]);

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: (string | number)[]; message?: string } };
}

function validationDetails(error: FastifyError, context: string) {
  return ((error.validation ?? []) as ValidationIssue[]).map((v) => {
    const issuePath = v.params?.issue?.path;
    const path = issuePath?.length
      ? issuePath.join('.')
      : (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    return { path: path || context, in: context, message: v.params?.issue?.message ?? v.message ?? '格式不正确' };
  });
}

// PostgreSQL errors that bad input can still reach past validation; each gets a clear client answer.
const PG_ERRORS: Record<string, (e: { detail?: string; constraint?: string }) => AppError> = {
  '23505': (e) => conflict('DUPLICATE', '记录重复：已存在相同的编号或名称', { constraint: e.constraint }),
  '23503': (e) => conflict('REFERENCED', '关联的记录不存在或仍被引用', { constraint: e.constraint }),
  '22P02': () => new AppError(400, 'VALIDATION', '输入格式不正确'),
  '22003': () => new AppError(400, 'VALIDATION', '数值超出范围'),
  '22007': () => new AppError(400, 'VALIDATION', '日期格式不正确'),
  '22008': () => new AppError(400, 'VALIDATION', '日期超出范围'),
  '22009': () => new AppError(400, 'VALIDATION', '日期时间的时区不正确'),
  '22001': () => new AppError(400, 'VALIDATION', '文字过长'),
  // Text the input guard (core/input-guard.ts) should already have refused; kept as a second line.
  '22021': () => new AppError(400, 'VALIDATION', '文字中含有无法保存的字符'),
  '22P05': () => new AppError(400, 'VALIDATION', '文字中含有无法保存的字符'),
  '22025': () => new AppError(400, 'VALIDATION', '搜索词中的转义字符不正确'),
  '22019': () => new AppError(400, 'VALIDATION', '搜索词中的转义字符不正确'),
  '2201B': () => new AppError(400, 'VALIDATION', '匹配规则不正确'),
  // Program limits (an index entry or a value too large, a statement too deeply nested) are input too big.
  '54000': () => new AppError(400, 'VALIDATION', '输入过长或过大，无法保存'),
  '54001': () => new AppError(400, 'VALIDATION', '输入嵌套过深或过于复杂'),
  '54023': () => new AppError(400, 'VALIDATION', '输入的项目过多'),
};

const PG_DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

/** The client-facing error for anything bad input can cause (our own refusals, PostgreSQL input errors, 4xx). */
export function knownError(error: FastifyError): AppError | null {
  if (error instanceof AppError) return error;
  const pgCode = (error as { code?: string }).code;
  if (pgCode && PG_ERRORS[pgCode]) return PG_ERRORS[pgCode](error as never);
  // Any other PostgreSQL "data exception" (class 22) comes from a value the query was given: still the input.
  if (pgCode && PG_DATA_EXCEPTION.test(pgCode) && 'severity' in error)
    return new AppError(400, 'VALIDATION', '输入的数据格式不正确', { sqlState: pgCode });
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const message =
      error.statusCode === 413 ? '上传的内容过大' : error.statusCode === 415 ? '不支持的内容类型' : '请求格式不正确';
    return new AppError(error.statusCode, error.code ?? 'BAD_REQUEST', message);
  }
  return null;
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = validationDetails(error, error.validationContext ?? 'body');
    const first = details[0];
    return reply.code(400).send({
      error: { code: 'VALIDATION', message: first ? `${first.path}：${first.message}` : '输入有误', details },
    });
  }
  const known = knownError(error);
  // A data exception without its own entry above is kept in the log: it may point at a check a route lacks.
  if (known?.details && (known.details as { sqlState?: string }).sqlState) request.log.warn(error);
  if (known) {
    return reply
      .code(known.status)
      .send({ error: { code: known.code, message: known.message, details: known.details } });
  }
  request.log.error(error);
  return reply.code(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试', details: null } });
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  reply
    .code(404)
    .send({ error: { code: 'NOT_FOUND', message: `没有这个地址：${request.method} ${request.url}`, details: null } });
}
