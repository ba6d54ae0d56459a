import { createHash } from 'node:crypto';
import { type Selectable, sql } from 'kysely';
import { canonicalJson } from '../../core/audit/chain';
import { flagAppended } from './ledger.flagging';
import { type Db, iso, notRegistered, shanghaiYear } from './shared';
import type { VolunteerHoursEntryTable } from './volunteering.tables';

/**
 * The hours ledger is append-only (a trigger refuses UPDATE and DELETE) and hash-chained per person:
 * each entry's hash covers the previous entry of the same person. Chaining per person means a sign-up
 * rush or a big settlement never queues every writer on one global lock; each person's chain is
 * serialized by locking that person's volunteer row.
 */
export const GENESIS = '0'.repeat(64);

export interface NewEntry {
  personId: number;
  kind: 'credit' | 'reversal';
  minutes: number;
  category: string;
  source: string;
  sourceId: number | null;
  activityId: number | null;
  unitId: number;
  serviceStart: string;
  serviceEnd: string;
  /**
   * attendance (check-in backed), manual (typed in by an officer), confirmation (by the community through
   * 双报到, or by the completion of a service need), correction.
   */
  basis: 'attendance' | 'manual' | 'confirmation' | 'correction';
  description: string;
  reversesId: number | null;
  recordedBy: number | null;
  recordedByName: string;
  confirmedByName: string;
}

/**
 * The fields a hash covers, exactly as stored and read back: every column of the entry but its id and the chain
 * links. Which of them go into the hash, and in what form, is fixed by HASHED and entryHash below.
 */
export type HashedFields = Omit<Selectable<VolunteerHoursEntryTable>, 'id' | 'prev_hash' | 'hash'>;

const HASHED: (keyof HashedFields)[] = [
  'person_id',
  'person_seq',
  'kind',
  'minutes',
  'category',
  'source',
  'source_id',
  'activity_id',
  'unit_id',
  'service_start',
  'service_end',
  'service_year',
  'basis',
  'description',
  'reverses_id',
  'recorded_by',
  'recorded_by_name',
  'confirmed_by_name',
  'recorded_at',
];

/** sha256(prev + canonical JSON of exactly the hashed fields), with times and ids normalized as both engines read them back. */
export function entryHash(prev: string, f: HashedFields): string {
  const picked = Object.fromEntries(HASHED.map((k) => [k, f[k]])) as unknown as HashedFields;
  const body = canonicalJson({
    ...picked,
    service_start: iso(f.service_start),
    service_end: iso(f.service_end),
    recorded_at: iso(f.recorded_at),
    reverses_id: f.reverses_id === null ? null : Number(f.reverses_id),
  });
  return createHash('sha256').update(prev).update('\n').update(body).digest('hex');
}

/** Locks the volunteer rows of these people in id order (no deadlocks); 409 if one is not a registered volunteer. */
export async function lockPeople(trx: Db, personIds: number[]) {
  const ids = [...new Set(personIds)].sort((a, b) => a - b);
  if (ids.length === 0) return;
  const rows = await sql<{ person_id: number }>`select person_id from volunteer
    where person_id in (${sql.join(ids)}) order by person_id for update`.execute(trx);
  if (rows.rows.length !== ids.length) throw notRegistered();
}

/**
 * Appends entries (in the caller's transaction), chaining each onto its person's last entry, and flags the new
 * credits (ledger.flagging.ts).
 * `recordedAt` is for the demo loader, which must not depend on the clock.
 */
export async function appendEntries(
  trx: Db,
  entries: NewEntry[],
  recordedAt = new Date().toISOString(),
): Promise<number[]> {
  if (entries.length === 0) return [];
  const people = [...new Set(entries.map((e) => e.personId))];
  await lockPeople(trx, people);
  const last = await sql<{ person_id: number; person_seq: number; hash: string }>`
    select distinct on (person_id) person_id, person_seq, hash from volunteer_hours_entry
    where person_id in (${sql.join(people)}) order by person_id, person_seq desc`.execute(trx);
  const heads = new Map(last.rows.map((r) => [r.person_id, { seq: r.person_seq, hash: r.hash }]));
  const rows = entries.map((e) => {
    const head = heads.get(e.personId) ?? { seq: 0, hash: GENESIS };
    const fields: HashedFields = {
      person_id: e.personId,
      person_seq: head.seq + 1,
      kind: e.kind,
      minutes: e.minutes,
      category: e.category,
      source: e.source,
      source_id: e.sourceId,
      activity_id: e.activityId,
      unit_id: e.unitId,
      service_start: iso(e.serviceStart),
      service_end: iso(e.serviceEnd),
      service_year: shanghaiYear(e.serviceStart),
      basis: e.basis,
      description: e.description,
      reverses_id: e.reversesId,
      recorded_by: e.recordedBy,
      recorded_by_name: e.recordedByName,
      confirmed_by_name: e.confirmedByName,
      recorded_at: iso(recordedAt),
    };
    const hash = entryHash(head.hash, fields);
    heads.set(e.personId, { seq: fields.person_seq, hash });
    return { ...fields, prev_hash: head.hash, hash };
  });
  const inserted = await trx.insertInto('volunteer_hours_entry').values(rows).returning('id').execute();
  const ids = inserted.map((r) => Number(r.id));
  // A credit's flags are written with it: flagged credits are pending (not counted) until a reviewer decides.
  await flagAppended(
    trx,
    ids.filter((_, i) => rows[i].kind === 'credit'),
    iso(recordedAt),
  );
  return ids;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBroken: { id: number; seq: number; reason: string } | null;
}

/** Walks one person's chain in order and names the first entry that does not match its hash or sequence. */
export async function verifyPersonChain(db: Db, personId: number): Promise<ChainCheck> {
  const rows = await db
    .selectFrom('volunteer_hours_entry')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('person_seq')
    .execute();
  let prev = GENESIS;
  let checked = 0;
  for (const r of rows) {
    const broken = (reason: string) => ({
      ok: false,
      checked,
      firstBroken: { id: Number(r.id), seq: r.person_seq, reason },
    });
    if (r.person_seq !== checked + 1) return broken(`序号不连续：应为 ${checked + 1}`);
    if (r.prev_hash !== prev) return broken('前一条记录的哈希不匹配');
    if (entryHash(prev, r) !== r.hash) return broken('内容与哈希不符（记录被改动）');
    prev = r.hash;
    checked += 1;
  }
  return { ok: true, checked, firstBroken: null };
}
