import {
  BRANCH_KIND_LABELS,
  CADRE_LEVEL_LABELS,
  DEVELOPMENT_STAGE_LABELS,
  GENDER_LABELS,
  PERSON_KIND_LABELS,
  POLITICAL_STATUS_LABELS,
  UNIT_TYPE_LABELS,
} from '@pioneer/domain';

/** One column of a roster sheet: the Chinese header people see and the field it fills. */
export interface RosterColumn<K extends string = string> {
  key: K;
  header: string;
  required: boolean;
  width: number;
  /** Stored as text in the template, so Excel does not turn 18-digit numbers into 1.1E+17. */
  text?: boolean;
  /** Allowed labels → stored values; the template offers them as a drop-down list. */
  labels?: Record<string, string>;
  /** Explanation on the 「填写说明」 sheet. */
  note: string;
}

/** label → value, from a domain value → label map. */
const reverse = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([v, l]) => [l, v]));
const YES_NO = { 是: 'true', 否: 'false' };

export const PEOPLE_COLUMNS = [
  { key: 'name', header: '姓名', required: true, width: 10, note: '必填，不超过50字' },
  { key: 'gender', header: '性别', required: true, width: 6, labels: reverse(GENDER_LABELS), note: '必填' },
  {
    key: 'kind',
    header: '类别（教职工/学生）',
    required: true,
    width: 10,
    labels: reverse(PERSON_KIND_LABELS),
    note: '必填',
  },
  {
    key: 'staffNo',
    header: '工号/学号',
    required: true,
    width: 14,
    text: true,
    note: '必填，4–20位字母或数字；全校唯一，用于识别同一人',
  },
  {
    key: 'idNumber',
    header: '身份证号',
    required: false,
    width: 21,
    text: true,
    note: '18位，末位可为X，校验位须正确；请按文本格式填写',
  },
  { key: 'phone', header: '手机号', required: false, width: 13, text: true, note: '11位手机号' },
  {
    key: 'politicalStatus',
    header: '政治面貌',
    required: true,
    width: 14,
    labels: reverse(POLITICAL_STATUS_LABELS),
    note: '必填',
  },
  {
    key: 'cadreLevel',
    header: '干部级别',
    required: false,
    width: 9,
    labels: reverse(CADRE_LEVEL_LABELS),
    note: '空白视为“无”',
  },
  {
    key: 'fulltimePartyWorker',
    header: '专职党务思政',
    required: false,
    width: 12,
    labels: YES_NO,
    note: '是否为专职党务、思政工作人员；空白视为“否”',
  },
  {
    key: 'skills',
    header: '专业特长（以、分隔）',
    required: false,
    width: 22,
    note: '服务技能，多项用顿号“、”分隔，如：政策宣讲、法律咨询；最多20项',
  },
  { key: 'specialty', header: '特长领域', required: false, width: 14, note: '研究方向或特长领域，如：思想政治教育' },
  { key: 'department', header: '院系部门', required: false, width: 16, note: '所在学院或职能部门' },
  { key: 'major', header: '专业', required: false, width: 14, note: '学生填写所学专业' },
  { key: 'campus', header: '校区', required: false, width: 10, note: '所在校区' },
  {
    key: 'developmentStage',
    header: '发展阶段',
    required: false,
    width: 10,
    labels: { ...reverse(DEVELOPMENT_STAGE_LABELS), 无: 'none' },
    note: '服务骨干 → 党员 → 带头人；空白视为“无”',
  },
  {
    key: 'unitCode',
    header: '所在党支部编码',
    required: true,
    width: 16,
    text: true,
    note: '必填，须为您有导入权限的党支部编码，见「可选组织」表',
  },
  {
    key: 'joinedPartyOn',
    header: '入党日期',
    required: false,
    width: 12,
    text: true,
    note: '格式 2020-07-01；群众可不填',
  },
] as const satisfies readonly RosterColumn[];

export const UNIT_COLUMNS = [
  { key: 'name', header: '组织名称', required: true, width: 28, note: '必填，不超过100字' },
  {
    key: 'code',
    header: '组织编码',
    required: true,
    width: 16,
    text: true,
    note: '必填，字母、数字和连字符，全校唯一',
  },
  {
    key: 'type',
    header: '类型',
    required: true,
    width: 12,
    labels: reverse(UNIT_TYPE_LABELS),
    note: '必填；党委下可设党委、党总支、直属党支部，党总支下设党支部',
  },
  {
    key: 'branchKind',
    header: '支部类别',
    required: false,
    width: 10,
    labels: reverse(BRANCH_KIND_LABELS),
    note: '党支部、直属党支部填写；空白视为“教工”',
  },
  {
    key: 'parentCode',
    header: '上级组织编码',
    required: true,
    width: 16,
    text: true,
    note: '必填；可以是系统中已有的组织，也可以是本表中排在前面的组织',
  },
] as const satisfies readonly RosterColumn[];

export const IMPORT_KINDS = ['people', 'units'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = { people: '人员名册', units: '组织名册' };
export const IMPORT_MODES = ['create_only', 'upsert'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
/**
 * The wizard's names of the modes (web/src/modules/roster/messages.ts modeCreate/modeUpsert say the same):
 * an error that tells a person to pick a mode must name one that exists.
 */
export const IMPORT_MODE_LABELS: Record<ImportMode, string> = {
  create_only: '视为错误（只新增）',
  upsert: '更新已有记录',
};

export const columnsOf = (kind: ImportKind): readonly RosterColumn[] =>
  kind === 'people' ? PEOPLE_COLUMNS : UNIT_COLUMNS;

/** Headers match without spaces and without a bracketed hint, so 「类别」 matches 「类别（教职工/学生）」. */
export const normalizeHeader = (h: string) => h.replace(/[（(][^）)]*[）)]/g, '').replace(/\s+/g, '');
