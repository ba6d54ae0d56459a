import { ROLE_LABELS } from '@pioneer/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';

/**
 * The audit page shows "王芳 · 文学院党总支书记", not `role_grant #12`: for each entity type, one query that
 * names a batch of ids. This is presentation of the audit log, so it reads the modules' tables directly (like
 * the roster import, docs/decisions.md §6) rather than asking every module for a naming hook. Types not listed
 * here show as "<类型> #id"; a deleted row keeps its id.
 */
// Role labels are constants from domain/src/roles.ts, so inlining them in SQL is safe.
const roleCase = (column: string) =>
  `(case ${column} ${Object.entries(ROLE_LABELS)
    .map(([role, label]) => `when '${role}' then '${label}'`)
    .join(' ')} else ${column} end)`;

const NAMERS: Record<string, string> = {
  org_unit: `select id, name from org_unit`,
  partner: `select id, name from partner`,
  grid_unit: `select id, name from grid_unit`,
  person: `select id, name || '（' || staff_no || '）' as name from person`,
  person_transfer: `select t.id, p.name || ' 的组织关系转接' as name from person_transfer t join person p on p.id = t.person_id`,
  role_grant: `select g.id, p.name || ' · ' || u.name || ' · ' || ${roleCase('g.role')} as name from role_grant g join person p on p.id = g.person_id join org_unit u on u.id = g.unit_id`,
  account: `select a.id, a.username || '（' || p.name || '）' as name from account a join person p on p.id = a.person_id`,
  import_batch: `select id, file_name as name from import_batch`,
  notification: `select id, title as name from notification`,
  demand: `select id, title || '（' || tracking_code || '）' as name from demand`,
  demand_category: `select id, name from demand_category`,
  volunteer: `select v.id, p.name from volunteer v join person p on p.id = v.person_id`,
  volunteer_team: `select id, name from volunteer_team`,
  volunteer_activity: `select id, title as name from volunteer_activity`,
  volunteer_signup: `select s.id, p.name || ' · ' || a.title as name from volunteer_signup s join person p on p.id = s.person_id join volunteer_activity a on a.id = s.activity_id`,
  volunteer_hours_entry: `select e.id, p.name || ' · ' || round(e.minutes / 60.0, 1)::text || ' 小时' as name from volunteer_hours_entry e join person p on p.id = e.person_id`,
  volunteer_certificate: `select id, person_name || ' · ' || serial as name from volunteer_certificate`,
  venue: `select id, name from venue`,
  venue_duty: `select d.id, v.name || ' · ' || p.name as name from venue_duty d join venue v on v.id = d.venue_id join person p on p.id = d.person_id`,
  dual_report: `select d.id, p.name || ' → ' || pa.name as name from dual_report d join person p on p.id = d.person_id join partner pa on pa.id = d.partner_id`,
  community_post: `select id, title as name from community_post`,
  certificate_request: `select r.id, p.name || ' · ' || r.period_from::text || '至' || r.period_to::text as name from certificate_request r join person p on p.id = r.person_id`,
  community_post_claim: `select c.id, p.name || ' · ' || cp.title as name from community_post_claim c join person p on p.id = c.person_id join community_post cp on cp.id = c.post_id`,
};

/** `"<type>:<id>"` → the entity's name, for the events given, one query per entity type. */
export async function entityNames(
  db: Kysely<DB>,
  events: readonly { entity_type: string; entity_id: string }[],
): Promise<Map<string, string>> {
  const byType = new Map<string, Set<number>>();
  for (const e of events) {
    const id = Number(e.entity_id);
    if (!NAMERS[e.entity_type] || !Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) continue;
    if (!byType.has(e.entity_type)) byType.set(e.entity_type, new Set());
    byType.get(e.entity_type)!.add(id);
  }
  const names = new Map<string, string>();
  for (const [type, ids] of byType) {
    const rows = await sql<{ id: number; name: string | null }>`select x.id, x.name from (${sql.raw(NAMERS[type])}) x
      where x.id in (${sql.join([...ids])})`.execute(db);
    for (const r of rows.rows) if (r.name) names.set(`${type}:${r.id}`, r.name);
  }
  return names;
}

/** Unit paths → the unit's name (the last id of the path), for the 范围 column. */
export async function unitNamesOfPaths(db: Kysely<DB>, paths: readonly (string | null)[]) {
  const ids = new Set<number>();
  for (const p of paths) {
    const last = p?.split('/').filter(Boolean).pop();
    if (last && /^\d+$/.test(last)) ids.add(Number(last));
  }
  const names = new Map<string, string>();
  if (ids.size === 0) return names;
  const rows = await db
    .selectFrom('org_unit')
    .select(['path', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  for (const r of rows) names.set(r.path, r.name);
  return names;
}
