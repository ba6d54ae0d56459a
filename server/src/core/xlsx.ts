import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

/** A header row in bold on grey, frozen, with each column's width. */
export function addHeaderedSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly { header: string; width: number; text?: boolean }[],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  return sheet;
}

/**
 * Sends a workbook as a download. The Chinese name goes in RFC 5987 `filename*`; plain `filename` carries an
 * ASCII fallback for old clients that cannot read it.
 */
export async function sendWorkbook(
  reply: FastifyReply,
  workbook: ExcelJS.Workbook,
  chineseName: string,
  asciiName: string,
) {
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`,
    )
    .header('cache-control', 'no-store')
    .send(body);
}

export type CellValue = string | number | Date | null | undefined;

/** One column of an exported list: its Chinese header, width, and how a row gives its cell. */
export interface ExportColumn<Row> {
  header: string;
  width?: number;
  /** Keep as text in Excel (codes, ID numbers, phone numbers: no scientific notation, no lost zeros). */
  text?: boolean;
  value(row: Row): CellValue;
}

/**
 * Every office list exports "exactly what the filters show" the same way: the list route reads the same
 * filters, fetches the rows without paging (bounded by `maxRows`), and sends them through this one function.
 */
export async function sendListXlsx<Row>(
  reply: FastifyReply,
  opts: {
    sheet: string;
    fileName: string;
    asciiName: string;
    columns: readonly ExportColumn<Row>[];
    rows: readonly Row[];
  },
) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '先锋服务';
  const sheet = addHeaderedSheet(
    workbook,
    opts.sheet,
    opts.columns.map((c) => ({ header: c.header, width: c.width ?? 16, text: c.text })),
  );
  for (const row of opts.rows) {
    sheet.addRow(opts.columns.map((c) => c.value(row) ?? null));
  }
  return sendWorkbook(reply, workbook, opts.fileName, opts.asciiName);
}

/** Upper bound on rows in one list export (a whole school's hours ledger for a year fits). */
export const MAX_EXPORT_ROWS = 100_000;
