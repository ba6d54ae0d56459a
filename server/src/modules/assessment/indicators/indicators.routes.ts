import {
  indicatorTreeInput,
  SCORING_RULE_LABELS,
  type ScoringRule,
  UNIT_CLASS_LABELS,
  UNIT_CLASSES,
} from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../../core/auth/auth.plugin';
import type { App, Context } from '../../../core/module';
import { sendListXlsx } from '../../../core/xlsx';
import * as service from './indicators.service';

const tags = ['考核指标体系'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const year = z.coerce.number().int().min(2000).max(2100);

const ruleText = (rule: ScoringRule | null) =>
  !rule
    ? ''
    : rule.kind === 'linear'
      ? `${SCORING_RULE_LABELS.linear}：${rule.low} → ${rule.high}`
      : rule.kind === 'target'
        ? `${SCORING_RULE_LABELS.target}：目标 ${rule.target}`
        : SCORING_RULE_LABELS.rank;

export function indicatorRoutes(app: App, ctx: Context) {
  app.get(
    '/api/assessment/systems',
    {
      schema: {
        tags,
        summary: '考核指标体系（按年度、组织类别）',
        querystring: z.object({ year: year.optional(), unitClass: z.enum(UNIT_CLASSES).optional() }),
      },
    },
    async (request) => ({ items: await service.listSystems(ctx, requireActor(request), request.query) }),
  );

  app.post(
    '/api/assessment/systems',
    {
      schema: {
        tags,
        summary: '新建某年度某类组织的指标体系（默认复制上年，否则为“六有”默认体系）',
        body: z.object({
          ownerUnitId: z.number().int().positive(),
          year,
          unitClass: z.enum(UNIT_CLASSES),
          copyFrom: z.number().int().positive().nullish(),
        }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createSystem(ctx, requireActor(request), request.body)),
  );

  app.get(
    '/api/assessment/systems/:id',
    { schema: { tags, summary: '指标体系详情（树）', params: idParams } },
    async (request) => service.getSystem(ctx, requireActor(request), request.params.id),
  );

  app.put(
    '/api/assessment/systems/:id/indicators',
    {
      schema: {
        tags,
        summary: '整体保存指标树（同级权重之和须为 100；冻结后不可修改）',
        params: idParams,
        body: indicatorTreeInput,
      },
    },
    async (request) => service.replaceTree(ctx, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/assessment/systems/:id/freeze',
    { schema: { tags, summary: '冻结指标体系（年度考核启动时）', params: idParams } },
    async (request) => service.freezeSystem(ctx, requireActor(request), request.params.id),
  );

  app.post(
    '/api/assessment/systems/:id/versions',
    {
      schema: {
        tags,
        summary: '为已冻结的体系另建新版本（须说明理由）',
        params: idParams,
        body: z.object({ reason: z.string().trim().min(2, '请说明修改理由').max(500) }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.newVersion(ctx, requireActor(request), request.params.id, request.body.reason)),
  );

  app.get(
    '/api/assessment/systems/:id/indicators.xlsx',
    { schema: { tags, summary: '导出指标体系（.xlsx）', params: idParams } },
    async (request, reply) => {
      const system = await service.getSystem(ctx, requireActor(request), request.params.id);
      const rows = system.groups.flatMap((g) => g.children.map((c) => ({ g, c })));
      const label = `${system.year}年${UNIT_CLASS_LABELS[system.unitClass as keyof typeof UNIT_CLASS_LABELS]}考核指标体系（第${system.version}版）`;
      return sendListXlsx(reply, {
        sheet: '指标体系',
        fileName: `${label}.xlsx`,
        asciiName: `indicators-${system.year}-${system.unitClass}-v${system.version}.xlsx`,
        rows,
        columns: [
          { header: '一级指标', width: 24, value: (r) => r.g.name },
          { header: '一级权重', width: 10, value: (r) => r.g.weight },
          { header: '二级指标', width: 26, value: (r) => r.c.name },
          { header: '二级权重', width: 10, value: (r) => r.c.weight },
          { header: '评分方式', width: 10, value: (r) => (r.c.method === 'computed' ? '数据计算' : '评审打分') },
          { header: '数据指标', width: 24, value: (r) => r.c.measureName ?? '' },
          { header: '计分规则', width: 26, value: (r) => ruleText(r.c.rule ?? null) },
          { header: '评分标准', width: 40, value: (r) => r.c.criteria },
          { header: '须附佐证', width: 10, value: (r) => (r.c.evidenceRequired ? '是' : '否') },
        ],
      });
    },
  );
}
