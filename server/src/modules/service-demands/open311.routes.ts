import type { FastifyError, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import { knownError } from '../../core/errors';
import type { App, Context } from '../../core/module';
import * as open311 from './open311.service';

const tags = ['Open311 GeoReport v2'];
const opt = (max: number) => z.string().trim().max(max).optional();
const csv = z
  .string()
  .optional()
  .transform((s) =>
    s
      ? s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : undefined,
  );
const when = z.iso.datetime({ offset: true, message: '须为带时区的 ISO 8601 时间' }).optional();

const postBody = z.object({
  jurisdiction_id: opt(100),
  service_code: z.string().trim().min(1, '缺少 service_code').max(40),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
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
  media_url: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/\S+$/i, 'media_url 须为 http(s) 网址')
    .optional(),
  api_key: opt(200),
});

function open311Errors(error: FastifyError, _request: unknown, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const list = error.validation.map((v) => {
      const issue = (v.params as { issue?: { path?: (string | number)[]; message?: string } }).issue;
      return {
        code: 400,
        description: `${issue?.path?.join('.') || v.instancePath || 'request'}：${issue?.message ?? v.message}`,
      };
    });
    return reply.code(400).send(list);
  }
  const known = knownError(error);
  if (known) return reply.code(known.status).send([{ code: known.status, description: known.message }]);
  reply.log.error(error);
  return reply.code(500).send([{ code: 500, description: '服务器内部错误' }]);
}

/**
 * Open311 GeoReport v2 (JSON only) under /open311/v2, so municipal and community systems can feed needs in.
 * Field names, status values and the error list follow the spec; docs/open311.md describes the mapping.
 */
export function open311Routes(app: App, ctx: Context) {
  app.register(async (api: App) => {
    api.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    api.setErrorHandler(open311Errors);

    api.get('/open311/discovery.json', { schema: { tags, summary: '服务发现' } }, async (request) => ({
      changeset: '2026-01-01T00:00:00+08:00',
      contact: '党委组织部',
      key_service: '向党委组织部申请 api_key（可选）',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${ctx.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`}/open311/v2`,
          changeset: '2026-01-01T00:00:00+08:00',
          type: 'production',
          formats: ['application/json'],
        },
      ],
    }));

    api.get('/open311/v2/services.json', { schema: { tags, summary: '服务类型（需求类别）' } }, async () =>
      open311.services(ctx.db),
    );

    api.get(
      '/open311/v2/services/:code.json',
      {
        schema: {
          tags,
          summary: '服务定义（本平台的类别没有附加属性）',
          params: z.object({ code: z.string().max(40) }),
        },
      },
      async (request) => {
        const found = (await open311.services(ctx.db)).find((s) => s.service_code === request.params.code);
        if (!found) throw new open311.Open311Error(404, `service_code 不存在：${request.params.code}`);
        return { service_code: found.service_code, attributes: [] };
      },
    );

    api.post(
      '/open311/v2/requests.json',
      { schema: { tags, summary: '提交服务请求（表单或 JSON）', body: postBody } },
      async (request) => open311.createRequest(ctx, request.ip, request.body),
    );

    api.get(
      '/open311/v2/requests.json',
      {
        schema: {
          tags,
          summary: '查询服务请求（默认最近90天，最多1000条）',
          querystring: z.object({
            service_request_id: z
              .string()
              .regex(/^\d{1,9}(,\d{1,9})*$/, 'service_request_id 须为以逗号分隔的编号')
              .optional()
              .transform((s) => s?.split(',').map(Number)),
            service_code: csv,
            start_date: when,
            end_date: when,
            status: csv.pipe(z.array(z.enum(['open', 'closed'])).optional()),
            jurisdiction_id: opt(100),
          }),
        },
      },
      async (request) => {
        const q = request.query;
        return open311.findRequests(ctx.db, {
          ids: q.service_request_id,
          codes: q.service_code,
          start: q.start_date,
          end: q.end_date,
          statuses: q.status,
        });
      },
    );

    api.get(
      '/open311/v2/requests/:id.json',
      {
        schema: {
          tags,
          summary: '查询单个服务请求',
          params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
        },
      },
      async (request) => {
        const found = await open311.findRequests(ctx.db, { ids: [request.params.id] });
        if (found.length === 0) throw new open311.Open311Error(404, `服务请求不存在：${request.params.id}`);
        return found;
      },
    );
  });

  const clientTags = ['Open311 接入方'];
  app.get(
    '/api/open311-clients',
    { schema: { tags: clientTags, summary: 'Open311 接入方（api_key 仅在创建时显示一次）' } },
    async (request) => ({
      items: await open311.listClients(ctx, requireActor(request)),
    }),
  );
  app.post(
    '/api/open311-clients',
    {
      schema: {
        tags: clientTags,
        summary: '新增接入方并生成 api_key',
        body: z.object({ name: z.string().trim().min(1, '请填写名称').max(100) }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await open311.createClient(ctx, requireActor(request), request.body.name)),
  );
  app.post(
    '/api/open311-clients/:id/revoke',
    {
      schema: {
        tags: clientTags,
        summary: '停用接入方的 api_key',
        params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
      },
    },
    async (request) => open311.revokeClient(ctx, requireActor(request), request.params.id),
  );
}
