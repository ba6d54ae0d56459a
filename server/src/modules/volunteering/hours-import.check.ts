import { sql } from 'kysely';
import type { RosterColumn } from '../roster/roster.columns';
import type { SheetRow } from '../roster/roster.xlsx';
import type { Db } from './shared';

/**
 * The rows of an hours import (活动时长导入) and their checks. Each row credits one person for the chosen
 * activity; the checks run at preview and again inside the commit's transaction.
 */
export const HOURS_COLUMNS = [
  { key: 'staffNo', header: '工号/学号', required: true, width: 14, text: true, note: '必填；须为已注册的志愿者' },
  { key: 'name', header: '姓名', required: true, width: 10, note: '必填；须与工号/学号对应，防止填错人' },
  { key: 'hours', header: '时长（小时）', required: true, width: 12, note: '必填；0.25–24，可填小数，如 1.5' },
  {
    key: 'start',
    header: '服务开始',
    required: false,
    width: 18,
    text: true,
    note: '选填，格式 2026-05-01 09:00；空白取活动的开始时间',
  },
  {
    key: 'end',
    header: '服务结束',
    required: false,
    width: 18,
    text: true,
    note: '选填，格式 2026-05-01 11:30；空白取开始时间加时长',
  },
  { key: 'description', header: '服务内容', required: false, width: 30, note: '选填；空白取活动名称' },
] as const satisfies readonly RosterColumn[];

export interface HoursRowError {
  row: number;
  column: string;
  message: string;
}
export interface HoursRow {
  row: number;
  staffNo: string;
  name: string;
  minutes: number;
  serviceStart: string;
  serviceEnd: string;
  description: string;
}
export interface ActivityFacts {
  id: number;
  title: string;
  startsAt: string;
  endsAt: string;
}

const H = (key: (typeof HOURS_COLUMNS)[number]['key']) => HOURS_COLUMNS.find((c) => c.key === key)!.header;

/** `2026-05-01 09:00` (or with / and seconds) as Asia/Shanghai; a bare date is 09:00 that day. */
function shanghaiTime(text: string): string | null {
  const m = text.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?$/);
  if (!m) return null;
  const p2 = (s: string) => s.padStart(2, '0');
  const iso = `${m[1]}-${p2(m[2])}-${p2(m[3])}T${p2(m[4] ?? '9')}:${m[5] ?? '00'}:00+08:00`;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Parses one sheet row; the database checks come after. */
export function parseHoursRow(
  r: SheetRow,
  activity: ActivityFacts,
): { value: HoursRow | null; errors: HoursRowError[] } {
  const errors: HoursRowError[] = [];
  const fail = (key: (typeof HOURS_COLUMNS)[number]['key'], message: string) =>
    errors.push({ row: r.row, column: H(key), message });
  const c = r.cells;
  const staffNo = (c.staffNo ?? '').trim();
  const name = (c.name ?? '').trim();
  if (!staffNo) fail('staffNo', '请填写工号/学号');
  if (!name) fail('name', '请填写姓名');
  const hours = Number((c.hours ?? '').replace(/小时|h$/i, '').trim());
  const minutes = Math.round(hours * 60);
  if (!c.hours || !Number.isFinite(hours)) fail('hours', '请填写时长（小时），如 1.5');
  else if (minutes < 15 || minutes > 24 * 60) fail('hours', '时长应在 0.25 到 24 小时之间');
  let start = activity.startsAt;
  let end: string | null = null;
  if (c.start) {
    const t = shanghaiTime(c.start);
    if (t) start = t;
    else fail('start', '时间格式应为 2026-05-01 09:00');
  }
  if (c.end) {
    const t = shanghaiTime(c.end);
    if (t) end = t;
    else fail('end', '时间格式应为 2026-05-01 11:30');
  }
  end ??= new Date(Date.parse(start) + (Number.isFinite(minutes) ? minutes : 0) * 60_000).toISOString();
  const hoursOk = !errors.some((e) => e.column === H('hours'));
  if (Date.parse(end) <= Date.parse(start)) fail('end', '结束时间应晚于开始时间');
  else if (hoursOk && minutes * 60_000 > Date.parse(end) - Date.parse(start) + 59_000) {
    fail('hours', '时长超过了服务开始到结束的时间');
  }
  if (Date.parse(start) > Date.now()) fail('start', '不能登记尚未开始的服务');
  const description = (c.description ?? '').trim().slice(0, 500) || `${activity.title}（线下活动，Excel 导入）`;
  if (errors.length > 0) return { value: null, errors };
  return { value: { row: r.row, staffNo, name, minutes, serviceStart: start, serviceEnd: end, description }, errors };
}

export interface ResolvedHours extends HoursRow {
  personId: number;
}

/** Who each row names, whether they volunteer, and whether this activity already credited them. */
export async function checkHoursRows(db: Db, activityId: number, rows: HoursRow[]) {
  const errors: HoursRowError[] = [];
  const resolved: ResolvedHours[] = [];
  if (rows.length === 0) return { errors, resolved };
  const people = await db
    .selectFrom('person as p')
    .leftJoin('volunteer as v', 'v.person_id', 'p.id')
    .select(['p.id', 'p.staff_no as staffNo', 'p.name', 'v.id as volunteerId'])
    .where('p.staff_no', 'in', [...new Set(rows.map((r) => r.staffNo))])
    .execute();
  const byNo = new Map(people.map((p) => [p.staffNo, p]));
  // A credit for this activity that still stands (not reversed): importing the same file twice adds nothing.
  const credited = await db
    .selectFrom('volunteer_hours_entry as e')
    .select('e.person_id')
    .where('e.activity_id', '=', activityId)
    .where('e.kind', '=', 'credit')
    .where(sql<boolean>`not exists (select 1 from volunteer_hours_entry r where r.reverses_id = e.id)`)
    .execute();
  const already = new Set(credited.map((c) => c.person_id));
  const seen = new Map<string, number>();
  for (const r of rows) {
    const before = errors.length;
    const fail = (column: string, message: string) => errors.push({ row: r.row, column, message });
    const p = byNo.get(r.staffNo);
    if (seen.has(r.staffNo)) fail(H('staffNo'), `与第 ${seen.get(r.staffNo)} 行重复`);
    else seen.set(r.staffNo, r.row);
    if (!p || p.name !== r.name) fail(H('name'), `工号/学号“${r.staffNo}”与姓名“${r.name}”不对应`);
    else if (p.volunteerId === null) fail(H('staffNo'), `${r.name}尚未注册为志愿者，请先注册`);
    else if (already.has(p.id)) fail(H('staffNo'), `${r.name}已有本活动的时长记录，不能重复登记`);
    if (errors.length === before && p) resolved.push({ ...r, personId: p.id });
  }
  return { errors, resolved };
}
