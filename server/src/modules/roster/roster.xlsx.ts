import ExcelJS from 'exceljs';
import { badRequest } from '../../core/errors';
import { uploadTooLarge, XLSX_LIMITS } from '../../core/uploads/index';
import { normalizeHeader, type RosterColumn } from './roster.columns';

/** A data row of an uploaded sheet: its Excel row number and each known column's text. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}
export interface Sheet {
  /** Keys of the columns the file has (an upsert updates only these). */
  columns: string[];
  rows: SheetRow[];
}

/** The same cap the upload inspection applied to the sheet's XML (core/uploads/limits.ts). */
const MAX_ROWS = XLSX_LIMITS.maxRows;
/** Sheets of our own templates that hold help, not data. */
const HELP_SHEETS = new Set(['填写说明', '可选组织']);

const pad2 = (n: number) => String(n).padStart(2, '0');

// Control characters (a NUL, a line break typed with Alt+Enter) become a space: PostgreSQL refuses NUL in
// text and jsonb, and a line break inside a name or a code is never meant.
export const cleanText = (s: string) => s.replace(/\p{Cc}+/gu, ' ').trim();

/** Any cell value exceljs can hand back, as the text a person typed. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  // Excel dates carry no zone: exceljs hands them back as UTC midnight of that day.
  if (value instanceof Date)
    return `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
  if ('richText' in value) return cleanText(value.richText.map((r) => r.text).join(''));
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  // A hyperlink's text may itself be rich text.
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}

/** Reads the first data sheet of an .xlsx upload; headers are matched by name, so column order is free. */
export async function readSheet(buffer: Buffer, columns: readonly RosterColumn[]): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw badRequest('file', '无法读取文件，请上传 .xlsx 格式的 Excel 文件');
  }
  const sheet = workbook.worksheets.find((w) => !HELP_SHEETS.has(w.name));
  if (!sheet) throw badRequest('file', '文件中没有工作表');

  const byHeader = new Map(columns.map((c) => [normalizeHeader(c.header), c.key]));
  const keyAt = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, col) => {
    const key = byHeader.get(normalizeHeader(cellText(cell.value)));
    if (key && ![...keyAt.values()].includes(key)) keyAt.set(col, key);
  });
  const present = new Set(keyAt.values());
  const missing = columns.filter((c) => c.required && !present.has(c.key)).map((c) => c.header);
  if (missing.length > 0) throw badRequest('file', `缺少必需的列：${missing.join('、')}（请使用导入模板）`);

  const rows: SheetRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: Record<string, string> = {};
    let blank = true;
    for (const [col, key] of keyAt) {
      const text = cellText(row.getCell(col).value);
      cells[key] = text;
      if (text) blank = false;
    }
    if (blank) continue;
    rows.push({ row: r, cells });
    if (rows.length > MAX_ROWS) throw uploadTooLarge(`工作表超过 ${MAX_ROWS} 行的上限，请分批导入`);
  }
  if (rows.length === 0) throw badRequest('file', '文件中没有数据行');
  return { columns: [...present], rows };
}

// The sheet and download helpers live in core (every module exports lists); re-exported for the roster's files.
export { addHeaderedSheet, sendWorkbook } from '../../core/xlsx';
