import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import type { App, Context } from '../../core/module';
import * as open311 from './open311.service';

const tags = ['Open311 接入方'];

/** API keys for municipal and community systems, managed by the organization department (app's error shape). */
export function open311ClientRoutes(app: App, ctx: Context) {
  app.get(
    '/api/open311-clients',
    { schema: { tags, summary: 'Open311 接入方（api_key 仅在创建时显示一次）' } },
    async (request) => ({
      items: await open311.listClients(ctx, requireActor(request)),
    }),
  );
  app.post(
    '/api/open311-clients',
    {
      schema: {
        tags,
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
        tags,
        summary: '停用接入方的 api_key',
        params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
      },
    },
    async (request) => open311.revokeClient(ctx, requireActor(request), request.params.id),
  );
}
