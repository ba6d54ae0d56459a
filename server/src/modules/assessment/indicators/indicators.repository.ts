import type { IndicatorTreeInput } from '@pioneer/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/types';

type Db = Kysely<DB> | Transaction<DB>;

export const systemColumns = [
  's.id',
  's.year',
  's.unit_class as unitClass',
  's.version',
  's.reason',
  's.copied_from as copiedFrom',
  's.frozen_at as frozenAt',
  's.created_at as createdAt',
  's.owner_unit_id as ownerUnitId',
  'o.name as ownerName',
  'o.path as ownerPath',
] as const;

export const baseSystems = (db: Db) =>
  db.selectFrom('assessment_system as s').innerJoin('org_unit as o', 'o.id', 's.owner_unit_id');

export function findSystem(db: Db, id: number) {
  return baseSystems(db).select(systemColumns).where('s.id', '=', id).executeTakeFirst();
}

/** The tree of a system: first-level groups in order, each with its items in order. */
export async function loadTree(db: Db, systemId: number) {
  const rows = await db
    .selectFrom('assessment_indicator')
    .selectAll()
    .where('system_id', '=', systemId)
    .orderBy('parent_id', 'asc')
    .orderBy('position')
    .execute();
  const groups = rows.filter((r) => r.parent_id === null);
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    weight: g.weight,
    children: rows
      .filter((r) => r.parent_id === g.id)
      .map((c) => ({
        id: c.id,
        name: c.name,
        weight: c.weight,
        method: c.method as 'computed' | 'assessed',
        measureKey: c.measure_key,
        rule: (c.rule ?? null) as IndicatorTreeInput['groups'][number]['children'][number]['rule'],
        criteria: c.criteria,
        evidenceRequired: c.evidence_required,
      })),
  }));
}
export type IndicatorTree = Awaited<ReturnType<typeof loadTree>>;

/** Writes a validated tree under a system (its previous indicators already deleted by the caller). */
export async function insertTree(trx: Transaction<DB>, systemId: number, tree: IndicatorTreeInput) {
  for (const [i, g] of tree.groups.entries()) {
    const group = await trx
      .insertInto('assessment_indicator')
      .values({
        system_id: systemId,
        parent_id: null,
        position: i,
        name: g.name,
        weight: g.weight,
        method: null,
        rule: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('assessment_indicator')
      .values(
        g.children.map((c, j) => ({
          system_id: systemId,
          parent_id: group.id,
          position: j,
          name: c.name,
          weight: c.weight,
          method: c.method,
          measure_key: c.method === 'computed' ? (c.measureKey ?? null) : null,
          rule: c.method === 'computed' && c.rule ? JSON.stringify(c.rule) : null,
          criteria: c.criteria,
          evidence_required: c.evidenceRequired,
        })),
      )
      .execute();
  }
}

export async function deleteTree(trx: Transaction<DB>, systemId: number) {
  // Items first: they reference their group.
  await trx
    .deleteFrom('assessment_indicator')
    .where('system_id', '=', systemId)
    .where('parent_id', 'is not', null)
    .execute();
  await trx.deleteFrom('assessment_indicator').where('system_id', '=', systemId).execute();
}
