import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import type { DB } from '../../db/types';
import type { RowError } from './roster.rows';

/** The roster module's reads and its own table (import_batch); the bulk writes live in roster.bulk.ts. */
type Db = Kysely<DB> | Transaction<DB>;

const CHUNK = 1000;
export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Units by code, unscoped: each row's scope is then judged by the policy, so out of scope reads like unknown. */
export async function findUnitsByCodes(db: Db, codes: string[]) {
  const found = [];
  for (const part of chunks([...new Set(codes)])) {
    found.push(
      ...(await db
        .selectFrom('org_unit')
        .select(['id', 'code', 'path', 'depth', 'type', 'closed_at as closedAt', 'parent_id as parentId'])
        .where('code', 'in', part)
        .execute()),
    );
  }
  return new Map(found.map((u) => [u.code, u]));
}

/** People by 工号/学号 across the platform (a number is unique everywhere), with their unit's path. */
export async function findPeopleByStaffNos(db: Db, staffNos: string[]) {
  const found = [];
  for (const part of chunks([...new Set(staffNos)])) {
    found.push(
      ...(await db
        .selectFrom('person as p')
        .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
        .select(['p.id', 'p.staff_no as staffNo', 'p.unit_id as unitId', 'u.path as unitPath'])
        .where('p.staff_no', 'in', part)
        .execute()),
    );
  }
  return new Map(found.map((p) => [p.staffNo, p]));
}

export interface NewBatch {
  kind: string;
  mode: string;
  unitPath: string;
  fileName: string;
  rowCount: number;
  validCount: number;
  errors: RowError[];
  columns: string[];
  rows: unknown[];
}

export async function insertBatch(db: Db, actor: Actor, b: NewBatch) {
  const row = await db
    .insertInto('import_batch')
    .values({
      kind: b.kind,
      mode: b.mode,
      actor_person_id: actor.personId,
      unit_path: b.unitPath,
      file_name: b.fileName,
      row_count: b.rowCount,
      valid_count: b.validCount,
      error_count: b.errors.length,
      errors: JSON.stringify(b.errors),
      columns: JSON.stringify(b.columns),
      rows: JSON.stringify(b.rows),
    })
    .returning(['id', 'status', 'created_at as createdAt'])
    .executeTakeFirstOrThrow();
  return row;
}

const BATCH_COLUMNS = [
  'id',
  'kind',
  'mode',
  'actor_person_id as actorPersonId',
  'unit_path as unitPath',
  'file_name as fileName',
  'status',
  'row_count as rowCount',
  'valid_count as validCount',
  'error_count as errorCount',
  'errors',
  'result',
  'created_at as createdAt',
  'committed_at as committedAt',
] as const;

/** A batch, only for the person who uploaded it (anyone else gets undefined → 404). */
export function findBatch(db: Db, actor: Actor, id: number) {
  return db
    .selectFrom('import_batch')
    .select(BATCH_COLUMNS)
    .where('id', '=', id)
    .where('actor_person_id', '=', actor.personId)
    .executeTakeFirst();
}

/** The batch with its rows, locked: a second commit of the same batch waits here, then sees it committed. */
export function lockBatchForCommit(trx: Transaction<DB>, actor: Actor, id: number) {
  return trx
    .selectFrom('import_batch')
    .select([...BATCH_COLUMNS, 'rows', 'columns'])
    .where('id', '=', id)
    .where('actor_person_id', '=', actor.personId)
    .forUpdate()
    .executeTakeFirst();
}

export function listBatches(db: Db, actor: Actor, limit: number) {
  return db
    .selectFrom('import_batch')
    .select(BATCH_COLUMNS.filter((c) => c !== 'errors'))
    .where('actor_person_id', '=', actor.personId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function markCommitted(trx: Db, id: number, result: { created: number; updated: number }) {
  await trx
    .updateTable('import_batch')
    .set({ status: 'committed', committed_at: new Date().toISOString(), result: JSON.stringify(result), rows: '[]' })
    .where('id', '=', id)
    .execute();
}

/** The file went stale between preview and commit: keep why, drop the rows (the file must be fixed and re-sent). */
export async function markFailed(db: Db, id: number, errors: RowError[]) {
  await db
    .updateTable('import_batch')
    .set({ status: 'failed', errors: JSON.stringify(errors), error_count: errors.length, rows: '[]' })
    .where('id', '=', id)
    .execute();
}

/** Open units where the actor may import, for the template's 「可选组织」 sheet. */
export function listImportableUnits(db: Db, actor: Actor) {
  return db
    .selectFrom('org_unit as u')
    .select(['u.code', 'u.name', 'u.type', 'u.path'])
    .where((eb) => inScope(eb, 'u.path', actor, 'import.run'))
    .where('u.closed_at', 'is', null)
    .orderBy('u.path')
    .execute();
}

/** 组织编码 of the given units, for exports (the list items carry unit ids). */
export async function unitCodesByIds(db: Db, ids: number[]) {
  const out = new Map<number, string>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('org_unit').select(['id', 'code']).where('id', 'in', part).execute();
    for (const r of rows) out.set(r.id, r.code);
  }
  return out;
}
