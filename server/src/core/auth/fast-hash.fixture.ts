import { randomBytes, scryptSync } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';

/**
 * A scrypt hash with a small work factor (N=1024). The parameters travel with each hash, so sign-in verifies it
 * exactly like a real one, only ~30 times faster: tests that sign in hundreds of times, or create thousands of
 * accounts, use it instead of the production cost (password.ts).
 */
export function fastHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 });
  return `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Gives every existing account `password` with the fast hash. */
export async function useFastHashes(db: Kysely<DB>, password: string) {
  await db
    .updateTable('account')
    .set({ password_hash: fastHash(password) })
    .execute();
}
