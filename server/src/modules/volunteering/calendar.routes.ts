import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import { notFound } from '../../core/errors';
import type { App, Context, Job } from '../../core/module';
import { calendarItems, feedIcs, feedStatus, resetFeed, sendReminders } from './calendar.service';

const tags = ['志愿服务'];
const iso = z.string().datetime({ offset: true, message: '时间格式应为 ISO 8601' });

/** 我的日程: the list, the feed address, and the public .ics a phone calendar subscribes to. */
export function calendarRoutes(app: App, ctx: Context) {
  app.get(
    '/api/volunteer/my/calendar',
    {
      schema: {
        tags,
        summary: '我的日程：报名成功的班次与阵地值班',
        querystring: z.object({ from: iso.optional(), to: iso.optional() }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const now = Date.now();
      const from = request.query.from ?? new Date(now - 7 * 86_400_000).toISOString();
      const to = request.query.to ?? new Date(now + 90 * 86_400_000).toISOString();
      return { items: await calendarItems(ctx.db, actor.personId, from, to) };
    },
  );
  app.get('/api/volunteer/my/calendar/feed', { schema: { tags, summary: '日历订阅状态' } }, async (request) =>
    feedStatus(ctx, requireActor(request)),
  );
  app.post(
    '/api/volunteer/my/calendar/feed',
    { schema: { tags, summary: '生成新的日历订阅地址（旧地址随即失效）' } },
    async (request) => resetFeed(ctx, requireActor(request)),
  );
  app.get(
    '/api/calendar/:file',
    {
      schema: {
        tags,
        summary: 'iCalendar 订阅（手机日历用；地址中的密钥即凭证）',
        params: z.object({ file: z.string().max(80) }),
      },
    },
    async (request, reply) => {
      const m = /^([A-Za-z0-9_-]{20,64})\.ics$/.exec(request.params.file);
      if (!m) throw notFound('日历');
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await feedIcs(ctx, m[1]));
    },
  );
}

/** Reminders a set time before each shift or duty (in-app notifications). */
export const calendarReminderJob: Job = {
  name: 'calendar-reminders',
  everyMs: 60_000,
  run: (ctx) => sendReminders(ctx),
};
