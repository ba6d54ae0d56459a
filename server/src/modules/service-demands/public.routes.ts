import { boardQuery, publicDemandInput, rateInput } from '@pioneer/domain';
import { z } from 'zod';
import { notFound } from '../../core/errors';
import type { App, Context } from '../../core/module';
import { boardCampuses, boardPage } from './board.service';
import { listCategories } from './categories.service';
import { presentForRequester } from './demands.present';
import * as repo from './demands.repository';
import { createPublicDemand } from './intake.service';
import { demandForLink, rateByCode, rateByLink } from './rating.service';

const tags = ['服务需求（公开）'];
const codeParams = z.object({
  trackingCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^XQ[2-9A-HJ-NP-Z]{10}$/, '查询码格式不正确'),
});
const tokenParams = z.object({ token: z.string().max(100) });

/** No sign-in: the public board, the resident's form, following a need by its tracking code, rating it. */
export function publicRoutes(app: App, ctx: Context) {
  app.get(
    '/api/public/demand-categories',
    { schema: { tags, summary: '可选的需求类别与校区（公示栏筛选用）' } },
    async () => ({
      items: (await listCategories(ctx.db, { activeOnly: true })).map((c) => ({
        id: c.id,
        name: c.name,
        group: c.group,
        description: c.description,
      })),
      campuses: await boardCampuses(ctx.db),
    }),
  );

  app.get(
    '/api/public/board',
    {
      schema: {
        tags,
        summary: '需求公示栏：已发布、服务中和已完成的需求（每页20条，不含需求人信息）',
        querystring: boardQuery,
      },
    },
    async (request) => boardPage(ctx.db, request.query),
  );

  app.post(
    '/api/public/demands',
    { schema: { tags, summary: '居民、群众提交需求（无需登录，按 IP 限流），返回查询码', body: publicDemandInput } },
    async (request, reply) => {
      const created = await createPublicDemand(ctx, request.ip, request.body);
      return reply.code(201).send({ id: created.id, trackingCode: created.trackingCode });
    },
  );

  app.get(
    '/api/public/demands/:trackingCode',
    { schema: { tags, summary: '凭查询码查看需求进度', params: codeParams } },
    async (request) => {
      const row = await repo.findDemandByCode(ctx.db, request.params.trackingCode);
      if (!row) throw notFound('服务需求');
      return { ...presentForRequester(row), timeline: await repo.timeline(ctx.db, row.id, false) };
    },
  );

  app.post(
    '/api/public/demands/:trackingCode/rate',
    { schema: { tags, summary: '凭查询码评价', params: codeParams, body: rateInput } },
    async (request) => rateByCode(ctx, request.ip, request.params.trackingCode, request.body),
  );

  app.get(
    '/api/public/rate-links/:token',
    { schema: { tags, summary: '评价链接对应的需求', params: tokenParams } },
    async (request) => {
      const { row, round } = await demandForLink(ctx.db, request.params.token);
      return { ...presentForRequester(row), canRate: row.state === 'completed' && round === row.round };
    },
  );

  app.post(
    '/api/public/rate-links/:token',
    { schema: { tags, summary: '凭评价链接评价（链接由服务器签名）', params: tokenParams, body: rateInput } },
    async (request) => rateByLink(ctx, request.ip, request.params.token, request.body),
  );
}
