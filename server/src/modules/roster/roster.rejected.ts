import ExcelJS from 'exceljs';
import type { Actor } from '../../core/actor';
import type { Context } from '../../core/module';
import { columnsOf, type ImportKind, type ImportMode } from './roster.columns';
import { analyseUpload } from './roster.service';
import { addHeaderedSheet } from './roster.xlsx';

/**
 * 未通过的行: the rows of an upload that have problems, as the person typed them, with a last column saying
 * why — fix them in this file and upload it again (the extra column is ignored on import). Nothing is stored:
 * the file is checked again here, so no copy of personal data is kept for this download.
 */
export async function rejectedRowsWorkbook(
  ctx: Pick<Context, 'db'>,
  actor: Actor,
  input: { kind: ImportKind; mode: ImportMode; buffer: Buffer },
) {
  const { sheet, original, errors } = await analyseUpload(ctx, actor, input);
  const columns = columnsOf(input.kind).filter((c) => sheet.columns.includes(c.key));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '先锋服务';
  const out = addHeaderedSheet(workbook, '未通过的行', [
    ...columns.map((c) => ({ header: c.header, width: c.width, text: c.text })),
    { header: '错误原因', width: 60 },
    { header: '原行号', width: 8 },
  ]);
  const reasons = new Map<number, string[]>();
  for (const e of errors) reasons.set(e.row, [...(reasons.get(e.row) ?? []), `${e.column}：${e.message}`]);
  for (const [row, why] of reasons) {
    const cells = original.get(row) ?? {};
    const added = out.addRow([...columns.map((c) => cells[c.key] ?? ''), why.join('；'), row]);
    added.getCell(columns.length + 1).font = { color: { argb: 'FFCF1322' } };
  }
  return { workbook, count: reasons.size };
}
