import { ALLOWED_CHILDREN, UNIT_TYPE_LABELS, type UnitType } from '@pioneer/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import type { DB } from '../../db/types';
import { IMPORT_MODE_LABELS, type ImportMode, PEOPLE_COLUMNS, UNIT_COLUMNS } from './roster.columns';
import { canImportPeopleInto, canImportUnitsUnder } from './roster.policy';
import { findPeopleByStaffNos, findUnitsByCodes } from './roster.repository';
import type { PersonRow, RowError, UnitRow } from './roster.rows';

/**
 * The checks that need the database: references, scope and duplicates. They run at preview and again inside
 * the commit's transaction, because the database may have changed in between.
 */
type Db = Kysely<DB> | Transaction<DB>;
const header = (columns: readonly { key: string; header: string }[], key: string) =>
  columns.find((c) => c.key === key)!.header;
const P = (key: string) => header(PEOPLE_COLUMNS, key);
const U = (key: string) => header(UNIT_COLUMNS, key);

export interface ResolvedPerson {
  row: PersonRow;
  unitId: number;
  unitPath: string;
  existingId: number | null;
}

export async function checkPeople(db: Db, actor: Actor, rows: PersonRow[], mode: ImportMode) {
  const units = await findUnitsByCodes(
    db,
    rows.map((r) => r.unitCode),
  );
  const existing = await findPeopleByStaffNos(
    db,
    rows.map((r) => r.staffNo),
  );
  const errors: RowError[] = [];
  const resolved: ResolvedPerson[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    const before = errors.length;
    const fail = (column: string, message: string) => errors.push({ row: r.row, column, message });
    const earlier = firstRowOf.get(r.staffNo);
    if (earlier !== undefined) fail(P('staffNo'), `与第 ${earlier} 行的工号/学号“${r.staffNo}”重复`);
    else firstRowOf.set(r.staffNo, r.row);

    const unit = units.get(r.unitCode);
    if (!unit || !canImportPeopleInto(actor, unit.path)) {
      fail(P('unitCode'), `组织编码“${r.unitCode}”不存在或不在您的导入范围内`);
    } else if (unit.closedAt) {
      fail(P('unitCode'), `组织“${r.unitCode}”已撤销`);
    } else if (unit.type !== 'branch' && unit.type !== 'direct_branch') {
      fail(P('unitCode'), `“${r.unitCode}”不是党支部，人员须导入到党支部`);
    }

    const person = existing.get(r.staffNo);
    if (person && mode === 'create_only') {
      errors.push({
        row: r.row,
        column: P('staffNo'),
        code: 'EXISTS',
        message: `工号/学号“${r.staffNo}”已存在；如需更新已有人员，请在“文件中的工号/编码已存在时”选择“${IMPORT_MODE_LABELS.upsert}”`,
      });
    } else if (person && !canImportPeopleInto(actor, person.unitPath)) {
      fail(P('staffNo'), `工号/学号“${r.staffNo}”已登记在您导入范围以外的组织，不能更新`);
    } else if (person && unit && person.unitId !== unit.id) {
      fail(P('unitCode'), '该人员现属其他党支部；调整组织关系请办理组织关系转接');
    }
    if (errors.length === before && unit) {
      resolved.push({ row: r, unitId: unit.id, unitPath: unit.path, existingId: person?.id ?? null });
    }
  }
  return { errors, resolved };
}

export type UnitParent = { from: 'db'; id: number; path: string; depth: number } | { from: 'file'; code: string };
export interface ResolvedUnit {
  row: UnitRow;
  parent: UnitParent;
  /** How many new units of the file lie above this one (0: the parent is already in the database). */
  level: number;
  branchKind: string | null;
  existingId: number | null;
  /** The path the unit is governed by: its own if it exists, else its nearest existing ancestor's. */
  scopePath: string;
}

/**
 * `rawCodes` are the codes every data row of the file carried, parsed or not: a child of a row with errors is
 * told so, rather than that its parent does not exist.
 */
export async function checkUnits(
  db: Db,
  actor: Actor,
  rows: UnitRow[],
  mode: ImportMode,
  rawCodes: Map<string, number>,
) {
  const known = await findUnitsByCodes(db, [...rows.map((r) => r.parentCode), ...rows.map((r) => r.code)]);
  const errors: RowError[] = [];
  const resolved: ResolvedUnit[] = [];
  const inFile = new Map<string, { row: number; type: UnitType; level: number; scopePath: string }>();
  for (const r of rows) {
    const before = errors.length;
    const fail = (column: string, message: string) => errors.push({ row: r.row, column, message });
    const duplicate = inFile.get(r.code);
    if (duplicate) fail(U('code'), `与第 ${duplicate.row} 行的组织编码“${r.code}”重复`);

    let parent: UnitParent | null = null;
    let parentType: UnitType | null = null;
    let level = 0;
    let scopePath = '';
    const dbParent = known.get(r.parentCode);
    const fileParent = inFile.get(r.parentCode);
    if (r.parentCode === r.code) {
      fail(U('parentCode'), '上级组织不能是它自己');
    } else if (dbParent) {
      if (!canImportUnitsUnder(actor, dbParent.path))
        fail(U('parentCode'), `上级组织编码“${r.parentCode}”不存在或不在您的导入范围内`);
      else if (dbParent.closedAt) fail(U('parentCode'), `上级组织“${r.parentCode}”已撤销`);
      parent = { from: 'db', id: dbParent.id, path: dbParent.path, depth: dbParent.depth };
      parentType = dbParent.type as UnitType;
      scopePath = dbParent.path;
    } else if (fileParent) {
      parent = { from: 'file', code: r.parentCode };
      parentType = fileParent.type;
      level = fileParent.level + 1;
      scopePath = fileParent.scopePath;
    } else {
      const rawRow = rawCodes.get(r.parentCode);
      fail(
        U('parentCode'),
        rawRow === undefined
          ? `上级组织编码“${r.parentCode}”不存在或不在您的导入范围内`
          : rawRow < r.row
            ? `上级组织（第 ${rawRow} 行）填写有误，请先改正`
            : `上级组织（第 ${rawRow} 行）须排在本行之前`,
      );
    }
    if (parentType && !(ALLOWED_CHILDREN[parentType] ?? []).includes(r.type)) {
      fail(U('type'), `${UNIT_TYPE_LABELS[parentType]}下不能设立${UNIT_TYPE_LABELS[r.type]}`);
    }

    const existing = known.get(r.code);
    if (existing && mode === 'create_only') {
      errors.push({
        row: r.row,
        column: U('code'),
        code: 'EXISTS',
        message: `组织编码“${r.code}”已存在；如需更新已有组织，请在“文件中的工号/编码已存在时”选择“${IMPORT_MODE_LABELS.upsert}”`,
      });
    } else if (existing && !canImportUnitsUnder(actor, existing.path)) {
      fail(U('code'), `组织编码“${r.code}”已被您导入范围以外的组织使用`);
    } else if (existing && existing.type !== r.type) {
      fail(U('type'), '导入不能改变已有组织的类型');
    } else if (existing && (parent?.from !== 'db' || existing.parentId !== parent.id)) {
      fail(U('parentCode'), '导入不调整已有组织的隶属关系，请在组织架构中移动');
    }
    if (existing) scopePath = existing.path;

    const branchKind = r.type === 'branch' || r.type === 'direct_branch' ? (r.branchKind ?? 'staff') : null;
    if (!duplicate) inFile.set(r.code, { row: r.row, type: r.type, level, scopePath });
    if (errors.length === before && parent) {
      resolved.push({ row: r, parent, level, branchKind, existingId: existing?.id ?? null, scopePath });
    }
  }
  return { errors, resolved };
}
