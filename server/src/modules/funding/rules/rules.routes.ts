import { fundingRuleInput } from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../../core/auth/auth.plugin';
import type { App, Context } from '../../../core/module';
import * as service from './rules.service';

const tags = ['经费保障'];
const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export function ruleRoutes(app: App, ctx: Context) {
  app.get('/api/funding/rules', { schema: { tags, summary: '各年度经费标准' } }, async (request) =>
    service.listRules(ctx, requireActor(request)),
  );
  app.get(
    '/api/funding/rules/:year',
    { schema: { tags, summary: '某年度经费标准与党员人数（确认后为冻结数）', params: yearParams } },
    async (request) => service.ruleOfYear(ctx, requireActor(request), request.params.year),
  );
  app.put(
    '/api/funding/rules/:year',
    { schema: { tags, summary: '制定或修改年度经费标准（确认前）', params: yearParams, body: fundingRuleInput } },
    async (request) => service.saveRule(ctx, requireActor(request), request.params.year, request.body),
  );
  app.post(
    '/api/funding/rules/:year/confirm',
    { schema: { tags, summary: '确认年度经费标准：冻结党员人数，下达年度预算', params: yearParams } },
    async (request) => service.confirmRule(ctx, requireActor(request), request.params.year),
  );
}
