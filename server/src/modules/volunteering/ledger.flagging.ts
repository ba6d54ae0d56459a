import { sql } from 'kysely';
import { notify } from '../notifications/notifications.service';
import { DEFAULT_FLAG_RULES, detectFlags, type Flag, type FlagCandidate } from './ledger.flags';
import { MANAGE_ROLES, reviewerUnitPath } from './review.policy';
import { type Db, iso } from './shared';

/**
 * Flags are written when credits are appended (in the same transaction), so a flagged credit is pending from
 * the moment it exists and the one definition of hours that count (`volunteer_hours_counted`) can leave it out.
 * New credits get every flag found for them. Older credits are only drawn in by BULK_ENTRY — the pattern is
 * the whole burst of typing — never retroactively by an overlap with a newer entry (the newer one carries the
 * question). Decided rows are never touched.
 */

/**
 * The recorder's level for an entry aliased `e` joined to its unit `u`: the highest unit where the recorder
 * holds a live grant that manages volunteering over the entry's unit (null if none). See review.policy.ts.
 */
export const recorderLevelSql = (e = 'e', u = 'u') =>
  sql<string | null>`(select ru.path from role_grant g join org_unit ru on ru.id = g.unit_id
    where g.person_id = ${sql.ref(`${e}.recorded_by`)} and g.revoked_at is null
      and g.role in (${sql.join(MANAGE_ROLES)}) and ${sql.ref(`${u}.path`)} like ru.path || '%'
    order by length(ru.path) limit 1)`;

function candidates(db: Db) {
  return db
    .selectFrom('volunteer_hours_entry as e')
    .leftJoin('volunteer_activity as a', 'a.id', 'e.activity_id')
    .select([
      'e.id',
      'e.person_id as personId',
      'e.minutes',
      'e.service_start as serviceStart',
      'e.service_end as serviceEnd',
      'e.recorded_at as recordedAt',
      'e.recorded_by as recordedBy',
      'e.basis',
      'a.starts_at as activityStart',
      'a.ends_at as activityEnd',
    ])
    .where('e.kind', '=', 'credit')
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('volunteer_hours_entry as r').select('r.id').whereRef('r.reverses_id', '=', 'e.id')),
      ),
    );
}
const asCandidate = (r: Awaited<ReturnType<ReturnType<typeof candidates>['execute']>>[number]): FlagCandidate => ({
  ...r,
  id: Number(r.id),
  serviceStart: iso(r.serviceStart),
  serviceEnd: iso(r.serviceEnd),
  recordedAt: iso(r.recordedAt),
  activityStart: r.activityStart ? iso(r.activityStart) : null,
  activityEnd: r.activityEnd ? iso(r.activityEnd) : null,
});

/** Flags the credits just appended (ids), writes their review rows and tells the reviewers. Returns how many. */
export async function flagAppended(trx: Db, ids: number[], flaggedAt: string): Promise<number> {
  if (ids.length === 0) return 0;
  const fresh = (await candidates(trx).where('e.id', 'in', ids).execute()).map(asCandidate);
  if (fresh.length === 0) return 0;
  const people = [...new Set(fresh.map((e) => e.personId))];
  const manual = fresh.filter((e) => e.basis === 'manual' && e.recordedBy !== null);
  const officers = [...new Set(manual.map((e) => e.recordedBy!))];
  const window = DEFAULT_FLAG_RULES.bulkWindowMinutes * 60_000;
  const times = manual.map((e) => Date.parse(e.recordedAt));
  const older = (
    await candidates(trx)
      .where('e.id', 'not in', ids)
      .where((eb) => {
        const byPerson = eb('e.person_id', 'in', people);
        if (officers.length === 0) return byPerson;
        return eb.or([
          byPerson,
          eb.and([
            eb('e.basis', '=', 'manual'),
            eb('e.recorded_by', 'in', officers),
            eb('e.recorded_at', '>=', new Date(Math.min(...times) - window).toISOString()),
            eb('e.recorded_at', '<=', new Date(Math.max(...times) + window).toISOString()),
          ]),
        ]);
      })
      .execute()
  ).map(asCandidate);
  const found = detectFlags([...fresh, ...older]);
  const freshIds = new Set(fresh.map((e) => e.id));
  const toWrite = new Map<number, Flag[]>();
  for (const [id, flags] of found) {
    const kept = freshIds.has(id) ? flags : flags.filter((f) => f.code === 'BULK_ENTRY');
    if (kept.length > 0) toWrite.set(id, kept);
  }
  if (toWrite.size === 0) return 0;
  const existing = await trx
    .selectFrom('volunteer_hours_flag')
    .select(['entry_id', 'flags', 'decision'])
    .where('entry_id', 'in', [...toWrite.keys()])
    .execute();
  const before = new Map(existing.map((r) => [Number(r.entry_id), r]));
  const rows = await trx
    .selectFrom('volunteer_hours_entry as e')
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .select(['e.id', 'e.person_id', 'e.unit_id', 'e.recorded_by', 'u.path', recorderLevelSql().as('level')])
    .where('e.id', 'in', [...toWrite.keys()])
    .execute();
  const newlyPending: typeof rows = [];
  for (const r of rows) {
    const id = Number(r.id);
    const prior = before.get(id);
    if (prior?.decision) continue;
    const old = (prior?.flags as Flag[] | undefined) ?? [];
    const merged = [...old, ...toWrite.get(id)!.filter((f) => !old.some((o) => o.code === f.code))];
    if (prior) {
      if (merged.length === old.length) continue;
      await trx
        .updateTable('volunteer_hours_flag')
        .set({ flags: JSON.stringify(merged) })
        .where('entry_id', '=', id)
        .execute();
    } else {
      await trx
        .insertInto('volunteer_hours_flag')
        .values({
          entry_id: id,
          person_id: r.person_id,
          unit_id: r.unit_id,
          flags: JSON.stringify(merged),
          flagged_at: flaggedAt,
        })
        .execute();
      newlyPending.push(r);
    }
  }
  await tellReviewers(trx, newlyPending);
  return newlyPending.length;
}

/** One notice per reviewing unit: the managers above the recorder's level (the recorder and volunteer left out). */
async function tellReviewers(
  trx: Db,
  rows: { path: string; level: string | null; recorded_by: number | null; person_id: number }[],
) {
  const byUnit = new Map<string, typeof rows>();
  for (const r of rows) {
    const at = reviewerUnitPath(r.level ?? r.path);
    byUnit.set(at, [...(byUnit.get(at) ?? []), r]);
  }
  for (const [unitPath, list] of byUnit) {
    await notify(trx, {
      recipients: { unitPath, permission: 'volunteer.manage' },
      kind: 'volunteer.hours_flagged',
      title: `有 ${list.length} 条志愿服务时长存在疑点，待复核`,
      body: '复核通过前，这些时长不计入个人总时长和志愿服务证明。',
      link: '/volunteer/review',
      except: [...list.map((r) => r.person_id), ...list.flatMap((r) => (r.recorded_by ? [r.recorded_by] : []))],
    });
  }
}
