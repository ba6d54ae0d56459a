import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import type { App, Context } from '../../core/module';
import * as service from './notifications.service';

const tags = ['通知中心'];

export function notificationRoutes(app: App, ctx: Context) {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: '我的通知（最新在前）与未读数',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(30),
          unreadOnly: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .default(false),
        }),
      },
    },
    async (request) => service.listFor(ctx.db, requireActor(request), request.query),
  );
  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, summary: '标记一条通知为已读', params: z.object({ id: z.coerce.number().int().positive() }) } },
    async (request) => service.markRead(ctx.db, requireActor(request), request.params.id),
  );
  app.post('/api/notifications/read-all', { schema: { tags, summary: '全部标记为已读' } }, async (request) =>
    service.markAllRead(ctx.db, requireActor(request)),
  );
}
