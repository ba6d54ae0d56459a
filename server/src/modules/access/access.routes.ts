import {
  grantInput,
  grantRevokeInput,
  grantsQuery,
  PERMISSIONS,
  ROLE_LABELS,
  ROLE_NAMES,
  ROLE_PERMISSIONS,
} from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import type { App, Context } from '../../core/module';
import { offsetOf, pageQuery } from '../../core/paging';
import { MAX_EXPORT_ROWS, sendListXlsx } from '../../core/xlsx';
import * as service from './access.service';
import { renewBatchInput, renewMany, revokeBatchInput, revokeMany } from './grants.batch';
import { listRoleHolders, ROLE_HOLDER_COLUMNS, roleHoldersQuery } from './role-holders';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['角色与权限'];

export function accessRoutes(app: App, ctx: Context) {
  app.get('/api/roles', { schema: { tags, summary: '角色及其权限（说明用）' } }, async (request) => {
    requireActor(request);
    return {
      items: ROLE_NAMES.map((role) => ({
        role,
        label: ROLE_LABELS[role],
        permissions: ROLE_PERMISSIONS[role].map((p) => ({ permission: p, label: PERMISSIONS[p] })),
      })),
    };
  });

  app.get(
    '/api/grants',
    { schema: { tags, summary: '角色授权列表（某组织及其下级，或某人）', querystring: grantsQuery } },
    async (request) => ({
      items: await service.listGrants(ctx, requireActor(request), request.query),
    }),
  );
  app.get(
    '/api/grants/grantable',
    {
      schema: {
        tags,
        summary: '我可以在该组织授予的角色',
        querystring: z.object({ unitId: z.coerce.number().int().positive() }),
      },
    },
    async (request) => ({ items: await service.grantableOn(ctx, requireActor(request), request.query.unitId) }),
  );
  app.post('/api/grants', { schema: { tags, summary: '授予角色', body: grantInput } }, async (request, reply) =>
    reply.code(201).send(await service.createGrant(ctx, requireActor(request), request.body)),
  );
  app.post(
    '/api/grants/:id/revoke',
    { schema: { tags, summary: '收回角色', params: idParams, body: grantRevokeInput } },
    async (request) => service.revokeGrant(ctx, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/grants/revoke-batch',
    { schema: { tags, summary: '批量收回角色（全部成功或全部不变）', body: revokeBatchInput } },
    async (request) => revokeMany(ctx, requireActor(request), request.body),
  );
  app.post(
    '/api/grants/renew-batch',
    { schema: { tags, summary: '批量续任：到期后按新的结束日期再授予同一角色', body: renewBatchInput } },
    async (request) => renewMany(ctx, requireActor(request), request.body),
  );

  app.get(
    '/api/role-holders',
    {
      schema: {
        tags,
        summary: '角色持有人（按角色、组织；可只看即将到期的）',
        querystring: pageQuery.extend(roleHoldersQuery.shape),
      },
    },
    async (request) => {
      const q = request.query;
      const { items, total } = await listRoleHolders(ctx.db, requireActor(request), q, {
        limit: q.pageSize,
        offset: offsetOf(q),
      });
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  );
  app.get(
    '/api/role-holders.xlsx',
    { schema: { tags, summary: '导出角色持有人（与列表相同的筛选）', querystring: roleHoldersQuery } },
    async (request, reply) => {
      const { items } = await listRoleHolders(ctx.db, requireActor(request), request.query, {
        limit: MAX_EXPORT_ROWS,
        offset: 0,
      });
      const day = new Date().toISOString().slice(0, 10);
      return sendListXlsx(reply, {
        sheet: '角色持有人',
        fileName: `角色持有人_${day}.xlsx`,
        asciiName: `role-holders-${day}.xlsx`,
        columns: ROLE_HOLDER_COLUMNS,
        rows: items,
      });
    },
  );

  app.get(
    '/api/access/explain',
    {
      schema: {
        tags,
        summary: '此人能看什么、能做什么，以及为什么',
        querystring: z.object({ personId: z.coerce.number().int().positive() }),
      },
    },
    async (request) => service.explain(ctx, requireActor(request), request.query.personId),
  );
}
