import { peopleFilter, peopleSortQuery } from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import type { App, Context } from '../../core/module';
import { readUpload } from '../../core/uploads/index';
import { IMPORT_KIND_LABELS, IMPORT_KINDS, IMPORT_MODES } from './roster.columns';
import { exportCoverage, exportPeople, exportUnits } from './roster.export';
import { rejectedRowsWorkbook } from './roster.rejected';
import * as service from './roster.service';
import { streamProgress } from './roster.stream';
import { buildTemplate } from './roster.template';
import { sendWorkbook } from './roster.xlsx';

const tags = ['名册导入导出'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

export function rosterRoutes(app: App, ctx: Context) {
  for (const kind of IMPORT_KINDS) {
    app.get(
      `/api/roster/templates/${kind}.xlsx`,
      { schema: { tags, summary: `下载${IMPORT_KIND_LABELS[kind]}导入模板` } },
      async (request, reply) => {
        const workbook = await buildTemplate(ctx, requireActor(request), kind);
        return sendWorkbook(reply, workbook, `${IMPORT_KIND_LABELS[kind]}导入模板.xlsx`, `${kind}-template.xlsx`);
      },
    );
  }

  app.post(
    '/api/roster/imports',
    {
      schema: {
        tags,
        summary: '上传名册（.xlsx）：逐行检查并预览，不写入名册',
        querystring: z.object({ kind: z.enum(IMPORT_KINDS), mode: z.enum(IMPORT_MODES).default('create_only') }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      // Size cap, content sniffing and the zip-bomb / row-count inspection happen here, before exceljs.
      const file = await readUpload(request, 'xlsx');
      const fileName = file.fileName || '未命名.xlsx';
      const preview = await service.previewImport(ctx, actor, { ...request.query, fileName, buffer: file.buffer });
      return reply.code(201).send(preview);
    },
  );
  app.post(
    '/api/roster/imports/rejected.xlsx',
    {
      schema: {
        tags,
        summary: '下载未通过的行（附错误原因）：重新检查上传的文件，不保存任何数据',
        querystring: z.object({ kind: z.enum(IMPORT_KINDS), mode: z.enum(IMPORT_MODES).default('create_only') }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await readUpload(request, 'xlsx');
      const { workbook } = await rejectedRowsWorkbook(ctx, actor, { ...request.query, buffer: file.buffer });
      return sendWorkbook(reply, workbook, `未通过的行_${file.fileName || '名册.xlsx'}`, 'rejected-rows.xlsx');
    },
  );
  app.get('/api/roster/imports', { schema: { tags, summary: '我最近的导入批次' } }, async (request) =>
    service.listImports(ctx, requireActor(request)),
  );
  app.get(
    '/api/roster/imports/:id',
    { schema: { tags, summary: '导入批次的状态、错误与进度', params: idParams } },
    async (request) => service.batchStatus(ctx, requireActor(request), request.params.id),
  );
  app.post(
    '/api/roster/imports/:id/commit',
    {
      schema: {
        tags,
        summary: '确认导入：无错误的批次在一个事务中全部写入',
        description:
          '请求头 Accept: application/x-ndjson 时，边写入边逐行返回进度 {"progress":{done,total}}，最后一行为 {"result":…} 或 {"error":…}',
        params: idParams,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const commit = () => service.commitImport(ctx, actor, request.params.id);
      if (!String(request.headers.accept ?? '').includes('application/x-ndjson')) return commit();
      return streamProgress(reply, request.params.id, commit);
    },
  );

  app.get(
    '/api/roster/exports/people.xlsx',
    {
      schema: {
        tags,
        summary: '导出人员名册（筛选条件同人员列表，按权限脱敏）',
        querystring: peopleFilter.extend(peopleSortQuery.shape),
      },
    },
    async (request, reply) => {
      const { workbook } = await exportPeople(ctx, requireActor(request), request.query);
      return sendWorkbook(reply, workbook, `人员名册_${today()}.xlsx`, `people-${today()}.xlsx`);
    },
  );
  app.get(
    '/api/roster/exports/units.xlsx',
    { schema: { tags, summary: '导出组织名册（我能看到的组织）' } },
    async (request, reply) => {
      const { workbook } = await exportUnits(ctx, requireActor(request));
      return sendWorkbook(reply, workbook, `组织名册_${today()}.xlsx`, `units-${today()}.xlsx`);
    },
  );
  app.get(
    '/api/roster/exports/coverage.xlsx',
    {
      schema: {
        tags,
        summary: '导出网格覆盖报告',
        querystring: z.object({ unitId: z.coerce.number().int().positive() }),
      },
    },
    async (request, reply) => {
      const { workbook, unitName } = await exportCoverage(ctx, requireActor(request), request.query.unitId);
      return sendWorkbook(reply, workbook, `网格覆盖报告_${unitName}_${today()}.xlsx`, `coverage-${today()}.xlsx`);
    },
  );
}
