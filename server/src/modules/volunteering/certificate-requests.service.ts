import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, notFound } from '../../core/errors';
import { inScope } from '../../core/scope';
import { notify } from '../notifications/notifications.service';
import { issueCertificate } from './certificates.service';
import { countedHours, pendingHours } from './ledger.counted';
import { type Ctx, type Db, shanghaiDayStart, volunteerOf } from './shared';

/**
 * 申请志愿服务证明. A member asks for a certificate over a period, choosing how it is issued:
 * - `per_unit`: each unit that recorded their hours issues a certificate over what it (and its sub-units)
 *   recorded — one certificate per unit, each saying its own part;
 * - `school`: the school (the root committee) issues one certificate over all their hours that count.
 * Only hours that count (ledger.counted.ts: not reversed, not waiting for review) are included.
 * A part is "issued" when the unit issued a certificate for that person and period after the request
 * (certificates.service.ts does the issuing), "declined" with a reason, else pending.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const periodQuery = z
  .object({ from: day, to: day })
  .refine((v) => v.to >= v.from, { path: ['to'], message: '截止日期不能早于起始日期' });
export const requestInput = z
  .object({
    from: day,
    to: day,
    scope: z.enum(['per_unit', 'school']),
    purpose: z.string().trim().max(200).default(''),
  })
  .refine((v) => v.to >= v.from, { path: ['to'], message: '截止日期不能早于起始日期' });
const partIds = z.array(z.number().int().positive().max(2_147_483_647)).min(1, '请至少选择一项').max(100);
export const issueBatchInput = z.object({ partIds });
export const declineBatchInput = z.object({ partIds, reason: z.string().trim().min(1, '请填写退回原因').max(200) });

const dayAfter = (d: string) => new Date(Date.parse(shanghaiDayStart(d)) + 86_400_000).toISOString();

/** My counted hours in the period by recording unit, merged into the highest recording unit of each line. */
export async function hoursByUnit(db: Db, personId: number, from: string, to: string) {
  const rows = await countedHours(db)
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .select(['u.id as unitId', 'u.name as unitName', 'u.path', sql<number>`sum(e.minutes)::int`.as('minutes')])
    .where('e.person_id', '=', personId)
    .where('e.service_start', '>=', shanghaiDayStart(from))
    .where('e.service_start', '<', dayAfter(to))
    .groupBy(['u.id', 'u.name', 'u.path'])
    .orderBy('u.path')
    .execute();
  // A unit's certificate covers its subtree: a sub-unit's hours belong to the part of its recording ancestor.
  const parts: { unitId: number; unitName: string; path: string; minutes: number }[] = [];
  for (const r of rows) {
    const owner = parts.find((p) => r.path.startsWith(p.path));
    if (owner) owner.minutes += Number(r.minutes);
    else parts.push({ ...r, minutes: Number(r.minutes) });
  }
  const pending = await pendingHours(db)
    .select(sql<number>`coalesce(sum(e.minutes), 0)::int`.as('m'))
    .where('e.person_id', '=', personId)
    .where('e.service_start', '>=', shanghaiDayStart(from))
    .where('e.service_start', '<', dayAfter(to))
    .executeTakeFirstOrThrow();
  return { parts, totalMinutes: parts.reduce((s, p) => s + p.minutes, 0), pendingMinutes: Number(pending.m) };
}

export async function createRequest(ctx: Ctx, actor: Actor, input: z.infer<typeof requestInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    await volunteerOf(trx, actor.personId);
    const { parts, totalMinutes } = await hoursByUnit(trx, actor.personId, input.from, input.to);
    if (totalMinutes === 0) throw conflict('NO_HOURS', '该期间内没有可计入证明的服务时长（复核中的时长不计入）');
    let targets = parts.map((p) => ({ unitId: p.unitId, path: p.path, minutes: p.minutes }));
    if (input.scope === 'school') {
      const rootId = Number(parts[0].path.split('/').filter(Boolean)[0]);
      targets = [{ unitId: rootId, path: `/${rootId}/`, minutes: totalMinutes }];
    }
    const request = await trx
      .insertInto('certificate_request')
      .values({
        person_id: actor.personId,
        scope: input.scope,
        period_from: input.from,
        period_to: input.to,
        purpose: input.purpose,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('certificate_request_part')
      .values(targets.map((t) => ({ request_id: request.id, unit_id: t.unitId, minutes: t.minutes })))
      .execute();
    for (const t of targets) {
      await recordAudit(trx, actor, {
        action: 'certificate_request.created',
        entityType: 'certificate_request',
        entityId: request.id,
        unitPath: t.path,
        after: { scope: input.scope, from: input.from, to: input.to, unitId: t.unitId, minutes: t.minutes },
      });
      await notify(trx, {
        recipients: { unitPath: t.path, permission: 'volunteer.manage' },
        kind: 'volunteer.certificate_requested',
        title: `${actor.name}申请志愿服务证明`,
        body: `${input.from} 至 ${input.to}，${(t.minutes / 60).toFixed(1)} 小时`,
        link: '/volunteer/certificate-requests',
      });
    }
    return { id: request.id, parts: targets.length };
  });
}

/** The part's certificate, if its unit issued one for this person and period after the request. */
const issuedCertificate = sql<string | null>`(select c.serial from volunteer_certificate c
  where c.person_id = r.person_id and c.unit_id = p.unit_id and c.period_from = r.period_from
    and c.period_to = r.period_to and c.revoked_at is null and c.issued_at >= r.created_at
  order by c.id desc limit 1)`;

function parts(db: Db) {
  return db
    .selectFrom('certificate_request_part as p')
    .innerJoin('certificate_request as r', 'r.id', 'p.request_id')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .innerJoin('person as m', 'm.id', 'r.person_id')
    .innerJoin('org_unit as mu', 'mu.id', 'm.unit_id')
    .select([
      'p.id',
      'p.request_id as requestId',
      'r.person_id as personId',
      'm.name as personName',
      'm.staff_no as staffNo',
      'mu.name as personUnitName',
      'r.scope',
      'r.period_from as from',
      'r.period_to as to',
      'r.purpose',
      'r.created_at as requestedAt',
      'p.unit_id as unitId',
      'u.name as unitName',
      'u.path as unitPath',
      'p.minutes',
      'p.declined_at as declinedAt',
      'p.decline_reason as declineReason',
      issuedCertificate.as('serial'),
    ]);
}
type PartRow = Awaited<ReturnType<ReturnType<typeof parts>['execute']>>[number];
const statusOf = (p: PartRow): 'issued' | 'declined' | 'pending' =>
  p.serial ? 'issued' : p.declinedAt ? 'declined' : 'pending';
const present = (p: PartRow) => ({ ...p, status: statusOf(p) });

export async function myRequests(ctx: Ctx, actor: Actor) {
  const rows = await parts(ctx.db)
    .where('r.person_id', '=', actor.personId)
    .orderBy('r.id', 'desc')
    .orderBy('u.path')
    .execute();
  return { items: rows.map(present) };
}

export const officeQuery = z.object({
  status: z.enum(['pending', 'issued', 'declined']).optional(),
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

/** Parts for units in the actor's volunteer.manage scope (they are the ones who issue). */
export async function officeRequests(ctx: Ctx, actor: Actor, q: z.infer<typeof officeQuery>) {
  let query = parts(ctx.db).where((eb) => inScope(eb, 'u.path', actor, 'volunteer.manage'));
  if (q.unitId) {
    query = query.where(sql<boolean>`u.path like (select f.path || '%' from org_unit f where f.id = ${q.unitId})`);
  }
  const rows = (await query.orderBy('r.id', 'desc').limit(2000).execute()).map(present);
  return { items: q.status ? rows.filter((r) => r.status === q.status) : rows };
}

async function partsInScope(ctx: Ctx, actor: Actor, ids: number[]) {
  const rows = await parts(ctx.db)
    .where('p.id', 'in', ids)
    .where((eb) => inScope(eb, 'u.path', actor, 'volunteer.manage'))
    .execute();
  if (rows.length !== new Set(ids).size) throw notFound('证明申请');
  return rows;
}

/** Issues each selected pending part through the certificates service; one failure does not undo the others. */
export async function issueParts(ctx: Ctx, actor: Actor, input: z.infer<typeof issueBatchInput>) {
  const rows = await partsInScope(ctx, actor, input.partIds);
  const results: { partId: number; serial?: string; error?: string }[] = [];
  for (const p of rows) {
    if (statusOf(p) !== 'pending') {
      results.push({ partId: p.id, error: p.serial ? `已出具（${p.serial}）` : '已退回' });
      continue;
    }
    try {
      const cert = await issueCertificate(ctx, actor, {
        personId: p.personId,
        unitId: p.unitId,
        from: p.from,
        to: p.to,
      });
      results.push({ partId: p.id, serial: cert.serial });
    } catch (e) {
      results.push({ partId: p.id, error: (e as Error).message });
    }
  }
  return { issued: results.filter((r) => r.serial).length, results };
}

export async function declineParts(ctx: Ctx, actor: Actor, input: z.infer<typeof declineBatchInput>) {
  const rows = await partsInScope(ctx, actor, input.partIds);
  const open = rows.filter((p) => statusOf(p) === 'pending');
  if (open.length !== rows.length) throw conflict('REQUEST_DECIDED', '所选申请中有已出具或已退回的，请只选择待办理的');
  return ctx.db.transaction().execute(async (trx) => {
    for (const p of open) {
      await trx
        .updateTable('certificate_request_part')
        .set({ declined_at: new Date().toISOString(), decline_reason: input.reason, declined_by: actor.personId })
        .where('id', '=', p.id)
        .execute();
      await recordAudit(trx, actor, {
        action: 'certificate_request.declined',
        entityType: 'certificate_request',
        entityId: p.requestId,
        unitPath: p.unitPath,
        after: { partId: p.id, unitId: p.unitId },
        reason: input.reason,
      });
      await notify(trx, {
        recipients: [p.personId],
        kind: 'volunteer.certificate_request_declined',
        title: `「${p.unitName}」退回了您的证明申请`,
        body: input.reason,
        link: '/volunteer/certificate-request',
      });
    }
    return { declined: open.length };
  });
}
