import type { Actor } from '../../core/actor';
import { notFound } from '../../core/errors';
import { appendCredits } from './ledger.service';
import { anyUnit, type Db, iso } from './shared';

/** The category a service need's hours count under (服务需求 are services to the community and campus). */
export const SERVICE_NEED_CATEGORY = 'community';

export interface ServiceNeedCredit {
  demandId: number;
  /** The unit that served (the claiming unit, else the handling unit): it records the hours. */
  unitId: number;
  /** When the service began (the round's start) and ended (its completion). */
  serviceStart: string | Date;
  serviceEnd: string | Date;
  title: string;
  /** This round's members with their minutes; earlier rounds were credited when they completed. */
  services: { personId: number; minutes: number }[];
}

export interface ServiceNeedCreditResult {
  credited: { personId: number; entryId: number; minutes: number }[];
  /** Members who served but are not registered volunteers: their minutes stay on the need only. */
  skipped: { personId: number; name: string; minutes: number }[];
}

/**
 * Credits the hours ledger for a completed service need, inside the caller's transaction (the need's
 * completion and its hours commit together). One `credit` per registered volunteer, source `service_need`,
 * source id the need, basis `confirmation` (confirmed by the need's completion), recorded and confirmed by
 * the actor who completed it. The caller has already decided the actor may complete the need; this does not
 * ask for `volunteer.manage`. Members who never registered are skipped, not registered on their behalf:
 * registration is the person's own act (志愿服务注册制度).
 */
export async function creditServiceNeed(
  trx: Db,
  actor: Actor,
  input: ServiceNeedCredit,
): Promise<ServiceNeedCreditResult> {
  const services = input.services.filter((s) => s.minutes > 0);
  if (services.length === 0) return { credited: [], skipped: [] };
  const unit = await anyUnit(trx, input.unitId);
  if (!unit) throw notFound('组织');
  const people = await trx
    .selectFrom('person as p')
    .leftJoin('volunteer as v', 'v.person_id', 'p.id')
    .select(['p.id', 'p.name', 'v.volunteer_no as volunteerNo'])
    .where(
      'p.id',
      'in',
      services.map((s) => s.personId),
    )
    .execute();
  const byId = new Map(people.map((p) => [p.id, p]));
  const registered = services.filter((s) => byId.get(s.personId)?.volunteerNo);
  const skipped = services
    .filter((s) => !byId.get(s.personId)?.volunteerNo)
    .map((s) => ({ personId: s.personId, name: byId.get(s.personId)?.name ?? '', minutes: s.minutes }));
  const start = iso(input.serviceStart);
  const end = iso(new Date(Math.max(Date.parse(start), Date.parse(iso(input.serviceEnd)))));
  const ids = await appendCredits(
    trx,
    actor,
    unit.path,
    registered.map((s) => ({
      personId: s.personId,
      minutes: s.minutes,
      category: SERVICE_NEED_CATEGORY,
      source: 'service_need',
      sourceId: input.demandId,
      activityId: null,
      unitId: unit.id,
      serviceStart: start,
      serviceEnd: end,
      basis: 'confirmation',
      description: `服务需求「${input.title}」`.slice(0, 500),
      audit: {
        demandId: input.demandId,
        personId: s.personId,
        minutes: s.minutes,
        volunteerNo: byId.get(s.personId)?.volunteerNo,
      },
    })),
  );
  return {
    credited: registered.map((s, i) => ({ personId: s.personId, entryId: ids[i], minutes: s.minutes })),
    skipped,
  };
}
