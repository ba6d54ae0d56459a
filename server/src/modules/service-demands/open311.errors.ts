import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, knownError } from '../../core/errors';
import { formatOf, render } from './open311.format';

/**
 * Under /open311 every error — bad arguments, a bad key, an unknown request, an unknown path, a refusal from a
 * hook the whole app runs — is the GeoReport v2 error list (`[{code, description}]`, `<errors><error>…`) in the
 * format the path asks for, with the HTTP status as `code`.
 */
export class Open311Error extends AppError {
  constructor(status: number, description: string) {
    super(status, `OPEN311_${status}`, description);
  }
}

export interface Open311ErrorItem {
  code: number;
  description: string;
}

export function sendErrors(request: FastifyRequest, reply: FastifyReply, status: number, list: Open311ErrorItem[]) {
  const { type, body } = render('errors', formatOf(request.url, request.headers.accept), list);
  return reply.code(status).type(type).send(body);
}

interface Issue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: (string | number)[]; message?: string } };
}

export function open311ErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const list = (error.validation as Issue[]).map((v) => {
      const path = v.params?.issue?.path?.join('.') || v.instancePath?.replace(/^\//, '') || error.validationContext;
      return { code: 400, description: `${path}：${v.params?.issue?.message ?? v.message ?? '格式不正确'}` };
    });
    return sendErrors(request, reply, 400, list);
  }
  const known = knownError(error);
  if (known) return sendErrors(request, reply, known.status, [{ code: known.status, description: known.message }]);
  request.log.error(error);
  return sendErrors(request, reply, 500, [{ code: 500, description: '服务器内部错误，请稍后再试' }]);
}

export function open311NotFound(request: FastifyRequest, reply: FastifyReply) {
  const path = (request.url.split('?')[0] ?? '').slice(0, 200);
  return sendErrors(request, reply, 404, [
    { code: 404, description: `没有这个地址：${request.method} ${path}（资源须以 .xml 或 .json 结尾）` },
  ]);
}

export const isOpen311Url = (url: string) => /^\/open311(\/|\?|$)/.test(url);

/**
 * Fastify answers a malformed URL or an over-long path parameter before any route, plugin or hook runs (its
 * app-wide `frameworkErrors` option, set in app.ts); under /open311 these are the error list too. A parameter too
 * long for any route (a service_code or id of 100+ characters) names nothing that exists: 404.
 */
export function open311FrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendErrors(request, reply, 404, [{ code: 404, description: '没有这个资源：路径参数过长' }]);
  }
  return open311ErrorHandler(error, request, reply);
}
