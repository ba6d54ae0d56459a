import { randomBytes } from 'node:crypto';
import {
  clockOf,
  DEFAULT_TIME_LIMITS,
  DEMAND_AUDIENCE_LABELS,
  type DemandAudience,
  type DemandChannel,
  type DemandCreateInput,
  type Permission,
  type PublicDemandInput,
  TRIAGE_PERMISSION,
} from '@pioneer/domain';
import type { Insertable, Transaction } from 'kysely';
import { type Actor, can, scopePaths } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { AppError, conflict, forbidden, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import { hit } from '../../core/rate-limit';
import type { DB } from '../../db/types';
import { notify } from '../notifications/index';
import * as repo from './demands.repository';
import { addEvent, type By, labelOf, limitsOf } from './demands.transition';
import type { DemandTable } from './service-demands.tables';

type Ctx = Pick<Context, 'db'>;
type Trx = Transaction<DB>;

/** Public intake: at most this many needs per IP address per hour (the form needs no sign-in). */
export const PUBLIC_LIMIT = { hits: 10, windowSeconds: 3600 };

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** 10 characters from a 32-letter alphabet without look-alikes: 50 random bits, not guessable. */
export function newTrackingCode(): string {
  const bytes = randomBytes(10);
  return `XQ${Array.from(bytes, (b) => CODE_ALPHABET[b % 32]).join('')}`;
}

export const rateLimited = () => new AppError(429, 'RATE_LIMITED', '提交过于频繁，请稍后再试');

async function categoryFor(trx: Trx, id: number | null) {
  if (id === null) return null;
  const cat = await trx
    .selectFrom('demand_category as c')
    .leftJoin('org_unit as u', 'u.id', 'c.default_unit_id')
    .select(['c.id', 'c.name', 'c.active', 'c.default_unit_id as defaultUnitId', 'u.path as defaultUnitPath'])
    .select([
      'c.triage_minutes as triageMinutes',
      'c.claim_minutes as claimMinutes',
      'c.complete_minutes as completeMinutes',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!cat) throw notFound('需求类别');
  if (!cat.active) throw conflict('CATEGORY_INACTIVE', `需求类别「${cat.name}」已停用`);
  return cat;
}

/** The root of the tree a path lies in, or the first root when the filer has no unit (public, Open311). */
export async function rootUnit(trx: Trx | Ctx['db'], path?: string | null) {
  const q = trx.selectFrom('org_unit').select(['id', 'path']);
  if (path) return q.where('path', '=', `/${path.split('/')[1]}/`).executeTakeFirstOrThrow();
  return q.where('parent_id', 'is', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
}

export type NewDemand = Omit<
  Insertable<DemandTable>,
  'tracking_code' | 'state' | 'responsible_unit_id' | 'due_at' | 'handling_unit_id'
> & { handling_unit_id?: number };

/**
 * Writes a new need with its tracking code, first timeline event, audit event and the triage clock, and tells the
 * office of its audience over the handling unit. The handling unit is the category's default, else the one given,
 * else the root of the tree.
 */
export async function insertDemand(trx: Trx, by: By, values: NewDemand) {
  const cat = await categoryFor(trx, values.category_id ?? null);
  const handling = cat?.defaultUnitId
    ? { id: cat.defaultUnitId, path: cat.defaultUnitPath as string }
    : values.handling_unit_id
      ? await trx
          .selectFrom('org_unit')
          .select(['id', 'path'])
          .where('id', '=', values.handling_unit_id)
          .executeTakeFirstOrThrow()
      : await rootUnit(trx);
  const submittedAt = new Date().toISOString();
  const limits = cat ? limitsOf(cat) : DEFAULT_TIME_LIMITS;
  const clock = clockOf('submitted', { submittedAt }, limits);
  const trackingCode = newTrackingCode();
  const row = await trx
    .insertInto('demand')
    .values({
      ...values,
      tracking_code: trackingCode,
      state: 'submitted',
      handling_unit_id: handling.id,
      responsible_unit_id: handling.id,
      submitted_at: submittedAt,
      due_at: clock?.dueAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addEvent(trx, row.id, by, { action: 'submit', to: 'submitted', note: '需求已提交，等待分拣', public: true });
  await recordAudit(trx, by.actor, {
    action: 'demand.submitted',
    entityType: 'demand',
    entityId: row.id,
    unitPath: handling.path,
    after: {
      title: values.title,
      audience: values.audience,
      channel: values.channel,
      categoryId: values.category_id ?? null,
    },
  });
  const audience = values.audience as DemandAudience;
  await notify(trx, {
    recipients: { unitPath: handling.path, permission: TRIAGE_PERMISSION[audience] },
    kind: 'demand.submitted',
    title: `新的${DEMAND_AUDIENCE_LABELS[audience]}待分拣：${values.title}`,
    body: `来自「${labelOf(by)}」，请在时限内分拣归类并发布。`,
    link: `/demands/${row.id}`,
    except: by.actor ? [by.actor.personId] : [],
  });
  return { id: row.id, trackingCode, dueAt: clock?.dueAt ?? null };
}

/** The unit an officer files for: the one named (in their scope), else where their permission starts. */
async function intakeUnit(trx: Trx, actor: Actor, permission: Permission, unitId: number | null) {
  if (unitId !== null) {
    const unit = await repo.findUnit(trx, actor, unitId);
    if (!unit) throw notFound('受理组织');
    if (!can(actor, permission, unit.path)) throw forbidden('您不能为该组织登记需求');
    return unit.id;
  }
  const [first] = scopePaths(actor, permission);
  if (!first) throw forbidden('您没有登记此类需求的权限');
  if (first === '/') return (await rootUnit(trx)).id;
  return Number(first.split('/').filter(Boolean).pop());
}

/** A signed-in person files their own need, or an officer files one on someone's behalf (entered_by kept). */
export async function createDemand(ctx: Ctx, actor: Actor, input: DemandCreateInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const common = {
      title: input.title,
      description: input.description,
      category_id: input.categoryId,
      campus: input.campus,
      location: input.location,
      needed_on: input.neededOn,
    };
    const by = { actor };
    const ob = input.onBehalf;
    if (!ob) {
      const me = await trx
        .selectFrom('person as p')
        .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
        .select(['p.id', 'p.kind', 'p.phone', 'p.unit_id', 'u.path'])
        .where('p.id', '=', actor.personId)
        .executeTakeFirstOrThrow();
      const root = await rootUnit(trx, me.path);
      return insertDemand(trx, by, {
        ...common,
        audience: me.kind === 'student' ? 'student' : 'staff',
        channel: 'self' satisfies DemandChannel,
        origin_unit_id: me.unit_id,
        handling_unit_id: root.id,
        requester_person_id: me.id,
        requester_name: actor.name,
        requester_phone: me.phone,
      });
    }
    const permission: Permission = ob.channel === 'officer' ? TRIAGE_PERMISSION[ob.audience] : 'demand.intake';
    const handlingUnitId = await intakeUnit(trx, actor, permission, ob.unitId);
    let originUnitId: number | null = null;
    if (ob.requesterPersonId !== null) {
      const person = await trx
        .selectFrom('person')
        .select(['unit_id'])
        .where('id', '=', ob.requesterPersonId)
        .executeTakeFirst();
      if (!person) throw notFound('需求人');
      originUnitId = person.unit_id;
    }
    return insertDemand(trx, by, {
      ...common,
      audience: ob.audience,
      channel: ob.channel,
      origin_unit_id: originUnitId,
      handling_unit_id: handlingUnitId,
      requester_person_id: ob.requesterPersonId,
      requester_name: ob.requesterName,
      requester_phone: ob.requesterPhone,
      requester_address: ob.requesterAddress,
      entered_by: actor.personId,
    });
  });
}

/** The no-sign-in form: society needs, to the local-cooperation office, limited per IP address in the database. */
export async function createPublicDemand(ctx: Ctx, ip: string, input: PublicDemandInput) {
  if (!(await hit(ctx.db, `demand:public:${ip}`, PUBLIC_LIMIT.hits, PUBLIC_LIMIT.windowSeconds))) throw rateLimited();
  return ctx.db.transaction().execute(async (trx) =>
    insertDemand(
      trx,
      { actor: null, label: `${input.name}（公开表单）` },
      {
        title: input.title,
        description: input.description,
        category_id: input.categoryId,
        campus: input.campus,
        location: input.location,
        needed_on: input.neededOn,
        audience: 'society',
        channel: 'public',
        requester_name: input.name,
        requester_phone: input.phone,
        requester_address: input.address,
      },
    ),
  );
}
