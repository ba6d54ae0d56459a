import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/types';

export const GENESIS_HASH = '0'.repeat(64);
const SEALER_LOCK = 727_001;
const BATCH = 1000;

/** JSON with object keys sorted at every depth, so the same event always hashes the same on both engines. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface ChainedEvent {
  id: number;
  at: string;
  actor_person_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  unit_path: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

const EVENT_COLUMNS = [
  'id',
  'at',
  'actor_person_id',
  'actor_name',
  'action',
  'entity_type',
  'entity_id',
  'unit_path',
  'before',
  'after',
  'reason',
] as const;

export function eventHash(prevHash: string, seq: number, e: ChainedEvent): string {
  // Only the event's own columns: the row read back for verification also carries seq/prev_hash/hash.
  const content = Object.fromEntries(EVENT_COLUMNS.map((c) => [c, e[c]]));
  const body = canonicalJson({ ...content, seq });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Seals committed events into the chain in batches: each gets the next sequence number and a hash over the
 * previous hash and its own content. One sealer at a time (a transaction-scoped advisory lock); writers never wait.
 */
export async function sealPending(db: Kysely<DB>): Promise<number> {
  let sealed = 0;
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${SEALER_LOCK}) as ok`.execute(trx);
      if (!lock.rows[0].ok) return 0;
      const pending = await trx
        .selectFrom('audit_event')
        .select(EVENT_COLUMNS)
        .where('seq', 'is', null)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (pending.length === 0) return 0;
      const last = await trx
        .selectFrom('audit_event')
        .select(['seq', 'hash'])
        .where('seq', 'is not', null)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      let seq = last?.seq ?? 0;
      let prev = last?.hash ?? GENESIS_HASH;
      const updates: { id: number; seq: number; prev: string; hash: string }[] = [];
      for (const e of pending) {
        seq += 1;
        const hash = eventHash(prev, seq, e as ChainedEvent);
        updates.push({ id: e.id, seq, prev, hash });
        prev = hash;
      }
      const values = sql.join(updates.map((u) => sql`(${u.id}::bigint, ${u.seq}::bigint, ${u.prev}, ${u.hash})`));
      await sql`update audit_event as a set seq = v.seq, prev_hash = v.prev, hash = v.hash
        from (values ${values}) as v(id, seq, prev, hash) where a.id = v.id`.execute(trx);
      return pending.length;
    });
    sealed += count;
    if (count < BATCH) return sealed;
  }
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  unsealed: number;
  firstBroken: { seq: number; id: number; reason: string } | null;
}

/** Walks the chain in sequence order and names the first link whose hash does not match. */
export async function verifyChain(db: Kysely<DB>): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .select([...EVENT_COLUMNS, 'seq', 'prev_hash', 'hash'])
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const r of rows) {
      const seq = r.seq as number;
      const broken = (reason: string) => ({ ok: false, checked, unsealed: 0, firstBroken: { seq, id: r.id, reason } });
      if (seq !== expectedSeq) return broken(`序号不连续：应为 ${expectedSeq}`);
      if (r.prev_hash !== prev) return broken('前一环的哈希不匹配');
      if (eventHash(prev, seq, r as ChainedEvent) !== r.hash) return broken('内容与哈希不符（记录被改动）');
      prev = r.hash as string;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  const unsealed = await db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seq', 'is', null)
    .executeTakeFirstOrThrow();
  return { ok: true, checked, unsealed: Number(unsealed.n), firstBroken: null };
}
