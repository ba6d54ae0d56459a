import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import type { App, Context } from '../../core/module';
import { readUpload } from '../../core/uploads/index';
import { sendWorkbook } from '../../core/xlsx';
import { commitHoursImport, hoursTemplate, previewHoursImport } from './hours-import.service';

const tags = ['志愿服务'];
const activityQuery = z.object({ activityId: z.coerce.number().int().positive().max(2_147_483_647) });
const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** 线下活动时长导入: template → upload and preview → commit (all or nothing). */
export function hoursImportRoutes(app: App, ctx: Context) {
  app.get(
    '/api/volunteer/hours-imports/template.xlsx',
    { schema: { tags, summary: '下载活动时长导入模板（已列出报名成功的人员）', querystring: activityQuery } },
    async (request, reply) => {
      const { workbook } = await hoursTemplate(ctx, requireActor(request), request.query.activityId);
      return sendWorkbook(reply, workbook, '活动时长导入模板.xlsx', 'hours-import-template.xlsx');
    },
  );
  app.post(
    '/api/volunteer/hours-imports',
    {
      schema: {
        tags,
        summary: '上传活动时长（.xlsx）：逐行检查并预览，不记入台账',
        querystring: activityQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await readUpload(request, 'xlsx');
      const preview = await previewHoursImport(ctx, actor, {
        activityId: request.query.activityId,
        fileName: file.fileName || '未命名.xlsx',
        buffer: file.buffer,
      });
      return reply.code(201).send(preview);
    },
  );
  app.post(
    '/api/volunteer/hours-imports/:id/commit',
    { schema: { tags, summary: '确认导入：无错误的批次在一个事务中全部记入时长台账', params: idParams } },
    async (request) => commitHoursImport(ctx, requireActor(request), request.params.id),
  );
}
