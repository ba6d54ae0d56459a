/** Seeing and clearing an account's sign-in throttle: by its owner, or by an administrator over them. */
import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/types';
import { type Actor, can } from '../actor';
import { recordAudit } from '../audit/audit';
import { forbidden, notFound } from '../errors';
import { knownDeviceCount } from './known-devices';
import { clearThrottle, type ThrottleKind, throttleEntries } from './login-throttle';

const KIND_LABELS: Record<ThrottleKind, string> = {
  pair: '某一地址的失败登录',
  account: '陌生设备的失败登录（所有地址合计）',
  device: '已登录过的设备上的失败登录',
  address: '某一地址的失败登录（所有账号合计）',
};

/** Who may see and clear another person's sign-in throttle: system admins, and who manages roles over them. */
export const canManageLoginOf = (actor: Actor, unitPath: string) =>
  actor.isSystemAdmin || can(actor, 'grants.manage', unitPath);

export interface Target {
  accountId: number;
  username: string;
  personId: number;
  unitPath: string;
}

export async function throttleState(db: Kysely<DB>, config: Config, target: Target) {
  const entries = await throttleEntries(db, config, target.username);
  const blocked = entries.map((e) => e.blockedUntil).filter((v): v is string => v !== null);
  return {
    username: target.username,
    /** Sign-in is slowed for some subject: past its allowance, each further attempt from it waits. */
    throttled: entries.some((e) => e.slowed),
    blockedUntil: blocked.sort().at(-1) ?? null,
    entries: entries.map((e) => ({ ...e, kindLabel: KIND_LABELS[e.kind] })),
    knownDevices: await knownDeviceCount(db, target.accountId),
  };
}

export async function clearLoginThrottle(db: Kysely<DB>, config: Config, actor: Actor, target: Target) {
  const before = await throttleState(db, config, target);
  await db.transaction().execute(async (trx) => {
    await clearThrottle(trx, target.username);
    await recordAudit(trx, actor, {
      action: 'account.login_throttle_cleared',
      entityType: 'login_throttle',
      entityId: target.accountId,
      unitPath: target.unitPath,
      before: { throttled: before.throttled, blockedUntil: before.blockedUntil, entries: before.entries.length },
      reason: actor.accountId === target.accountId ? '本人清除登录限制' : '管理员清除登录限制',
    });
  });
  return throttleState(db, config, target);
}

export async function targetOfAccount(db: Kysely<DB>, where: { accountId: number } | { personId: number }) {
  let q = db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .select(['a.id as accountId', 'a.username', 'p.id as personId', 'u.path as unitPath']);
  q = 'accountId' in where ? q.where('a.id', '=', where.accountId) : q.where('p.id', '=', where.personId);
  return q.executeTakeFirst();
}

/** Another person's account, for an administrator: 404 outside what the actor may see, 403 if not theirs to manage. */
export async function managedTarget(db: Kysely<DB>, actor: Actor, personId: number): Promise<Target> {
  const person = await db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .select('u.path')
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!person || !(can(actor, 'people.view', person.path) || canManageLoginOf(actor, person.path))) {
    throw notFound('人员');
  }
  if (!canManageLoginOf(actor, person.path)) throw forbidden('您不能管理此人的登录');
  const target = await targetOfAccount(db, { personId });
  if (!target) throw notFound('此人的登录账号');
  return target;
}
