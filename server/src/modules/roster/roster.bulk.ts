import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import type { DB } from '../../db/types';
import type { PersonRow, UnitRow } from './roster.rows';

/**
 * The bulk writes of a commit. The roster module is the sanctioned bulk path for people and units: it writes
 * `person`, `org_unit` and members' `role_grant` rows directly, a chunk of up to 1000 rows per statement,
 * instead of calling the people, org and access services once per row (one audit event per batch, not per row).
 */
// ---------------------------------------------------------------- people

export const personValues = (r: PersonRow, unitId: number) => ({
  name: r.name,
  gender: r.gender,
  kind: r.kind,
  staff_no: r.staffNo,
  id_number: r.idNumber,
  phone: r.phone,
  political_status: r.politicalStatus,
  cadre_level: r.cadreLevel,
  fulltime_party_worker: r.fulltimePartyWorker,
  skills: r.skills,
  specialty: r.specialty,
  department: r.department,
  major: r.major,
  campus: r.campus,
  development_stage: r.developmentStage,
  unit_id: unitId,
  joined_party_on: r.joinedPartyOn,
});
export type PersonColumn = keyof ReturnType<typeof personValues>;

/** Inserts one chunk of new people and returns their ids by 工号/学号. */
export async function insertPeople(trx: Transaction<DB>, rows: { row: PersonRow; unitId: number }[]) {
  const inserted = await trx
    .insertInto('person')
    .values(rows.map((r) => personValues(r.row, r.unitId)))
    .returning(['id', 'staff_no as staffNo', 'unit_id as unitId', 'political_status as politicalStatus'])
    .execute();
  return inserted;
}

/**
 * Updates one chunk of existing people in a single statement, setting only `columns` (those the file had).
 * The unit is never among them: a change of unit goes through a transfer (组织关系转接).
 */
export async function updatePeople(
  trx: Transaction<DB>,
  rows: { row: PersonRow; unitId: number }[],
  columns: PersonColumn[],
) {
  const set = columns.filter((c) => c !== 'staff_no' && c !== 'unit_id');
  if (set.length === 0) return [];
  return trx
    .insertInto('person')
    .values(rows.map((r) => personValues(r.row, r.unitId)))
    .onConflict((oc) =>
      oc.column('staff_no').doUpdateSet((eb) => ({
        ...Object.fromEntries(set.map((c) => [c, eb.ref(`excluded.${c}`)])),
        updated_at: sql`now()`,
      })),
    )
    .returning(['id', 'staff_no as staffNo', 'unit_id as unitId', 'political_status as politicalStatus'])
    .execute();
}

// ---------------------------------------------------------------- units

/**
 * Inserts one chunk of units whose parents already exist, then gives each its real path (parent path + own id),
 * as org.service does one at a time: two statements per chunk.
 */
export async function insertUnits(
  trx: Transaction<DB>,
  rows: { row: UnitRow; parentId: number; parentPath: string; parentDepth: number; branchKind: string | null }[],
) {
  const inserted = await trx
    .insertInto('org_unit')
    .values(
      rows.map((r) => ({
        parent_id: r.parentId,
        path: `${r.parentPath}new-${r.row.code}/`,
        depth: r.parentDepth + 1,
        type: r.row.type,
        branch_kind: r.branchKind,
        name: r.row.name,
        code: r.row.code,
        partner_id: null,
        closed_at: null,
      })),
    )
    .returning(['id', 'code', 'depth'])
    .execute();
  const pathOf = new Map(rows.map((r) => [r.row.code, r.parentPath]));
  const paths = inserted.map((u) => ({ ...u, path: `${pathOf.get(u.code)}${u.id}/` }));
  const values = sql.join(paths.map((u) => sql`(${u.id}::int, ${u.path}::text)`));
  await sql`update org_unit as u set path = v.path from (values ${values}) as v(id, path) where u.id = v.id`.execute(
    trx,
  );
  return paths;
}

/** Renames units and sets their branch kind; moves and type changes are not done by import. */
export async function updateUnits(
  trx: Transaction<DB>,
  rows: { id: number; name: string; branchKind: string | null }[],
) {
  const values = sql.join(rows.map((u) => sql`(${u.id}::int, ${u.name}::text, ${u.branchKind}::text)`));
  await sql`update org_unit as u set name = v.name, branch_kind = v.kind
    from (values ${values}) as v(id, name, kind) where u.id = v.id`.execute(trx);
}

// ---------------------------------------------------------------- member grants, in bulk

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A Party member holds the `member` role on their unit (as access/role-grants' ensureMemberGrant keeps it for
 * single edits). For a batch it is one insert per chunk instead of a query and an audit event per person; the
 * batch's audit event carries the count. People created by this batch cannot hold a grant yet, so only
 * `updated` people are looked up (an anti-join over the whole role_grant table grew slower with every chunk).
 */
export async function ensureMemberGrants(
  trx: Transaction<DB>,
  actor: Actor,
  people: { id: number; unitId: number; politicalStatus: string }[],
  updated: boolean,
) {
  let members = people.filter((p) => p.politicalStatus === 'member' || p.politicalStatus === 'probationary');
  if (members.length === 0) return 0;
  if (updated) {
    const held = await trx
      .selectFrom('role_grant')
      .select(['person_id', 'unit_id'])
      .where(
        'person_id',
        'in',
        members.map((p) => p.id),
      )
      .where('role', '=', 'member')
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today())]))
      .execute();
    const has = new Set(held.map((g) => `${g.person_id}:${g.unit_id}`));
    members = members.filter((p) => !has.has(`${p.id}:${p.unitId}`));
    if (members.length === 0) return 0;
  }
  await trx
    .insertInto('role_grant')
    .values(
      members.map((p) => ({
        person_id: p.id,
        role: 'member',
        unit_id: p.unitId,
        valid_from: today(),
        valid_to: null,
        granted_by: actor.personId,
        revoked_at: null,
      })),
    )
    .execute();
  return members.length;
}

/** Ends the `member` grants of those among `people` who are no longer Party members. */
export async function endLapsedMemberGrants(trx: Transaction<DB>, people: { id: number; politicalStatus: string }[]) {
  const lapsed = people.filter((p) => p.politicalStatus !== 'member' && p.politicalStatus !== 'probationary');
  if (lapsed.length === 0) return 0;
  const ended = await trx
    .updateTable('role_grant')
    .set({ revoked_at: sql<string>`now()` })
    .where(
      'person_id',
      'in',
      lapsed.map((p) => p.id),
    )
    .where('role', '=', 'member')
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today())]))
    .returning('id')
    .execute();
  return ended.length;
}
