import { type ExpressionBuilder, sql } from 'kysely';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import type { DB } from '../../db/types';
import { countedHours, pendingHours, reviewStateOf } from './ledger.counted';
import type { Flag } from './ledger.flags';
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
  'c.pending_minutes as pendingMinutes',
  'c.pending_count as pendingCount',
  'c.replaces_id as replacesId',
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

/** Credits of a person recorded in a unit's subtree and served within the period (Asia/Shanghai days). */
function inPeriod<Q extends ReturnType<typeof countedHours>>(
  q: Q,
  personId: number,
  unitPath: string,
  from: string,
  to: string,
) {
  const end = new Date(Date.parse(shanghaiDayStart(to)) + 86_400_000).toISOString();
  return q
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
    .where('u.path', 'like', `${unitPath}%`)
    .where('e.service_start', '>=', shanghaiDayStart(from))
    .where('e.service_start', '<', end)
    .orderBy('e.service_start')
    .orderBy('e.id');
}

/**
 * The service record a unit may certify: hours that count (ledger.counted.ts) that it or a unit below it
 * recorded for the person, served within the period. Whoever records the hours issues the certificate.
 */
export function recordsFor(db: Db, personId: number, unitPath: string, from: string, to: string) {
  return inPeriod(countedHours(db), personId, unitPath, from, to).execute();
}

/** The same period's credits still under review: left out of a certificate, which says how many. */
export function pendingFor(db: Db, personId: number, unitPath: string, from: string, to: string) {
  return inPeriod(pendingHours(db) as unknown as ReturnType<typeof countedHours>, personId, unitPath, from, to)
    .select(sql<Flag[]>`e.flags`.as('flags'))
    .execute();
}

/**
 * Certificates still valid that cover entries now pending review or reversed, in the actor's volunteer.manage
 * scope (the issuing unit revokes and reissues them), each with those entries.
 */
export async function affectedCertificates(db: Db, actor: Actor, unitPath?: string) {
  const stale = (eb: ExpressionBuilder<DB, 'volunteer_certificate_entry' | 'volunteer_hours_entry'>) =>
    eb(reviewStateOf('volunteer_hours_entry'), 'in', ['pending', 'reversed']);
  const certs = await certificates(db)
    .where('c.revoked_at', 'is', null)
    .where((eb) => inScope(eb, 'u.path', actor, 'volunteer.manage'))
    .$if(unitPath !== undefined, (q) => q.where('u.path', 'like', `${unitPath}%`))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('volunteer_certificate_entry')
          .innerJoin('volunteer_hours_entry', 'volunteer_hours_entry.id', 'volunteer_certificate_entry.entry_id')
          .select('volunteer_certificate_entry.entry_id')
          .whereRef('volunteer_certificate_entry.certificate_id', '=', 'c.id')
          .where((inner) => stale(inner)),
      ),
    )
    .orderBy('c.issued_at', 'desc')
    .execute();
  if (certs.length === 0) return [];
  const entries = await db
    .selectFrom('volunteer_certificate_entry')
    .innerJoin('volunteer_hours_entry', 'volunteer_hours_entry.id', 'volunteer_certificate_entry.entry_id')
    .select([
      'volunteer_certificate_entry.certificate_id as certificateId',
      'volunteer_hours_entry.id',
      'volunteer_hours_entry.minutes',
      'volunteer_hours_entry.description',
      reviewStateOf('volunteer_hours_entry').as('state'),
    ])
    .where(
      'volunteer_certificate_entry.certificate_id',
      'in',
      certs.map((c) => c.id),
    )
    .where((eb) => stale(eb))
    .orderBy('volunteer_hours_entry.id')
    .execute();
  return certs.map((c) => ({
    ...c,
    staleEntries: entries
      .filter((e) => e.certificateId === c.id)
      .map(({ certificateId: _c, ...e }) => ({ ...e, id: Number(e.id) })),
  }));
}

/** Whether a certificate covers entries now pending or reversed (the public page says its hours are under review). */
export async function hasStaleEntries(db: Db, certificateId: number) {
  const row = await db
    .selectFrom('volunteer_certificate_entry')
    .innerJoin('volunteer_hours_entry', 'volunteer_hours_entry.id', 'volunteer_certificate_entry.entry_id')
    .select('volunteer_certificate_entry.entry_id')
    .where('volunteer_certificate_entry.certificate_id', '=', certificateId)
    .where((eb) => eb(reviewStateOf('volunteer_hours_entry'), 'in', ['pending', 'reversed']))
    .executeTakeFirst();
  return row !== undefined;
}

/** The certificate that replaced this one, if it was reissued. */
export async function replacementOf(db: Db, certificateId: number) {
  const row = await db
    .selectFrom('volunteer_certificate')
    .select('serial')
    .where('replaces_id', '=', certificateId)
    .executeTakeFirst();
  return row?.serial ?? null;
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
