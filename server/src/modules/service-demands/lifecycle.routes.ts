import {
  assignInput,
  claimInput,
  completeInput,
  demandReasonInput,
  membersInput,
  mergeInput,
  noteOnlyInput,
  rateInput,
  timelineNoteInput,
  triageInput,
} from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import type { App, Context } from '../../core/module';
import { readUpload } from '../../core/uploads/index';
import { idParams } from './demands.routes';
import { rateAsAccount } from './rating.service';
import * as serving from './serving.service';
import * as t from './transitions.service';

const tags = ['服务需求'];

/** Every lifecycle step is its own POST: 401 signed out, 404 out of sight, 403 not theirs, 409 with the named reason. */
export function lifecycleRoutes(app: App, ctx: Context) {
  const step = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (actorReq: { id: number; body: z.infer<S>; actor: ReturnType<typeof requireActor> }) => Promise<unknown>,
  ) =>
    app.post(`/api/demands/:id/${path}`, { schema: { tags, summary, params: idParams, body } }, async (request) =>
      run({ id: request.params.id, body: request.body as z.infer<S>, actor: requireActor(request) }),
    );

  step('triage', '分拣归类（设定类别与承办组织）', triageInput, ({ actor, id, body }) =>
    t.triage(ctx, actor, id, body),
  );
  step('merge', '合并为重复需求', mergeInput, ({ actor, id, body }) => t.merge(ctx, actor, id, body));
  step('reject', '不予受理（须写明原因）', demandReasonInput, ({ actor, id, body }) =>
    t.reject(ctx, actor, id, body.reason),
  );
  step('publish', '发布需求', noteOnlyInput, ({ actor, id, body }) => t.publish(ctx, actor, id, body.note));
  step('claim', '认领（以组织名义，或以党员个人身份）', claimInput, ({ actor, id, body }) =>
    t.claim(ctx, actor, id, body),
  );
  step('assign', '组织部指派承办组织（及党员）', assignInput, ({ actor, id, body }) => t.assign(ctx, actor, id, body));
  step('release', '退回认领（重新发布）', demandReasonInput, ({ actor, id, body }) =>
    t.release(ctx, actor, id, body.reason),
  );
  step('members', '安排服务党员', membersInput, ({ actor, id, body }) =>
    serving.assignMembers(ctx, actor, id, body.personIds),
  );
  step('start', '开始服务', noteOnlyInput, ({ actor, id, body }) => t.start(ctx, actor, id, body.note));
  step('complete', '完成服务：结果、服务党员与时长、照片', completeInput, ({ actor, id, body }) =>
    serving.complete(ctx, actor, id, body),
  );
  step('rate', '需求人评价（1–5分）', rateInput, ({ actor, id, body }) => rateAsAccount(ctx, actor, id, body));
  step('withdraw', '撤回需求', demandReasonInput, ({ actor, id, body }) => t.withdraw(ctx, actor, id, body.reason));
  step('close', '办结', noteOnlyInput, ({ actor, id, body }) => t.close(ctx, actor, id, body.note));
  step('notes', '添加时间线备注（公开或内部）', timelineNoteInput, ({ actor, id, body }) =>
    t.addNote(ctx, actor, id, body),
  );

  app.post(
    '/api/demands/:id/photos',
    {
      schema: {
        tags,
        summary: '上传服务照片（multipart，字段 file，≤5 MB）',
        params: idParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      // Size cap and content sniffing (core/uploads): the stored type is what the bytes are, not the label.
      const file = await readUpload(request, 'photo');
      const saved = await serving.uploadPhoto(ctx, actor, request.params.id, {
        filename: file.fileName,
        mimetype: file.mime,
        content: file.buffer,
      });
      return reply.code(201).send(saved);
    },
  );
  app.get(
    '/api/demands/:id/photos/:photoId',
    { schema: { tags, summary: '服务照片', params: idParams.extend({ photoId: z.coerce.number().int().positive() }) } },
    async (request, reply) => {
      const photo = await serving.photoFile(ctx, requireActor(request), request.params.id, request.params.photoId);
      if (photo.url) return reply.redirect(photo.url);
      return reply
        .type(photo.mime ?? 'application/octet-stream')
        .header('cache-control', 'private, max-age=3600')
        .send(photo.content);
    },
  );
}
