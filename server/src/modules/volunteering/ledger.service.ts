import { type hoursEntryInput, isServiceCategory } from '@pioneer/domain';
import type { z } from 'zod';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors';
import { appendEntries, lockPeople, type NewEntry } from './ledger.chain';
import { canRecordHours } from './ledger.policy';
import * as repo from './ledger.repository';
import { type Ctx, type Db, unitForAction, volunteerOf } from './shared';

export const notServiceHours = () =>
  conflict('NOT_SERVICE_HOURS', '会议和培训不计入志愿服务时长（《志愿服务条例》：时长只计服务本身）');

/** The fields of a credit that vary; the actor both records and confirms it. */
export type CreditFields = Omit<NewEntry, 'kind' | 'reversesId' | 'recordedBy' | 'recordedByName' | 'confirmedByName'>;

/** Appends credits recorded and confirmed by the actor, each with its audit event (in the caller's transaction). */
export async function appendCredits(
  trx: Db,
  actor: Actor,
  unitPath: string,
  credits: (CreditFields & { audit: Record<string, unknown> })[],
): Promise<number[]> {
  const ids = await appendEntries(
    trx,
    credits.map(({ audit: _audit, ...c }) => ({
      ...c,
      kind: 'credit' as const,
      reversesId: null,
      recordedBy: actor.personId,
      recordedByName: actor.name,
      confirmedByName: actor.name,
    })),
  );
  for (const [i, id] of ids.entries()) {
    await recordAudit(trx, actor, {
      action: 'volunteer_hours.credited',
      entityType: 'volunteer_hours_entry',
      entityId: id,
      unitPath,
      after: credits[i].audit,
    });
  }
  return ids;
}

/** An officer types in a credit (手工录入). Activity credits must name a participant of an activity they manage. */
export async function addCredit(ctx: Ctx, actor: Actor, input: z.infer<typeof hoursEntryInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await unitForAction(trx, actor, input.unitId, 'volunteer.manage');
    if (!isServiceCategory(input.category)) throw notServiceHours();
    if (input.source === 'dual_report') {
      throw conflict('CONFIRMED_BY_COMMUNITY', '双报到服务时长由社区通过确认链接确认，不能手工录入');
    }
    const volunteer = await volunteerOf(trx, input.personId);
    await checkSource(trx, actor, input);
    const [id] = await appendCredits(trx, actor, unit.path, [
      {
        personId: input.personId,
        minutes: input.minutes,
        category: input.category,
        source: input.source,
        sourceId: input.sourceId,
        activityId: input.activityId,
        unitId: unit.id,
        serviceStart: input.serviceStart,
        serviceEnd: input.serviceEnd,
        basis: 'manual',
        description: input.description,
        audit: { ...input, volunteerNo: volunteer.volunteerNo },
      },
    ]);
    return { id };
  });
}

async function checkSource(trx: Db, actor: Actor, input: z.infer<typeof hoursEntryInput>) {
  if (input.source === 'activity') {
    if (input.activityId === null) throw badRequest('activityId', '志愿活动的时长须注明活动');
    const activity = await trx
      .selectFrom('volunteer_activity as a')
      .innerJoin('org_unit as u', 'u.id', 'a.org_unit_id')
      .select(['a.id', 'u.path'])
      .where('a.id', '=', input.activityId)
      .executeTakeFirst();
    if (!activity || !canRecordHours(actor, activity.path)) throw notFound('活动');
    const signup = await trx
      .selectFrom('volunteer_signup')
      .select('id')
      .where('activity_id', '=', activity.id)
      .where('person_id', '=', input.personId)
      .where('status', '=', 'confirmed')
      .executeTakeFirst();
    if (!signup) throw conflict('NOT_A_PARTICIPANT', '该人员没有报名这项活动');
  } else if (input.sourceId === null) {
    throw badRequest('sourceId', '请注明来源记录（服务需求或值班）编号');
  } else if (input.source === 'venue_duty') {
    const duty = await trx
      .selectFrom('venue_duty')
      .select('person_id')
      .where('id', '=', input.sourceId)
      .executeTakeFirst();
    if (!duty || duty.person_id !== input.personId) throw conflict('NOT_ON_DUTY', '该值班记录不属于此人');
  }
}

async function entryForChange(trx: Db, actor: Actor, id: number) {
  const entry = await repo.findEntry(trx, actor, id);
  if (!entry) throw notFound('时长记录');
  if (!canRecordHours(actor, entry.unitPath)) throw forbidden('只有记录时长的组织才能冲销或更正');
  if (entry.kind !== 'credit') throw conflict('NOT_A_CREDIT', '冲销记录本身不能再冲销');
  // Lock the person's chain first, then look again: two officers reversing at once see one reversal.
  await lockPeople(trx, [entry.personId]);
  const again = await repo.findEntry(trx, actor, id);
  if (again?.reversedBy !== null) throw conflict('ALREADY_REVERSED', '该记录已被冲销');
  return entry;
}

/** The fields of a credit a reversal copies. */
export type ReversibleEntry = Pick<
  repo.EntryRow,
  'personId' | 'minutes' | 'category' | 'source' | 'sourceId' | 'activityId' | 'unitId' | 'serviceStart' | 'serviceEnd'
> & { id: number | string };

/** The reversal of a credit: the same fields with negative minutes (the ledger stays append-only). */
export function reversalOf(entry: ReversibleEntry, actor: Actor, reason: string) {
  return {
    personId: entry.personId,
    kind: 'reversal' as const,
    minutes: -entry.minutes,
    category: entry.category,
    source: entry.source,
    sourceId: entry.sourceId,
    activityId: entry.activityId,
    unitId: entry.unitId,
    serviceStart: entry.serviceStart,
    serviceEnd: entry.serviceEnd,
    basis: 'correction' as const,
    description: `冲销 #${entry.id}：${reason}`,
    reversesId: Number(entry.id),
    recordedBy: actor.personId,
    recordedByName: actor.name,
    confirmedByName: actor.name,
  };
}

export async function reverseEntry(ctx: Ctx, actor: Actor, id: number, reason: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const entry = await entryForChange(trx, actor, id);
    const [reversalId] = await appendEntries(trx, [reversalOf(entry, actor, reason)]);
    await recordAudit(trx, actor, {
      action: 'volunteer_hours.reversed',
      entityType: 'volunteer_hours_entry',
      entityId: id,
      unitPath: entry.unitPath,
      before: { minutes: entry.minutes },
      after: { reversalId },
      reason,
    });
    return { reversalId };
  });
}

/** A correction never edits: it reverses the entry and appends a new credit with the right minutes. */
export async function correctEntry(ctx: Ctx, actor: Actor, id: number, input: { minutes: number; reason: string }) {
  return ctx.db.transaction().execute(async (trx) => {
    const entry = await entryForChange(trx, actor, id);
    const [reversalId, creditId] = await appendEntries(trx, [
      reversalOf(entry, actor, input.reason),
      {
        ...reversalOf(entry, actor, input.reason),
        kind: 'credit',
        minutes: input.minutes,
        reversesId: null,
        description: `${entry.description}（更正 #${entry.id}：${input.reason}）`,
      },
    ]);
    await recordAudit(trx, actor, {
      action: 'volunteer_hours.corrected',
      entityType: 'volunteer_hours_entry',
      entityId: id,
      unitPath: entry.unitPath,
      before: { minutes: entry.minutes },
      after: { minutes: input.minutes, reversalId, creditId },
      reason: input.reason,
    });
    return { reversalId, creditId };
  });
}
