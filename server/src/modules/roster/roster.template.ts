import { ALLOWED_CHILDREN, UNIT_TYPE_LABELS, type UnitType } from '@pioneer/domain';
import ExcelJS from 'exceljs';
import type { Actor } from '../../core/actor';
import type { Context } from '../../core/module';
import {
  columnsOf,
  IMPORT_KIND_LABELS,
  IMPORT_MODE_LABELS,
  type ImportKind,
  type RosterColumn,
} from './roster.columns';
import { canImportPeopleInto, canImportUnitsUnder } from './roster.policy';
import { listImportableUnits } from './roster.repository';
import { addHeaderedSheet } from './roster.xlsx';

/** Rows of the data sheet that get drop-down lists (Excel stores one rule per column range). */
const TEMPLATE_ROWS = 5000;
const OPTIONS_SHEET = '可选组织';

const GENERAL_NOTES = [
  '导入分两步：上传文件后系统逐行检查并给出预览；确认无误后再点“确认导入”。',
  '全部或全不：文件中只要有一行有错，整个文件都不会导入。请按预览中的行号和列名改正后重新上传。',
  '请不要修改第一行的列名；列的顺序可以调整，不需要的选填列可以删除。',
  '工号/学号、身份证号、手机号、编码请按文本填写，以免 Excel 把长数字变成科学计数法。',
  `“文件中的工号/编码已存在时”选择“${IMPORT_MODE_LABELS.upsert}”，已存在的工号/学号（组织编码）会按本表更新；表中没有的列保持原值，与系统一致的行不计为更新。`,
  '从本系统导出的名册可直接改后导回：脱敏显示的手机号、身份证号若未改动，视为保持原值。',
  '导入不会调整人员的组织关系，也不会移动组织：这些请在系统中办理。',
];

/** The unit codes offered in the template: where this actor may put people (branches) or new units (parents). */
async function optionsFor(ctx: Pick<Context, 'db'>, actor: Actor, kind: ImportKind) {
  const units = await listImportableUnits(ctx.db, actor);
  return units.filter((u) =>
    kind === 'people'
      ? (u.type === 'branch' || u.type === 'direct_branch') && canImportPeopleInto(actor, u.path)
      : (ALLOWED_CHILDREN[u.type as UnitType] ?? []).length > 0 && canImportUnitsUnder(actor, u.path),
  );
}

const colLetter = (n: number) => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

/** exceljs 4.4 supports a rule over a whole range at run time, but its typings only declare per-cell rules. */
const validations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;

function addDataSheet(
  workbook: ExcelJS.Workbook,
  kind: ImportKind,
  columns: readonly RosterColumn[],
  optionCount: number,
) {
  const sheet = addHeaderedSheet(workbook, IMPORT_KIND_LABELS[kind], columns);
  columns.forEach((c, i) => {
    const letter = colLetter(i + 1);
    sheet.getCell(`${letter}1`).note = `${c.required ? '【必填】' : '【选填】'}${c.note}`;
    const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`;
    const codeColumn = c.key === 'unitCode' || c.key === 'parentCode';
    if (c.labels) {
      validations(sheet).add(range, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`"${Object.keys(c.labels).join(',')}"`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从下拉列表中选择：${Object.keys(c.labels).join('、')}`,
      });
    } else if (codeColumn && optionCount > 0) {
      // A warning, not a stop: a parent may also be a unit added earlier in the same file.
      validations(sheet).add(range, {
        type: 'list',
        allowBlank: false,
        formulae: [`'${OPTIONS_SHEET}'!$A$2:$A$${optionCount + 1}`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: c.header,
        error: `该编码不在「${OPTIONS_SHEET}」表中，请确认`,
      });
    }
  });
}

function addHelpSheet(workbook: ExcelJS.Workbook, columns: readonly RosterColumn[]) {
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 22 }, { width: 10 }, { width: 36 }, { width: 60 }];
  help.addRow(['填写说明']).font = { bold: true, size: 14 };
  for (const line of GENERAL_NOTES) help.addRow([line]);
  help.addRow([]);
  const header = help.addRow(['列名', '是否必填', '可填的值', '说明']);
  header.font = { bold: true };
  for (const c of columns) {
    help.addRow([c.header, c.required ? '必填' : '选填', c.labels ? Object.keys(c.labels).join('、') : '', c.note]);
  }
  help.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
}

export async function buildTemplate(ctx: Pick<Context, 'db'>, actor: Actor, kind: ImportKind) {
  const columns = columnsOf(kind);
  const options = await optionsFor(ctx, actor, kind);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '先锋服务';
  addDataSheet(workbook, kind, columns, options.length);
  addHelpSheet(workbook, columns);
  const sheet = addHeaderedSheet(workbook, OPTIONS_SHEET, [
    { header: '组织编码', width: 18, text: true },
    { header: '组织名称', width: 36 },
    { header: '类型', width: 12 },
  ]);
  for (const u of options) sheet.addRow([u.code, u.name, UNIT_TYPE_LABELS[u.type as UnitType] ?? u.type]);
  return workbook;
}
