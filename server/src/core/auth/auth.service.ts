import { type Kysely, sql } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/types';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit';
import { AppError, badRequest } from '../errors';
import { deviceHash, rememberDevice, validDeviceToken } from './known-devices';
import { charge, recordAddressFailure, refund, type Subject, subjects } from './login-throttle';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { createSession } from './sessions';

// Spent on unknown usernames too, so response time does not reveal which accounts exist.
const DUMMY_HASH = hashPassword('not-a-real-password');

/** The one answer for every failed sign-in: it must not tell an unknown username from a wrong password. */
export const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');

export function tooManyAttempts(waitMs: number) {
  const seconds = Math.max(Math.ceil(waitMs / 1000), 1);
  const wait = seconds < 60 ? `${seconds}秒` : `${Math.ceil(seconds / 60)}分钟`;
  return new AppError(429, 'TOO_MANY_ATTEMPTS', `登录尝试过于频繁，请${wait}后再试`, { retryAfterSeconds: seconds });
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  /** The `pioneer_device` cookie, if the browser has one. */
  deviceToken?: string;
}

/**
 * Signs in, throttled as login-throttle.ts describes: a browser that has signed in to this account before is
 * judged by its own failures only; any other attempt by its (address, username), its username and its address.
 * Returns the session and the device token to keep in the browser.
 */
export async function login(db: Kysely<DB>, config: Config, input: LoginInput) {
  const { username, ip } = input;
  const device = validDeviceToken(input.deviceToken) ? deviceHash(input.deviceToken) : null;
  // One round trip, the same whether or not the account exists, so neither answer nor timing tells them apart:
  // the account, whether this browser has signed in to it before, and how long this address must wait.
  const found = await sql<{
    id: number | null;
    password_hash: string | null;
    person_id: number | null;
    known: boolean;
    address_until: string | null;
  }>`
    select a.id, a.password_hash, a.person_id,
      exists (select 1 from login_device d where d.token_hash = ${device} and d.account_id = a.id) as known,
      (select t.blocked_until from login_throttle t where t.key = ${subjects.address(ip).key}) as address_until
    from (select 1) one left join account a on a.username = ${username}`.execute(db);
  const row = found.rows[0];
  const account = row.id !== null ? { id: row.id, password_hash: row.password_hash!, person_id: row.person_id! } : null;
  const known = row.known && device !== null;
  const list: Subject[] = known
    ? [subjects.device(device, username, ip)]
    : [subjects.pair(ip, username), subjects.account(username)];
  const addressWait = known ? 0 : new Date(row.address_until ?? 0).getTime() - Date.now();
  if (addressWait > 0) throw tooManyAttempts(addressWait);
  const charged = await charge(db, config, list);
  if (!charged.ok) throw tooManyAttempts(charged.retryAfterMs);

  const valid = account
    ? await verifyPassword(input.password, account.password_hash)
    : await verifyPassword(input.password, await DUMMY_HASH).then(() => false);
  if (!account || !valid) {
    if (!known) await recordAddressFailure(db, config, ip);
    if (account && charged.crossed.length) await auditThrottled(db, account, charged.crossed);
    throw invalidCredentials();
  }
  await refund(db, config, list, charged.failures);
  const deviceToken = await rememberDevice(db, input.deviceToken, account.id);
  return { ...(await createSession(db, config, account.id)), deviceToken };
}

/** An account whose sign-in just started to slow down: once per episode, for its owner and the administrators. */
async function auditThrottled(db: Kysely<DB>, account: { id: number; person_id: number }, crossed: Subject[]) {
  const unit = await db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .select('u.path')
    .where('p.id', '=', account.person_id)
    .executeTakeFirst();
  for (const s of crossed) {
    await recordAudit(db, null, {
      action: 'account.login_throttled',
      // Not 'account': that entity type drops every cached session (session-cache.ts); this changes no access.
      entityType: 'login_throttle',
      entityId: account.id,
      unitPath: unit?.path ?? null,
      after: { kind: s.kind, address: s.address },
      reason: s.kind === 'account' ? '多个地址连续登录失败，登录已放慢' : '同一地址连续登录失败，登录已放慢',
    });
  }
}

export async function changePassword(
  db: Kysely<DB>,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepSessionHash: string,
) {
  const problem = passwordProblem(input.newPassword);
  if (problem) throw badRequest('newPassword', problem);
  const account = await db
    .selectFrom('account')
    .select(['password_hash'])
    .where('id', '=', actor.accountId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, account.password_hash))) {
    throw badRequest('currentPassword', '当前密码不正确');
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('account')
      .set({ password_hash: hash, password_changed_at: new Date().toISOString() } as never)
      .where('id', '=', actor.accountId)
      .execute();
    // Other devices signed in with the old password are signed out.
    await trx
      .deleteFrom('session')
      .where('account_id', '=', actor.accountId)
      .where('id_hash', '!=', keepSessionHash)
      .execute();
    await recordAudit(trx, actor, {
      action: 'account.password_changed',
      entityType: 'account',
      entityId: actor.accountId,
      unitPath: null,
    });
  });
}

export function shanghaiTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
