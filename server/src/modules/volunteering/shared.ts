import type { Permission } from '@pioneer/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import { AppError, conflict, forbidden, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import { inScope } from '../../core/scope';
import type { DB } from '../../db/types';

/** Helpers every volunteering sub-area uses: unit look-ups by scope, time in Asia/Shanghai, small errors. */
export type Db = Kysely<DB> | Transaction<DB>;
export type Ctx = Pick<Context, 'db' | 'config' | 'listen'>;

export interface UnitRef {
  id: number;
  path: string;
  name: string;
}

/**
 * A unit the actor may act on with `permission`: 404 when they cannot even see it (org.view),
 * 403 when they see it but the permission does not reach it.
 */
export async function unitForAction(
  db: Db,
  actor: Actor,
  unitId: number,
  permission: Permission,
  what = '组织',
): Promise<UnitRef> {
  const unit = await db
    .selectFrom('org_unit as u')
    .select(['u.id', 'u.path', 'u.name'])
    .select((eb) => sql<boolean>`${inScope(eb, 'u.path', actor, permission)}`.as('allowed'))
    .where('u.id', '=', unitId)
    .where('u.closed_at', 'is', null)
    .where((eb) => eb.or([inScope(eb, 'u.path', actor, 'org.view'), inScope(eb, 'u.path', actor, permission)]))
    .executeTakeFirst();
  if (!unit) throw notFound(what);
  if (!unit.allowed) throw forbidden(`您无权在「${unit.name}」办理此事项`);
  return { id: unit.id, path: unit.path, name: unit.name };
}

/** Any open unit by id, unscoped: used where a unit is only named (an activity's audience). */
export async function anyUnit(db: Db, unitId: number): Promise<UnitRef | undefined> {
  return db
    .selectFrom('org_unit')
    .select(['id', 'path', 'name'])
    .where('id', '=', unitId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
}

/** The actor's own unit path, for "is my unit inside that audience?" filters in SQL. */
export const actorUnitPath = (actor: Actor) => sql<string>`(select path from org_unit where id = ${actor.unitId})`;

/** The school prefix of public numbers (JNSD-V-…): the code of the root unit above `path`. */
export async function rootCodeOf(db: Db, path: string): Promise<string> {
  const rootId = Number(path.split('/').filter(Boolean)[0]);
  const row = await db.selectFrom('org_unit').select('code').where('id', '=', rootId).executeTakeFirst();
  return row?.code ?? 'PIONEER';
}

const SHANGHAI = 'Asia/Shanghai';
const dateParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: SHANGHAI,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** '2026-05-01' in Asia/Shanghai for an instant. */
export const shanghaiDate = (iso: string | number | Date) => dateParts.format(new Date(iso));
export const shanghaiYear = (iso: string | number | Date) => Number(shanghaiDate(iso).slice(0, 4));
const stamp = new Intl.DateTimeFormat('zh-CN', {
  timeZone: SHANGHAI,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
/** '2026/05/01 09:00' in Asia/Shanghai, for messages and documents. */
export const shanghaiStamp = (iso: string | number | Date) => stamp.format(new Date(iso));
/** Start of a Shanghai calendar day as an ISO instant. */
export const shanghaiDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();

export const iso = (v: string | Date) => new Date(v).toISOString();

/** A person's name with the given name masked, for public pages: 张*明, 李*. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export const tooManyAttempts = () => new AppError(429, 'RATE_LIMITED', '尝试过于频繁，请稍后再试');
export const notRegistered = (who = '该人员') => conflict('NOT_REGISTERED', `${who}尚未注册为志愿者`);

/** The registered volunteer (number) of a person, or a 409 naming the missing registration. */
export async function volunteerOf(db: Db, personId: number, who?: string) {
  const v = await db
    .selectFrom('volunteer as v')
    .innerJoin('person as p', 'p.id', 'v.person_id')
    .select(['v.id', 'v.volunteer_no as volunteerNo', 'p.name', 'p.unit_id as unitId'])
    .where('v.person_id', '=', personId)
    .executeTakeFirst();
  if (!v) throw notRegistered(who);
  return v;
}
