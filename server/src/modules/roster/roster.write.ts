import type { Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import type { DB } from '../../db/types';
import { PERSON_COLUMN_OF as PERSON_FIELD_COLUMNS } from '../people/people.service';
import {
  endLapsedMemberGrants,
  ensureMemberGrants,
  insertPeople,
  insertUnits,
  updatePeople,
  updateUnits,
} from './roster.bulk';
import type { ResolvedPerson, ResolvedUnit } from './roster.check';
import { PEOPLE_COLUMNS } from './roster.columns';
import type { Progress } from './roster.progress';
import { chunks } from './roster.repository';

/** The bulk writes of a commit, in chunks of 1000 rows, advancing `progress` after each chunk. */

const PERSON_COLUMN_OF: Record<string, string> = {
  ...PERSON_FIELD_COLUMNS,
  unitCode: 'unit_id',
  joinedPartyOn: 'joined_party_on',
};

export async function writePeople(
  trx: Transaction<DB>,
  actor: Actor,
  people: ResolvedPerson[],
  fileColumns: string[],
  progress: Progress,
) {
  const toCreate = people.filter((p) => p.existingId === null);
  const toUpdate = people.filter((p) => p.existingId !== null);
  // An update touches only the columns the file had: a sheet without 手机号 leaves phones as they are.
  const updatable = PEOPLE_COLUMNS.filter((c) => fileColumns.includes(c.key)).map((c) => PERSON_COLUMN_OF[c.key]);
  const statusChanges = fileColumns.includes('politicalStatus');
  let grantsCreated = 0;
  let grantsEnded = 0;
  for (const part of chunks(toCreate)) {
    grantsCreated += await ensureMemberGrants(trx, actor, await insertPeople(trx, part), false);
    progress.done += part.length;
  }
  for (const part of chunks(toUpdate)) {
    const updated = await updatePeople(trx, part, updatable as never);
    if (statusChanges) {
      grantsCreated += await ensureMemberGrants(trx, actor, updated, true);
      grantsEnded += await endLapsedMemberGrants(trx, updated);
    }
    progress.done += part.length;
  }
  return { created: toCreate.length, updated: toUpdate.length, grantsCreated, grantsEnded };
}

/**
 * New units go in level by level (those under existing units first, then their children from the same
 * file), so every parent has its id and path before its children are written.
 */
export async function writeUnits(trx: Transaction<DB>, units: ResolvedUnit[], progress: Progress) {
  const toUpdate = units.filter((u) => u.existingId !== null);
  const toCreate = units.filter((u) => u.existingId === null);
  const placed = new Map<string, { id: number; path: string; depth: number }>();
  const maxLevel = Math.max(0, ...toCreate.map((u) => u.level));
  for (let level = 0; level <= maxLevel; level += 1) {
    for (const part of chunks(toCreate.filter((u) => u.level === level))) {
      const rows = part.map((u) => {
        const parent = u.parent.from === 'db' ? u.parent : placed.get(u.parent.code)!;
        return {
          row: u.row,
          parentId: parent.id,
          parentPath: parent.path,
          parentDepth: parent.depth,
          branchKind: u.branchKind,
        };
      });
      for (const unit of await insertUnits(trx, rows)) placed.set(unit.code, unit);
      progress.done += part.length;
    }
  }
  for (const part of chunks(toUpdate)) {
    await updateUnits(
      trx,
      part.map((u) => ({ id: u.existingId!, name: u.row.name, branchKind: u.branchKind })),
    );
    progress.done += part.length;
  }
  return { created: toCreate.length, updated: toUpdate.length };
}
