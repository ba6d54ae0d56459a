import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/types';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit';
import { AppError, badRequest } from '../errors';
import { hit } from '../rate-limit';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { createSession } from './sessions';

// Spent on unknown usernames too, so response time does not reveal which accounts exist.
const DUMMY_HASH = hashPassword('not-a-real-password');

export async function login(db: Kysely<DB>, config: Config, input: { username: string; password: string; ip: string }) {
  if (!(await hit(db, `login-ip:${input.ip}`, 30, 300))) {
    throw new AppError(429, 'TOO_MANY_ATTEMPTS', '登录尝试过于频繁，请5分钟后再试');
  }
  const account = await db
    .selectFrom('account')
    .select(['id', 'password_hash', 'failed_logins', 'locked_until', 'person_id', 'username'])
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (!account) {
    await verifyPassword(input.password, await DUMMY_HASH);
    throw new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
  }
  if (account.locked_until && new Date(account.locked_until).getTime() > Date.now()) {
    throw new AppError(
      429,
      'ACCOUNT_LOCKED',
      `连续登录失败次数过多，账号已锁定至 ${shanghaiTime(account.locked_until)}`,
      {
        lockedUntil: account.locked_until,
      },
    );
  }
  if (!(await verifyPassword(input.password, account.password_hash))) {
    const failures = account.failed_logins + 1;
    const lock = failures >= config.LOGIN_MAX_FAILURES;
    await db
      .updateTable('account')
      .set({
        failed_logins: lock ? 0 : failures,
        locked_until: lock ? new Date(Date.now() + config.LOGIN_LOCK_MINUTES * 60_000).toISOString() : null,
      })
      .where('id', '=', account.id)
      .execute();
    const left = config.LOGIN_MAX_FAILURES - failures;
    throw new AppError(
      401,
      'INVALID_CREDENTIALS',
      lock ? `用户名或密码错误，账号已锁定${config.LOGIN_LOCK_MINUTES}分钟` : `用户名或密码错误，还可尝试${left}次`,
    );
  }
  await db.updateTable('account').set({ failed_logins: 0, locked_until: null }).where('id', '=', account.id).execute();
  return createSession(db, config, account.id);
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
