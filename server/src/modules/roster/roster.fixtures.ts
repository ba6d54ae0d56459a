import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LoadedDemo } from '../../seed/load-demo';
import type { Client, Response } from '../../test/harness';
import { PEOPLE_COLUMNS, UNIT_COLUMNS } from './roster.columns';

/** Builders for roster tests: .xlsx files made with exceljs, multipart uploads, and reading workbooks back. */

export const PEOPLE_HEADERS = PEOPLE_COLUMNS.map((c) => c.header);
export const UNIT_HEADERS = UNIT_COLUMNS.map((c) => c.header);

/** A valid 18-digit ID number (GB 11643 check digit) from a sequence number. */
export function idNumber(seq: number): string {
  const body = `11010519900307${String(seq % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

/** The same number with a wrong check digit. */
export const badIdNumber = (seq: number) => {
  const good = idNumber(seq);
  return `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
};

/** A people row in template header order, with overrides by header. */
export function personRow(
  seq: number,
  unitCode: string,
  over: Partial<Record<string, string>> = {},
): Record<string, string> {
  return {
    姓名: `测试${seq}`,
    性别: seq % 2 ? '男' : '女',
    '类别（教职工/学生）': '学生',
    '工号/学号': `RT${String(seq).padStart(6, '0')}`,
    身份证号: idNumber(seq),
    手机号: `139${String(seq).padStart(8, '0')}`,
    政治面貌: seq % 3 === 0 ? '群众' : '中共党员',
    干部级别: '无',
    专职党务思政: '否',
    '专业特长（以、分隔）': '政策宣讲、法律咨询',
    特长领域: '',
    院系部门: '文学院',
    专业: '汉语言文学',
    校区: '仙林校区',
    发展阶段: '',
    所在党支部编码: unitCode,
    入党日期: seq % 3 === 0 ? '' : '2023/7/1',
    ...over,
  };
}

/** An .xlsx file whose first sheet has `headers` and one row per record (cells by header). */
export async function xlsx(headers: string[], records: Record<string, string>[], sheetName = '名册'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers);
  for (const r of records) sheet.addRow(headers.map((h) => r[h] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function multipart(fileName: string, content: Buffer) {
  const boundary = `----pioneer${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n';
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export function upload(client: Client, query: string, content: Buffer, fileName = '名册.xlsx'): Promise<Response> {
  return client.inject({ method: 'POST', url: `/api/roster/imports?${query}`, ...multipart(fileName, content) });
}

export async function readWorkbook(raw: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(raw as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as records keyed by the header row's text. */
export function sheetRecords(sheet: ExcelJS.Worksheet): Record<string, string>[] {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const values = sheet.getRow(r).values as unknown[];
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i + 1] === undefined ? '' : String(values[i + 1])])));
  }
  return rows;
}

/** Demo lookups the tests lean on: an account's branch code and a person's number. */
export function demoFacts(demo: LoadedDemo) {
  const { school } = demo;
  const personOf = (username: string) => {
    const key = school.accounts.find((a) => a.username === username)!.personKey;
    return school.people.find((p) => p.key === key)!;
  };
  const homeUnitOf = (username: string) => school.units.find((u) => u.key === personOf(username).unitKey)!;
  /** The unit a secretary's grant is on (a secretary's own membership may be in another branch). */
  const grantUnitOf = (username: string) => {
    const grant = school.grants.find((g) => g.personKey === personOf(username).key && g.role !== 'member')!;
    return school.units.find((u) => u.key === grant.unitKey)!;
  };
  const root = school.units.find((u) => u.type === 'committee' && u.parentKey === null)!;
  const wenxue = school.units.find((u) => u.type === 'general_branch' && u.name.includes('文学院'))!;
  const math = school.units.find((u) => u.type === 'general_branch' && u.name.includes('数学'))!;
  return { personOf, homeUnitOf, grantUnitOf, root, wenxue, math };
}
