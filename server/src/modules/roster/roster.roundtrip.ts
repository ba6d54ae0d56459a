import { maskIdNumber, maskPhone } from '@pioneer/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types';
import { PERSON_COLUMN_OF } from '../people/people.service';
import { type PersonColumn, personValues } from './roster.bulk';
import type { ResolvedPerson, ResolvedUnit } from './roster.check';
import { PEOPLE_COLUMNS } from './roster.columns';
import { chunks } from './roster.repository';
import type { RowError } from './roster.rows';
import type { Sheet } from './roster.xlsx';

/**
 * What makes an exported roster import back cleanly (issue 10 item 7):
 * - an export shows phone and ID numbers masked to viewers without `people.sensitive`; a masked cell that
 *   matches the stored number means "unchanged", so it takes the stored value instead of failing or, worse,
 *   overwriting the number with asterisks;
 * - an update counts only rows whose stored values actually differ in the file's columns, and the commit
 *   writes only those ("更新 0 条，60 条无变化" when nothing changed).
 */
type Db = Kysely<DB> | Transaction<DB>;

const MASKS: Record<
  'phone' | 'idNumber',
  { column: 'phone' | 'id_number'; mask: (v: string | null) => string | null }
> = {
  phone: { column: 'phone', mask: maskPhone },
  idNumber: { column: 'id_number', mask: maskIdNumber },
};

/** Replaces masked phone/ID cells of known people by the stored value; a mask that matches nothing is an error. */
export async function unmaskKnownCells(db: Db, sheet: Sheet): Promise<RowError[]> {
  const masked = sheet.rows.filter((r) => /\*/.test(`${r.cells.phone ?? ''}${r.cells.idNumber ?? ''}`));
  if (masked.length === 0) return [];
  const stored = new Map<string, { phone: string | null; id_number: string | null }>();
  for (const part of chunks([...new Set(masked.map((r) => r.cells.staffNo ?? ''))])) {
    const rows = await db
      .selectFrom('person')
      .select(['staff_no', 'phone', 'id_number'])
      .where('staff_no', 'in', part)
      .execute();
    for (const r of rows) stored.set(r.staff_no, r);
  }
  const errors: RowError[] = [];
  for (const r of masked) {
    for (const key of ['phone', 'idNumber'] as const) {
      const cell = r.cells[key];
      if (!cell?.includes('*')) continue;
      const known = stored.get(r.cells.staffNo ?? '')?.[MASKS[key].column] ?? null;
      if (known && MASKS[key].mask(known) === cell) r.cells[key] = known;
      else {
        const header = PEOPLE_COLUMNS.find((c) => c.key === key)!.header;
        errors.push({
          row: r.row,
          column: header,
          message: `${header}为脱敏显示（含 *），与系统中的号码不符；请填写完整号码，或删除整列以保留原值`,
        });
        delete r.cells[key];
      }
    }
  }
  return errors;
}

/** One spelling per value on both sides: blank for null, lists joined, dates as YYYY-MM-DD. */
const canonical = (v: unknown): string =>
  v === null || v === undefined
    ? ''
    : Array.isArray(v)
      ? v.join('、')
      : v instanceof Date
        ? v.toISOString().slice(0, 10)
        : String(v);

/** Existing people whose stored values equal the file's in every column the file has: nothing to update. */
export async function unchangedPeople(db: Db, people: ResolvedPerson[], fileColumns: string[]) {
  const keys = PEOPLE_COLUMNS.filter((c) => fileColumns.includes(c.key) && c.key !== 'unitCode').map((c) =>
    c.key === 'joinedPartyOn' ? 'joined_party_on' : PERSON_COLUMN_OF[c.key as keyof typeof PERSON_COLUMN_OF],
  ) as PersonColumn[];
  const existing = people.filter((p) => p.existingId !== null);
  const unchanged = new Set<number>();
  for (const part of chunks(existing)) {
    const stored = await db
      .selectFrom('person')
      .selectAll()
      .where(
        'id',
        'in',
        part.map((p) => p.existingId!),
      )
      .execute();
    const byId = new Map(stored.map((s) => [s.id, s as unknown as Record<string, unknown>]));
    for (const p of part) {
      const now = byId.get(p.existingId!);
      const next = personValues(p.row, p.unitId) as Record<string, unknown>;
      if (now && keys.every((k) => canonical(now[k]) === canonical(next[k]))) unchanged.add(p.row.row);
    }
  }
  return unchanged;
}

/** Existing units whose name and branch kind the file repeats as they are. */
export async function unchangedUnits(db: Db, units: ResolvedUnit[]) {
  const existing = units.filter((u) => u.existingId !== null);
  const unchanged = new Set<number>();
  for (const part of chunks(existing)) {
    const stored = await db
      .selectFrom('org_unit')
      .select(['id', 'name', 'branch_kind'])
      .where(
        'id',
        'in',
        part.map((u) => u.existingId!),
      )
      .execute();
    const byId = new Map(stored.map((s) => [s.id, s]));
    for (const u of part) {
      const now = byId.get(u.existingId!);
      if (now && now.name === u.row.name && (now.branch_kind ?? null) === (u.branchKind ?? null))
        unchanged.add(u.row.row);
    }
  }
  return unchanged;
}
