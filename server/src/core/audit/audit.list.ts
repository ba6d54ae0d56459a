import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/types';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { inScope } from '../scope';
import type { ExportColumn } from '../xlsx';
import { AUDIT_ACTION_LABELS, auditActionLabel, auditEntityLabel } from './labels';
import { entityNames, unitNamesOfPaths } from './names';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** The audit list's filters; the `.xlsx` twin takes the same ones (without paging). */
export const auditFilters = z.object({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  action: z.string().max(80).optional(),
  actor: z.string().max(50).optional(),
  from: day.optional(),
  to: day.optional(),
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  sort: z.enum(['at']).optional(),
});
export type AuditFilters = z.infer<typeof auditFilters>;

/** Dates are days in Asia/Shanghai, the school's clock: `to` includes the whole day. */
const dayStart = (d: string) => `${d}T00:00:00+08:00`;
const dayAfter = (d: string) => {
  const next = new Date(`${d}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return `${next.toISOString().slice(0, 10)}T00:00:00+08:00`;
};

/** The filtered events of the viewer's `audit.view` scope, not yet ordered or paged. */
export async function auditQuery(db: Kysely<DB>, actor: Actor, q: AuditFilters) {
  let query = db.selectFrom('audit_event').where((eb) => inScope(eb, 'unit_path', actor, 'audit.view'));
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  // A Chinese action name matches its codes too (操作 “收回” finds role_grant.revoked).
  if (q.action && /\p{Script=Han}/u.test(q.action)) {
    const codes = Object.entries(AUDIT_ACTION_LABELS)
      .filter(([, label]) => label.includes(q.action!))
      .map(([code]) => code);
    query = codes.length ? query.where('action', 'in', codes) : query.where(sql<boolean>`false`);
  } else if (q.action) query = query.where('action', 'like', `${q.action}%`);
  if (q.actor) query = query.where('actor_name', 'like', `%${q.actor}%`);
  if (q.from) query = query.where('at', '>=', dayStart(q.from));
  if (q.to) query = query.where('at', '<', dayAfter(q.to));
  if (q.unitId) {
    const unit = await db.selectFrom('org_unit').select('path').where('id', '=', q.unitId).executeTakeFirst();
    if (!unit) throw notFound('组织');
    query = query.where('unit_path', 'like', `${unit.path}%`);
  }
  return query;
}

type EventRow = {
  id: number;
  at: string;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  unit_path: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
};

/** Adds the Chinese action and entity names, the entity's own name and the unit's name to each event. */
export async function presentEvents(db: Kysely<DB>, events: EventRow[]) {
  const [names, units] = await Promise.all([
    entityNames(db, events),
    unitNamesOfPaths(
      db,
      events.map((e) => e.unit_path),
    ),
  ]);
  return events.map((e) => ({
    ...e,
    actionLabel: auditActionLabel(e.action),
    entityLabel: auditEntityLabel(e.entity_type),
    entityName: names.get(`${e.entity_type}:${e.entity_id}`) ?? null,
    unitName: e.unit_path ? (units.get(e.unit_path) ?? null) : null,
  }));
}
export type PresentedEvent = Awaited<ReturnType<typeof presentEvents>>[number];

const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
/** `2026-12-04 15:30:00` in the school's time zone (what the page shows too). */
export const shanghaiTime = (iso: string) => shanghai.format(new Date(iso)).replace(/\//g, '-');

export const AUDIT_EXPORT_COLUMNS: ExportColumn<PresentedEvent>[] = [
  { header: '时间', width: 20, value: (e) => shanghaiTime(e.at) },
  { header: '操作', width: 18, value: (e) => e.actionLabel },
  { header: '对象类型', width: 14, value: (e) => e.entityLabel },
  { header: '对象', width: 36, value: (e) => e.entityName ?? `#${e.entity_id}` },
  { header: '操作人', width: 22, value: (e) => e.actor_name },
  { header: '范围', width: 28, value: (e) => e.unitName ?? '' },
  { header: '原因', width: 30, value: (e) => e.reason ?? '' },
  { header: '操作代码', width: 28, text: true, value: (e) => e.action },
  { header: '事件编号', width: 10, value: (e) => e.id },
];
