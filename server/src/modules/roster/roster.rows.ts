import { personInput, unitCreateInput } from '@pioneer/domain';
import { z } from 'zod';
import { PEOPLE_COLUMNS, type RosterColumn, UNIT_COLUMNS } from './roster.columns';
import type { SheetRow } from './roster.xlsx';

/** One problem in an uploaded file, as the preview lists it: Excel row number, Chinese header, Chinese message. */
export interface RowError {
  row: number;
  column: string;
  message: string;
  /** `EXISTS`: the record is already there and the mode is create-only (the wizard then proposes update mode). */
  code?: 'EXISTS';
}

const code = z
  .string()
  .trim()
  .min(1, '不能为空')
  .regex(/^[A-Za-z0-9-]{1,40}$/, '编码只能包含字母、数字和连字符');

const joinedPartyOn = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2020-07-01')
  .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), '不是有效的日期')
  .refine((d) => d <= new Date().toISOString().slice(0, 10), '不能晚于今天')
  .nullable();

/** A people row is the domain's person input, with the branch named by its code instead of an id. */
export const personRowSchema = personInput.omit({ unitId: true }).extend({ unitCode: code, joinedPartyOn });
export type PersonRow = z.infer<typeof personRowSchema> & { row: number };

/** A units row is the domain's unit input, with the parent named by its code. */
export const unitRowSchema = unitCreateInput.omit({ parentId: true, reason: true }).extend({ parentCode: code });
export type UnitRow = z.infer<typeof unitRowSchema> & { row: number };

type Converted = { value: unknown } | { error: string };

/** Turns a cell's text into what the schema expects: labels → enum values, lists, booleans, blanks. */
function convert(column: RosterColumn, text: string, kind: 'string' | 'nullable' | 'list' | 'boolean'): Converted {
  if (text === '') {
    if (column.required) return { error: `请填写${column.header.replace(/（.*）$/, '')}` };
    return { value: kind === 'nullable' ? null : undefined };
  }
  if (column.labels) {
    const value = column.labels[text];
    if (value === undefined) return { error: `“${text}”不是有效的值，应为：${Object.keys(column.labels).join('、')}` };
    return { value: kind === 'boolean' ? value === 'true' : value };
  }
  if (kind === 'list') return { value: text.split(/[、,，;；\s]+/).filter(Boolean) };
  // Dates typed as 2020/7/1 or 2020.7.1 are common in Excel: normalise to ISO.
  if (column.key === 'joinedPartyOn') {
    const m = text.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/);
    if (m) return { value: `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` };
  }
  return { value: text };
}

const PEOPLE_KINDS: Record<string, 'string' | 'nullable' | 'list' | 'boolean'> = {
  idNumber: 'nullable',
  phone: 'nullable',
  major: 'nullable',
  joinedPartyOn: 'nullable',
  skills: 'list',
  fulltimePartyWorker: 'boolean',
};

function parseRow<T>(
  sheetRow: SheetRow,
  columns: readonly RosterColumn[],
  kinds: Record<string, 'string' | 'nullable' | 'list' | 'boolean'>,
  schema: z.ZodType<T>,
): { value: (T & { row: number }) | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const input: Record<string, unknown> = {};
  for (const column of columns) {
    if (!(column.key in sheetRow.cells)) continue;
    const converted = convert(column, sheetRow.cells[column.key], kinds[column.key] ?? 'string');
    if ('error' in converted) errors.push({ row: sheetRow.row, column: column.header, message: converted.error });
    else if (converted.value !== undefined) input[column.key] = converted.value;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const flagged = new Set(errors.map((e) => e.column));
    for (const issue of parsed.error.issues) {
      const column = columns.find((c) => c.key === issue.path[0]);
      const header = column?.header ?? String(issue.path[0] ?? '');
      // One message per column: a label we could not map already says what is wrong.
      if (flagged.has(header)) continue;
      flagged.add(header);
      errors.push({ row: sheetRow.row, column: header, message: issue.message });
    }
  }
  if (errors.length > 0 || !parsed.success) return { value: null, errors };
  return { value: { ...parsed.data, row: sheetRow.row }, errors };
}

export const parsePersonRow = (r: SheetRow) => parseRow(r, PEOPLE_COLUMNS, PEOPLE_KINDS, personRowSchema);
export const parseUnitRow = (r: SheetRow) => parseRow(r, UNIT_COLUMNS, { branchKind: 'nullable' }, unitRowSchema);
