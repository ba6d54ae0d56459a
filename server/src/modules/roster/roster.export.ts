import { GRID_KIND_LABELS } from '@pioneer/domain';
import ExcelJS from 'exceljs';
import type { Actor } from '../../core/actor';
import { forbidden } from '../../core/errors';
import type { Context } from '../../core/module';
import { listUnits } from '../org/org.repository';
import { coverageReport } from '../org/org.service';
import { type PeopleQuery, searchPeople } from '../people/people.service';
import { PEOPLE_COLUMNS, type RosterColumn, UNIT_COLUMNS } from './roster.columns';
import { canExportPeople } from './roster.policy';
import { unitCodesByIds } from './roster.repository';
import { addHeaderedSheet } from './roster.xlsx';

/**
 * Exports use the same columns as the import templates, so an exported sheet can be edited and imported
 * back (as an update). People come from the people service, already masked for the viewer.
 */
type Ctx = Pick<Context, 'db'>;

/** The label a template would take for a stored value: 'female' → '女', true → '是'. */
function labelOf(column: RosterColumn, value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (column.labels) {
    const found = Object.entries(column.labels).find(([, v]) => v === String(value));
    return found ? found[0] : String(value);
  }
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

export async function exportPeople(ctx: Ctx, actor: Actor, query: PeopleQuery) {
  if (!canExportPeople(actor)) throw forbidden('您没有查看人员名册的权限');
  const { items } = await searchPeople(ctx, actor, { ...query, page: undefined, pageSize: undefined });
  const codes = await unitCodesByIds(
    ctx.db,
    items.map((p) => p.unitId),
  );
  const columns = [
    ...PEOPLE_COLUMNS,
    { key: 'unitName', header: '所在组织', required: false, width: 28, note: '' },
  ] as const;
  const workbook = new ExcelJS.Workbook();
  const sheet = addHeaderedSheet(workbook, '人员名册', columns);
  for (const p of items) {
    const record: Record<string, unknown> = { ...p, unitCode: codes.get(p.unitId) ?? '' };
    sheet.addRow(columns.map((c) => labelOf(c, record[c.key])));
  }
  return { workbook, count: items.length };
}

export async function exportUnits(ctx: Ctx, actor: Actor) {
  const units = await listUnits(ctx.db, actor);
  // The parent of the top visible unit lies outside the viewer's scope: its code stays blank.
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const columns = [
    ...UNIT_COLUMNS,
    { key: 'peopleCount', header: '直属人数', required: false, width: 10, note: '' },
  ] as const;
  const workbook = new ExcelJS.Workbook();
  const sheet = addHeaderedSheet(workbook, '组织名册', columns);
  for (const u of units) {
    const record: Record<string, unknown> = {
      ...u,
      parentCode: u.parentId === null ? '' : (codeOf.get(u.parentId) ?? ''),
      peopleCount: Number(u.peopleCount),
    };
    sheet.addRow(
      columns.map((c) => (c.key === 'peopleCount' ? Number(record.peopleCount) : labelOf(c, record[c.key]))),
    );
  }
  return { workbook, count: units.length };
}

const GAP_LABELS: Record<string, string> = { no_branch: '无覆盖党支部', no_contact: '无联系党员' };

export async function exportCoverage(ctx: Ctx, actor: Actor, unitId: number) {
  const report = await coverageReport(ctx, actor, unitId);
  const workbook = new ExcelJS.Workbook();
  const summary = addHeaderedSheet(workbook, '覆盖概况', [
    { header: '网格类型', width: 16 },
    { header: '网格单元数', width: 12 },
    { header: '已覆盖', width: 10 },
    { header: '覆盖率', width: 10 },
  ]);
  const rate = (covered: number, total: number) => (total === 0 ? 1 : covered / total);
  for (const k of report.byKind) {
    summary.addRow([
      GRID_KIND_LABELS[k.kind as keyof typeof GRID_KIND_LABELS] ?? k.kind,
      k.total,
      k.covered,
      rate(k.covered, k.total),
    ]);
  }
  summary.addRow([`合计（${report.unit.name}）`, report.total, report.covered, report.rate]).font = { bold: true };
  summary.getColumn(4).numFmt = '0.0%';

  const gaps = addHeaderedSheet(workbook, '未覆盖网格单元', [
    { header: '网格单元', width: 28 },
    { header: '类型', width: 14 },
    { header: '所属组织', width: 28 },
    { header: '校区', width: 10 },
    { header: '覆盖党支部', width: 28 },
    { header: '联系党员', width: 10 },
    { header: '缺口', width: 14 },
  ]);
  for (const g of report.uncovered) {
    gaps.addRow([
      g.name,
      GRID_KIND_LABELS[g.kind as keyof typeof GRID_KIND_LABELS] ?? g.kind,
      g.ownerUnitName,
      g.campus,
      g.coveringBranchName ?? '',
      g.contactPersonName ?? '',
      g.gap ? GAP_LABELS[g.gap] : '',
    ]);
  }
  return { workbook, unitName: report.unit.name };
}
