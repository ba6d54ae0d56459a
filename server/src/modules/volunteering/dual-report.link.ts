import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from './shared';

/**
 * The community contact confirms a member's service through a signed link, without an account. The signature
 * is an HMAC over the claim's id, person, minutes and date with a secret kept in the database, so any server
 * process can check it, and a link stops working if the claim it describes is changed.
 */
const KEY = 'dual_report_link_secret';

export async function linkSecret(db: Db): Promise<string> {
  const found = await db.selectFrom('volunteer_setting').select('value').where('key', '=', KEY).executeTakeFirst();
  if (found) return found.value;
  await db
    .insertInto('volunteer_setting')
    .values({ key: KEY, value: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('volunteer_setting').select('value').where('key', '=', KEY).executeTakeFirstOrThrow();
  return row.value;
}

export interface SignedClaim {
  id: number;
  personId: number;
  minutes: number | null;
  servedOn: string | null;
}

export function signClaim(secret: string, c: SignedClaim): string {
  return createHmac('sha256', Buffer.from(secret, 'hex'))
    .update(`claim:${c.id}:${c.personId}:${c.minutes}:${c.servedOn}`)
    .digest('hex');
}

export function verifyClaimSig(secret: string, c: SignedClaim, sig: string): boolean {
  const expected = Buffer.from(signClaim(secret, c), 'hex');
  const given = Buffer.from(sig, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
