import ExcelJS from 'exceljs';

/** The first sheet of an .xlsx as its header row and data rows of cell text, for comparing exports with lists. */
export async function readXlsx(buffer: Buffer): Promise<{ sheet: string; headers: string[]; rows: string[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const text = (v: ExcelJS.CellValue) =>
    v === null || v === undefined
      ? ''
      : v instanceof Date
        ? v.toISOString()
        : typeof v === 'object'
          ? String((v as { text?: string }).text ?? '')
          : String(v);
  const all: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(text(row.getCell(c).value));
    all.push(cells);
  });
  return { sheet: sheet.name, headers: all[0] ?? [], rows: all.slice(1) };
}
