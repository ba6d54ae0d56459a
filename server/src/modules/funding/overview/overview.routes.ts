import { z } from 'zod';
import { requireActor } from '../../../core/auth/auth.plugin';
import type { App, Context } from '../../../core/module';
import * as service from './overview.service';

const tags = ['经费保障'];
const query = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  unitId: z.coerce.number().int().positive().optional(),
});

export function overviewRoutes(app: App, ctx: Context) {
  app.get(
    '/api/funding/overview',
    { schema: { tags, summary: '各单位经费：收到、下拨、支出、待审批、余额、执行率、最低标准', querystring: query } },
    async (request) => service.overview(ctx, requireActor(request), request.query),
  );
  app.get(
    '/api/funding/compliance',
    { schema: { tags, summary: '达标检查：收到的经费低于最低标准的单位及差额', querystring: query } },
    async (request) => service.compliance(ctx, requireActor(request), request.query),
  );
}
