import { createHash, randomBytes } from 'node:crypto';
import ical from 'ical-generator';
import type { Actor } from '../../core/actor';
import { notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import { notify } from '../notifications/notifications.service';
import type { Ctx, Db } from './shared';

/**
 * 我的日程: my confirmed shifts and my venue duties in one list, an iCalendar feed of the same a phone calendar
 * subscribes to (a per-person secret URL; only its SHA-256 is stored, so a leaked database gives no feed), and
 * in-app reminders sent REMIND_BEFORE_MIN minutes before each item by a module job.
 */
export const REMIND_BEFORE_MIN = 120;

export interface CalendarItem {
  kind: 'shift' | 'duty';
  id: number;
  title: string;
  detail: string;
  place: string;
  startsAt: string;
  endsAt: string;
  link: string;
  latitude: number | null;
  longitude: number | null;
}

export async function calendarItems(db: Db, personId: number, from: string, to: string): Promise<CalendarItem[]> {
  const [shifts, duties] = await Promise.all([
    db
      .selectFrom('volunteer_signup as s')
      .innerJoin('volunteer_shift as sh', 'sh.id', 's.shift_id')
      .innerJoin('volunteer_activity as a', 'a.id', 's.activity_id')
      .select([
        's.id',
        'a.id as activityId',
        'a.title',
        'sh.post',
        'a.place',
        'sh.starts_at as startsAt',
        'sh.ends_at as endsAt',
        'a.latitude',
        'a.longitude',
      ])
      .where('s.person_id', '=', personId)
      .where('s.status', '=', 'confirmed')
      .where('a.status', '<>', 'cancelled')
      .where('sh.ends_at', '>=', from)
      .where('sh.starts_at', '<', to)
      .execute(),
    db
      .selectFrom('venue_duty as d')
      .innerJoin('venue as v', 'v.id', 'd.venue_id')
      .select([
        'd.id',
        'v.id as venueId',
        'v.name',
        'd.post',
        'v.address',
        'd.starts_at as startsAt',
        'd.ends_at as endsAt',
        'v.latitude',
        'v.longitude',
      ])
      .where('d.person_id', '=', personId)
      .where('d.status', 'in', ['scheduled', 'confirmed'])
      .where('d.ends_at', '>=', from)
      .where('d.starts_at', '<', to)
      .execute(),
  ]);
  const items: CalendarItem[] = [
    ...shifts.map((s) => ({
      kind: 'shift' as const,
      id: s.id,
      title: s.title,
      detail: `志愿服务 · ${s.post}`,
      place: s.place,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      link: `/volunteer/activities/${s.activityId}`,
      latitude: s.latitude,
      longitude: s.longitude,
    })),
    ...duties.map((d) => ({
      kind: 'duty' as const,
      id: d.id,
      title: `${d.name}值班`,
      detail: `阵地值班 · ${d.post}`,
      place: d.address,
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      link: `/volunteer/venues/${d.venueId}`,
      latitude: d.latitude,
      longitude: d.longitude,
    })),
  ];
  return items.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function feedStatus(ctx: Ctx, actor: Actor) {
  const row = await ctx.db
    .selectFrom('calendar_feed')
    .select('created_at')
    .where('person_id', '=', actor.personId)
    .executeTakeFirst();
  return { subscribed: row !== undefined, createdAt: row?.created_at ?? null, remindBeforeMinutes: REMIND_BEFORE_MIN };
}

/** A new secret feed address (the old one stops working): shown once, like a password. */
export async function resetFeed(ctx: Ctx, actor: Actor) {
  const token = randomBytes(24).toString('base64url');
  await ctx.db
    .insertInto('calendar_feed')
    .values({ person_id: actor.personId, token_hash: hashOf(token) })
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet({ token_hash: hashOf(token), created_at: new Date().toISOString() } as never),
    )
    .execute();
  return { token, path: `/api/calendar/${token}.ics` };
}

/** The feed: 30 days back and 180 ahead, each item with an alarm REMIND_BEFORE_MIN minutes before. */
export async function feedIcs(ctx: Pick<Context, 'db' | 'config'>, token: string) {
  const row = await ctx.db
    .selectFrom('calendar_feed as f')
    .innerJoin('person as p', 'p.id', 'f.person_id')
    .select(['f.person_id', 'p.name'])
    .where('f.token_hash', '=', hashOf(token))
    .executeTakeFirst();
  if (!row) throw notFound('日历');
  const now = Date.now();
  const items = await calendarItems(
    ctx.db,
    row.person_id,
    new Date(now - 30 * 86_400_000).toISOString(),
    new Date(now + 180 * 86_400_000).toISOString(),
  );
  const base = ctx.config.PUBLIC_URL?.replace(/\/$/, '') ?? '';
  const calendar = ical({
    name: `先锋服务 · ${row.name}的日程`,
    timezone: 'Asia/Shanghai',
    prodId: '//pioneer//calendar//CN',
  });
  for (const item of items) {
    const event = calendar.createEvent({
      id: `${item.kind}-${item.id}@pioneer`,
      start: new Date(item.startsAt),
      end: new Date(item.endsAt),
      summary: item.title,
      description: item.detail,
      location: item.place,
      url: base ? `${base}${item.link}` : undefined,
    });
    event.createAlarm({
      type: 'display' as never,
      trigger: REMIND_BEFORE_MIN * 60,
      description: `${item.title} 即将开始`,
    });
  }
  return calendar.toString();
}

/** The reminder job: items starting within REMIND_BEFORE_MIN minutes that were not reminded yet. */
export async function sendReminders(ctx: Pick<Context, 'db'>, now = Date.now()) {
  const until = new Date(now + REMIND_BEFORE_MIN * 60_000).toISOString();
  const since = new Date(now).toISOString();
  const [shifts, duties] = await Promise.all([
    ctx.db
      .selectFrom('volunteer_signup as s')
      .innerJoin('volunteer_shift as sh', 'sh.id', 's.shift_id')
      .innerJoin('volunteer_activity as a', 'a.id', 's.activity_id')
      .leftJoin('calendar_reminder as r', (j) =>
        j.on('r.kind', '=', 'shift').onRef('r.item_id', '=', 's.id').onRef('r.person_id', '=', 's.person_id'),
      )
      .select([
        's.id',
        's.person_id as personId',
        'a.id as activityId',
        'a.title',
        'sh.starts_at as startsAt',
        'a.place',
      ])
      .where('s.status', '=', 'confirmed')
      .where('a.status', '<>', 'cancelled')
      .where('sh.starts_at', '>', since)
      .where('sh.starts_at', '<=', until)
      .where('r.item_id', 'is', null)
      .execute(),
    ctx.db
      .selectFrom('venue_duty as d')
      .innerJoin('venue as v', 'v.id', 'd.venue_id')
      .leftJoin('calendar_reminder as r', (j) =>
        j.on('r.kind', '=', 'duty').onRef('r.item_id', '=', 'd.id').onRef('r.person_id', '=', 'd.person_id'),
      )
      .select(['d.id', 'd.person_id as personId', 'v.id as venueId', 'v.name', 'd.starts_at as startsAt', 'v.address'])
      .where('d.status', 'in', ['scheduled', 'confirmed'])
      .where('d.starts_at', '>', since)
      .where('d.starts_at', '<=', until)
      .where('r.item_id', 'is', null)
      .execute(),
  ]);
  if (shifts.length + duties.length === 0) return 0;
  const hhmm = (iso: string) =>
    new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }).format(
      new Date(iso),
    );
  await ctx.db.transaction().execute(async (trx) => {
    const rows = [
      ...shifts.map((s) => ({ kind: 'shift' as const, item_id: s.id, person_id: s.personId })),
      ...duties.map((d) => ({ kind: 'duty' as const, item_id: d.id, person_id: d.personId })),
    ];
    // Two server processes may run the job at once: the first insert wins, the other sends nothing twice.
    const inserted = await trx
      .insertInto('calendar_reminder')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .returning(['kind', 'item_id'])
      .execute();
    const fresh = new Set(inserted.map((r) => `${r.kind}:${r.item_id}`));
    for (const s of shifts.filter((x) => fresh.has(`shift:${x.id}`))) {
      await notify(trx, {
        recipients: [s.personId],
        kind: 'volunteer.shift_reminder',
        title: `${hhmm(s.startsAt)} 开始：${s.title}`,
        body: `地点：${s.place}。请按时到场签到。`,
        link: `/volunteer/activities/${s.activityId}`,
      });
    }
    for (const d of duties.filter((x) => fresh.has(`duty:${x.id}`))) {
      await notify(trx, {
        recipients: [d.personId],
        kind: 'volunteer.duty_reminder',
        title: `${hhmm(d.startsAt)} 开始：${d.name}值班`,
        body: `地点：${d.address}`,
        link: `/volunteer/venues/${d.venueId}`,
      });
    }
  });
  return shifts.length + duties.length;
}
