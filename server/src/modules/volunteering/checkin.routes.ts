import { attendanceReviewInput, checkinInput, manualAttendanceInput } from '@pioneer/domain';
import QRCode from 'qrcode';
import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import { forbidden, notFound } from '../../core/errors';
import type { App, Context } from '../../core/module';
import { activityAbilities } from './activities.policy';
import * as repo from './activities.repository';
import { currentCode, STEP_SECONDS } from './checkin.code';
import * as service from './checkin.service';

const tags = ['志愿活动签到'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

export function checkinRoutes(app: App, ctx: Context) {
  app.get(
    '/api/volunteer/activities/:id/checkin-code',
    { schema: { tags, summary: '组织者手机上的动态签到码与二维码（每30秒更换）', params: idParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      const activity = await repo.findActivity(ctx.db, actor, request.params.id);
      if (!activity) throw notFound('活动');
      if (!activityAbilities(actor, activity).showCode) throw forbidden('只有活动的组织者才能出示签到码');
      const { code, expiresAt } = currentCode(activity.codeSecret, activity.id, Date.now());
      const base = ctx.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;
      const url = `${base}/volunteer/check-in?activity=${activity.id}&code=${code}`;
      const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      reply.header('cache-control', 'no-store');
      return { activityId: activity.id, title: activity.title, code, expiresAt, stepSeconds: STEP_SECONDS, url, qrSvg };
    },
  );

  app.post(
    '/api/volunteer/activities/:id/check-in',
    { schema: { tags, summary: '凭签到码签到', params: idParams, body: checkinInput } },
    async (request) => service.checkIn(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/volunteer/activities/:id/check-out',
    { schema: { tags, summary: '凭签到码签退', params: idParams, body: checkinInput } },
    async (request) => service.checkOut(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/volunteer/signups/:id/manual-request',
    { schema: { tags, summary: '申请补签（待组织者审核）', params: idParams, body: manualAttendanceInput } },
    async (request) => service.requestManual(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/volunteer/signups/:id/review',
    { schema: { tags, summary: '审核迟到签到或补签', params: idParams, body: attendanceReviewInput } },
    async (request) => service.reviewAttendance(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/volunteer/signups/:id/attendance',
    { schema: { tags, summary: '组织者登记出勤（直接生效）', params: idParams, body: manualAttendanceInput } },
    async (request) => service.recordAttendance(ctx, requireActor(request), request.params.id, request.body),
  );
}
