import { sql } from 'kysely';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import { type Db, shanghaiDayStart } from './shared';

const COLUMNS = [
  'c.id',
  'c.serial',
  'c.person_id as personId',
  'c.person_name as personName',
  'c.volunteer_no as volunteerNo',
  'c.unit_id as unitId',
  'c.unit_name as unitName',
  'u.path as unitPath',
  'c.period_from as periodFrom',
  'c.period_to as periodTo',
  'c.total_minutes as totalMinutes',
  'c.activity_count as activityCount',
  'c.records',
  'c.responsible_name as responsibleName',
  'c.handler_name as handlerName',
  'c.issued_at as issuedAt',
  'c.revoked_at as revokedAt',
  'c.revoke_reason as revokeReason',
] as const;

function certificates(db: Db) {
  return db.selectFrom('volunteer_certificate as c').innerJoin('org_unit as u', 'u.id', 'c.unit_id').select(COLUMNS);
}
export type CertificateRow = Awaited<ReturnType<ReturnType<typeof certificates>['executeTakeFirstOrThrow']>>;

/** The holder sees their own; volunteer.view over the issuing unit sees its register. */
export function findCertificate(db: Db, actor: Actor, id: number) {
  return certificates(db)
    .where('c.id', '=', id)
    .where((eb) => eb.or([eb('c.person_id', '=', actor.personId), inScope(eb, 'u.path', actor, 'volunteer.view')]))
    .executeTakeFirst();
}

export function register(db: Db, actor: Actor, f: { unitPath?: string; year?: number }) {
  return certificates(db)
    .where((eb) => inScope(eb, 'u.path', actor, 'volunteer.view'))
    .$if(f.unitPath !== undefined, (q) => q.where('u.path', 'like', `${f.unitPath}%`))
    .$if(f.year !== undefined, (q) =>
      q.where(sql`extract(year from c.issued_at at time zone 'Asia/Shanghai')::int`, '=', f.year!),
    )
    .orderBy('c.issued_at', 'desc')
    .execute();
}

export function mine(db: Db, personId: number) {
  return certificates(db).where('c.person_id', '=', personId).orderBy('c.issued_at', 'desc').execute();
}

export function bySerial(db: Db, serial: string) {
  return certificates(db).where('c.serial', '=', serial).executeTakeFirst();
}

/**
 * The service record a unit may certify: credits it (or a unit below it) recorded for the person, not reversed,
 * served within the period (Asia/Shanghai days). Whoever records the hours issues the certificate.
 */
export function recordsFor(db: Db, personId: number, unitPath: string, from: string, to: string) {
  const end = new Date(Date.parse(shanghaiDayStart(to)) + 86_400_000).toISOString();
  return db
    .selectFrom('volunteer_hours_entry as e')
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .leftJoin('volunteer_activity as a', 'a.id', 'e.activity_id')
    .select([
      'e.id',
      'e.service_start as serviceStart',
      'e.minutes',
      'e.category',
      'e.description',
      'a.title as activityTitle',
    ])
    .where('e.person_id', '=', personId)
    .where('e.kind', '=', 'credit')
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('volunteer_hours_entry as r').select('r.id').whereRef('r.reverses_id', '=', 'e.id')),
      ),
    )
    .where('u.path', 'like', `${unitPath}%`)
    .where('e.service_start', '>=', shanghaiDayStart(from))
    .where('e.service_start', '<', end)
    .orderBy('e.service_start')
    .execute();
}

/** The unit's own secretary (or committee head) as the responsible person named on a certificate. */
export async function responsibleOf(db: Db, unitId: number) {
  const row = await db
    .selectFrom('role_grant as g')
    .innerJoin('person as p', 'p.id', 'g.person_id')
    .select('p.name')
    .where('g.unit_id', '=', unitId)
    .where('g.role', 'in', ['branch_secretary', 'general_branch_secretary', 'committee_admin'])
    .where('g.revoked_at', 'is', null)
    .orderBy('g.id')
    .executeTakeFirst();
  return row?.name;
}
