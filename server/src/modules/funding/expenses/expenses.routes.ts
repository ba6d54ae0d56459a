import { expenseDecisionInput, expenseInput, fundingReasonInput } from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../../core/auth/auth.plugin';
import type { App, Context } from '../../../core/module';
import { readUpload } from '../../../core/uploads/index';
import { MAX_EXPORT_ROWS, sendListXlsx } from '../../../core/xlsx';
import { todayInShanghai } from '../shared';
import { EXPENSE_EXPORT_COLUMNS } from './expenses.export';
import { expenseFilters, expenseListQuery } from './expenses.repository';
import * as service from './expenses.service';
import * as receipts from './receipts.service';

const tags = ['经费保障'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

export function expenseRoutes(app: App, ctx: Context) {
  app.get(
    '/api/funding/expenses',
    { schema: { tags, summary: '经费支出台账（可筛选、排序、分页）', querystring: expenseListQuery } },
    async (request) => service.listExpenses(ctx, requireActor(request), request.query),
  );
  app.get(
    '/api/funding/expenses.xlsx',
    { schema: { tags, summary: '导出支出台账（与列表同样的筛选，每笔一行）', querystring: expenseFilters } },
    async (request, reply) => {
      const rows = await service.exportRows(ctx, requireActor(request), request.query, MAX_EXPORT_ROWS);
      const today = todayInShanghai();
      return sendListXlsx(reply, {
        sheet: '经费支出',
        fileName: `经费支出台账_${today}.xlsx`,
        asciiName: `funding-expenses-${today}.xlsx`,
        columns: EXPENSE_EXPORT_COLUMNS,
        rows,
      });
    },
  );
  app.get('/api/funding/expenses/:id', { schema: { tags, summary: '一笔支出', params: idParams } }, async (request) => {
    const actor = requireActor(request);
    return service.presentExpense(actor, await service.expenseToSee(ctx.db, actor, request.params.id));
  });
  app.post(
    '/api/funding/expenses',
    { schema: { tags, summary: '登记本单位的一笔支出（超过审批金额的报上级审批）', body: expenseInput } },
    async (request, reply) =>
      reply.code(201).send(await service.recordExpense(ctx, requireActor(request), request.body)),
  );
  app.post(
    '/api/funding/expenses/:id/reverse',
    { schema: { tags, summary: '冲销一笔支出（追加一条负数记录）', params: idParams, body: fundingReasonInput } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.reverseExpense(ctx, requireActor(request), request.params.id, request.body.reason)),
  );
  app.post(
    '/api/funding/expenses/:id/decision',
    { schema: { tags, summary: '上级审批大额支出', params: idParams, body: expenseDecisionInput } },
    async (request) => service.decideExpense(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/funding/expenses/:id/receipts',
    {
      schema: {
        tags,
        summary: '上传票据（multipart，字段 file；JPEG/PNG/WebP 图片或 PDF，≤5 MB）',
        params: idParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      // Scope and rights first, so a refused person's file is never read or kept.
      await receipts.receiptTarget(ctx, actor, request.params.id);
      const file = await readUpload(request, 'receipt');
      return reply.code(201).send(await receipts.addReceipt(ctx, actor, request.params.id, file));
    },
  );
  app.get(
    '/api/funding/receipts/:id',
    { schema: { tags, summary: '票据文件', params: idParams } },
    async (request, reply) => {
      const file = await receipts.receiptFile(ctx, requireActor(request), request.params.id);
      return reply
        .type(file.mime)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', 'private, max-age=3600')
        .send(file.content);
    },
  );
}
