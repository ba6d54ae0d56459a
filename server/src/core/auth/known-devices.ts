import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';

/**
 * A browser that has signed in to an account before carries a random device token (cookie `pioneer_device`,
 * readable only by /api/auth). Its attempts on that account are throttled on their own, apart from what
 * strangers try — so an attacker cannot keep the owner out of their own account.
 */
export const DEVICE_COOKIE = 'pioneer_device';
export const DEVICE_COOKIE_DAYS = 180;

export const deviceHash = (token: string) => createHash('sha256').update(`device:${token}`).digest('hex');

/** A cookie value we could have issued (43 base64url characters); anything else is ignored. */
export const validDeviceToken = (token: string | undefined): token is string =>
  typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);

/** Remembers this browser for the account after a successful sign-in; returns the token to (re)set as cookie. */
export async function rememberDevice(db: Kysely<DB>, token: string | undefined, accountId: number): Promise<string> {
  const value = validDeviceToken(token) ? token : randomBytes(32).toString('base64url');
  const now = new Date().toISOString();
  await db
    .insertInto('login_device')
    .values({ token_hash: deviceHash(value), account_id: accountId, last_used_at: now })
    .onConflict((oc) => oc.columns(['token_hash', 'account_id']).doUpdateSet({ last_used_at: now }))
    .execute();
  return value;
}

export async function knownDeviceCount(db: Kysely<DB>, accountId: number): Promise<number> {
  const row = await db
    .selectFrom('login_device')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
