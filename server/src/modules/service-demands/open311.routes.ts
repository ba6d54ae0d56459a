import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { refuseBadText } from '../../core/input-guard';
import type { App, Context } from '../../core/module';
import { open311ClientRoutes } from './open311.clients.routes';
import { Open311Error, open311ErrorHandler, open311NotFound } from './open311.errors';
import { type DocumentKind, FORMATS, type Format, MIME, render } from './open311.format';
import { listQuery, pathText, possibleId, postBody, readQuery } from './open311.input';
import * as open311 from './open311.service';

const tags = ['Open311 GeoReport v2'];
const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';

/**
 * Some clients post the spec's form as multipart/form-data: its text fields become the body. Files are refused —
 * GeoReport v2 takes media as a `media_url` — after being drained, so the upload never stalls.
 */
async function multipartFields(request: FastifyRequest) {
  if (!request.isMultipart()) return;
  const fields: Record<string, string> = {};
  let files = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        files += 1;
        part.file.resume();
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    // Limits (413) keep their status; a malformed form (no or wrong boundary, cut short) is bad input.
    if (((error as { statusCode?: number }).statusCode ?? 500) < 500) throw error;
    throw new Open311Error(400, 'body：multipart 表单格式不正确');
  }
  if (files > 0) throw new Open311Error(400, 'media：不接受上传文件，请以 media_url 提供图片网址');
  // The app's input guard ran before these fields existed: hold them to the same rule.
  for (const [name, value] of Object.entries(fields)) refuseBadText(value, name);
  request.body = fields;
}

const send = (reply: FastifyReply, kind: DocumentKind, format: Format, doc: unknown) => {
  const { type, body } = render(kind, format, doc);
  return reply.type(type).send(body);
};

/**
 * Open311 GeoReport v2 and its Service Discovery under /open311, so municipal and community systems can feed needs
 * in. Every resource in XML (the spec's required format) and JSON, named by its suffix; field names, status values
 * and the error list follow the spec. docs/open311.md describes the mapping; open311.conformance.test.ts checks it.
 */
export function open311Routes(app: App, ctx: Context) {
  // Its own plugin, so the /open311 prefix has its own error and not-found answers (the spec's error list).
  app.register(
    async (api: App) => {
      api.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });
      api.setErrorHandler(open311ErrorHandler);
      api.setNotFoundHandler(open311NotFound);
      for (const format of FORMATS) georeport(api, ctx, format);
    },
    { prefix: '/open311' },
  );
  open311ClientRoutes(app, ctx);
}

function georeport(api: App, ctx: Context, format: Format) {
  const suffix = `（${format.toUpperCase()}）`;

  api.get(`/discovery.${format}`, { schema: { tags, summary: `服务发现${suffix}` } }, async (request, reply) => {
    const changeset = await open311.changeset(ctx.db);
    return send(reply, 'discovery', format, {
      changeset,
      contact: '党委组织部（校地合作处受理服务需求）',
      key_service: '向党委组织部申请 api_key（可选；无 api_key 时每个地址每小时可提交 10 条）',
      endpoints: [
        {
          specification: GEOREPORT_V2,
          url: `${ctx.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`}/open311/v2`,
          changeset,
          type: 'production',
          formats: [MIME.xml, MIME.json],
        },
      ],
    });
  });

  api.get(
    `/v2/services.${format}`,
    { schema: { tags, summary: `服务类型（需求类别）${suffix}`, querystring: readQuery } },
    async (_request, reply) => send(reply, 'services', format, await open311.services(ctx.db)),
  );

  api.get(
    `/v2/services/:service_code.${format}`,
    {
      schema: {
        tags,
        summary: `服务定义（本平台的类别没有附加属性）${suffix}`,
        params: z.object({ service_code: pathText }),
        querystring: readQuery,
      },
    },
    async (request, reply) =>
      send(reply, 'service_definition', format, await open311.serviceDefinition(ctx.db, request.params.service_code)),
  );

  api.post(
    `/v2/requests.${format}`,
    {
      schema: { tags, summary: `提交服务请求（表单、multipart 表单或 JSON）${suffix}`, body: postBody },
      preValidation: multipartFields,
    },
    async (request, reply) =>
      send(reply, 'requests', format, await open311.createRequest(ctx, request.ip, request.body)),
  );

  api.get(
    `/v2/requests.${format}`,
    { schema: { tags, summary: `查询服务请求（默认最近90天，最多1000条）${suffix}`, querystring: listQuery } },
    async (request, reply) => {
      const q = request.query;
      const found = await open311.findRequests(ctx.db, {
        ids: q.service_request_id,
        codes: q.service_code,
        start: q.start_date,
        end: q.end_date,
        statuses: q.status,
      });
      return send(reply, 'requests', format, found);
    },
  );

  api.get(
    `/v2/requests/:service_request_id.${format}`,
    {
      schema: {
        tags,
        summary: `查询单个服务请求${suffix}`,
        params: z.object({ service_request_id: pathText }),
        querystring: readQuery,
      },
    },
    async (request, reply) => {
      const id = request.params.service_request_id;
      // An id that cannot exist (not a number, too long) is as unknown as one that does not.
      const found = possibleId(id) ? await open311.findRequests(ctx.db, { ids: [id] }) : [];
      if (found.length === 0) throw new Open311Error(404, `服务请求不存在：${id.slice(0, 60)}`);
      return send(reply, 'requests', format, found);
    },
  );

  api.get(
    `/v2/tokens/:token.${format}`,
    {
      schema: {
        tags,
        summary: `由 token 查询 service_request_id（本平台不签发 token）${suffix}`,
        params: z.object({ token: pathText }),
        querystring: readQuery,
      },
    },
    async (request) => {
      // Every request is created at once and answered with its service_request_id, so no token ever exists.
      throw new Open311Error(
        404,
        `token 不存在：${request.params.token.slice(0, 60)}（本平台提交时即返回 service_request_id，不签发 token）`,
      );
    },
  );
}
