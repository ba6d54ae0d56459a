import { claimConfirmInput, claimServedInput, communityPostInput, dualReportInput } from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import type { App, Context } from '../../core/module';
import { hit } from '../../core/rate-limit';
import { postAbilities } from './dual-report.policy';
import * as repo from './dual-report.repository';
import * as service from './dual-report.service';
import { shanghaiDate, tooManyAttempts, unitForAction } from './shared';

const tags = ['双报到'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

export function dualReportRoutes(app: App, ctx: Context) {
  app.get('/api/volunteer/communities', { schema: { tags, summary: '可报到的社区（村）' } }, async (request) => {
    requireActor(request);
    return { items: await repo.communities(ctx.db) };
  });
  app.get('/api/volunteer/my/dual-report', { schema: { tags, summary: '我的报到单与认领' } }, async (request) => {
    const actor = requireActor(request);
    const [report, claims] = await Promise.all([
      repo.activeReport(ctx.db, actor.personId),
      repo.myClaims(ctx.db, actor.personId),
    ]);
    return { report: report ?? null, claims };
  });
  app.post(
    '/api/volunteer/dual-reports',
    { schema: { tags, summary: '到居住地社区报到（迁居时重新报到）', body: dualReportInput } },
    async (request, reply) => reply.code(201).send(await service.report(ctx, requireActor(request), request.body)),
  );

  app.get(
    '/api/volunteer/community-posts',
    {
      schema: {
        tags,
        summary: '社区服务岗位',
        querystring: z.object({ partnerId: z.coerce.number().int().positive().optional() }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const [items, mine] = await Promise.all([
        repo.visiblePosts(ctx.db, actor, request.query.partnerId),
        repo.activeReport(ctx.db, actor.personId),
      ]);
      const today = shanghaiDate(Date.now());
      return {
        items: items.map(({ ownerPath, ...post }) => ({
          ...post,
          abilities: postAbilities(actor, { ...post, ownerPath }, mine?.partnerId ?? null, today),
        })),
      };
    },
  );
  app.post(
    '/api/volunteer/community-posts',
    { schema: { tags, summary: '发布社区服务岗位', body: communityPostInput } },
    async (request, reply) => reply.code(201).send(await service.createPost(ctx, requireActor(request), request.body)),
  );
  app.post(
    '/api/volunteer/community-posts/:id/close',
    { schema: { tags, summary: '关闭服务岗位（已有认领保留）', params: idParams } },
    async (request) => service.closePost(ctx, requireActor(request), request.params.id),
  );
  app.post(
    '/api/volunteer/community-posts/:id/claims',
    { schema: { tags, summary: '认领服务岗位', params: idParams } },
    async (request, reply) =>
      reply.code(201).send(await service.claimPost(ctx, requireActor(request), request.params.id)),
  );
  app.post(
    '/api/volunteer/claims/:id/served',
    { schema: { tags, summary: '填报服务情况，取得社区确认链接', params: idParams, body: claimServedInput } },
    async (request) =>
      service.reportServed(
        ctx,
        requireActor(request),
        request.params.id,
        request.body,
        ctx.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`,
      ),
  );

  app.get(
    '/api/volunteer/dual-reports/feedback',
    {
      schema: {
        tags,
        summary: '双报到季度反馈（党员所在支部）',
        querystring: z.object({
          unitId: z.coerce.number().int().positive(),
          year: z.coerce.number().int().min(2000).max(2100),
          quarter: z.coerce.number().int().min(1).max(4),
        }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { unitId, year, quarter } = request.query;
      const unit = await unitForAction(ctx.db, actor, unitId, 'volunteer.view');
      const from = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
      const to = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
      const items = await repo.quarterFeedback(ctx.db, actor, unit.path, from, to);
      return {
        unit: { id: unit.id, name: unit.name },
        period: { year, quarter, from, to },
        reported: items.filter((i) => i.communityName !== null).length,
        notReported: items.filter((i) => i.communityName === null).length,
        items,
      };
    },
  );

  const linkQuery = z.object({ sig: z.string().regex(/^[0-9a-f]{64}$/, '链接签名无效') });
  app.get(
    '/api/public/dual-report/claims/:id',
    { schema: { tags, summary: '社区确认页（签名链接，无需登录）', params: idParams, querystring: linkQuery } },
    async (request) => service.claimForLink(ctx.db, request.params.id, request.query.sig),
  );
  app.post(
    '/api/public/dual-report/claims/:id/confirm',
    { schema: { tags, summary: '社区确认服务（签名链接，无需登录）', params: idParams, body: claimConfirmInput } },
    async (request) => {
      if (!(await hit(ctx.db, `dual-report-confirm:${request.ip}`, 30, 60))) throw tooManyAttempts();
      return service.confirmClaim(ctx, request.params.id, request.body);
    },
  );
}
