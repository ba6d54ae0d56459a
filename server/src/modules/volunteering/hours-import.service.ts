import { isServiceCategory } from '@pioneer/domain';
import ExcelJS from 'exceljs';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, notFound } from '../../core/errors';
import { inScope } from '../../core/scope';
import { addHeaderedSheet } from '../../core/xlsx';
import { readSheet } from '../roster/roster.xlsx';
import {
  type ActivityFacts,
  checkHoursRows,
  HOURS_COLUMNS,
  type HoursRowError,
  parseHoursRow,
  type ResolvedHours,
} from './hours-import.check';
import { appendCredits, notServiceHours } from './ledger.service';
import type { Ctx, Db } from './shared';

/**
 * 线下活动时长导入: an organizer who ran an activity offline (no sign-up or check-in in the system) fills a
 * sheet of who served how long; preview checks every row and writes nothing; commit credits every row or none,
 * through the ledger's manual-entry writer (appendCredits), so the hash chain and the review flags apply
 * exactly as to hours typed in one by one.
 */

/** The activity, if the actor records hours for its organizing unit (volunteer.manage there); else 404. */
async function activityFor(db: Db, actor: Actor, activityId: number) {
  const a = await db
    .selectFrom('volunteer_activity as a')
    .innerJoin('org_unit as u', 'u.id', 'a.org_unit_id')
    .select([
      'a.id',
      'a.title',
      'a.category',
      'a.starts_at as startsAt',
      'a.ends_at as endsAt',
      'a.org_unit_id as unitId',
      'u.path as unitPath',
      'a.status',
    ])
    .where('a.id', '=', activityId)
    .where((eb) => inScope(eb, 'u.path', actor, 'volunteer.manage'))
    .executeTakeFirst();
  if (!a) throw notFound('活动');
  if (!isServiceCategory(a.category)) throw notServiceHours();
  return a;
}

/** A sheet to fill in: the activity's confirmed participants are listed already (hours left blank). */
export async function hoursTemplate(ctx: Ctx, actor: Actor, activityId: number) {
  const activity = await activityFor(ctx.db, actor, activityId);
  const people = await ctx.db
    .selectFrom('volunteer_signup as s')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .select(['p.staff_no as staffNo', 'p.name'])
    .where('s.activity_id', '=', activityId)
    .where('s.status', '=', 'confirmed')
    .orderBy('p.staff_no')
    .execute();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '先锋服务';
  const sheet = addHeaderedSheet(workbook, '时长导入', HOURS_COLUMNS);
  for (const p of people) sheet.addRow([p.staffNo, p.name]);
  const help = addHeaderedSheet(workbook, '填写说明', [
    { header: '列', width: 16 },
    { header: '说明', width: 70 },
  ]);
  help.addRow(['活动', `${activity.title}（编号 ${activity.id}）`]);
  for (const c of HOURS_COLUMNS) help.addRow([c.header, c.note]);
  help.addRow(['全部或全不', '文件中只要有一行有错，整个文件都不会导入；请按预览中的行号改正后重新上传。']);
  help.addRow(['复核', '导入的时长与手工录入一样记入时长台账，可能被标记待复核；复核通过前不计入证明。']);
  return { workbook, title: activity.title };
}

const PREVIEW_ROWS = 20;

/** Step 1: check every row; keep the batch (valid rows only when there is no error). Nothing is credited. */
export async function previewHoursImport(
  ctx: Ctx,
  actor: Actor,
  input: { activityId: number; fileName: string; buffer: Buffer },
) {
  const activity = await activityFor(ctx.db, actor, input.activityId);
  const facts: ActivityFacts = {
    id: activity.id,
    title: activity.title,
    startsAt: activity.startsAt,
    endsAt: activity.endsAt,
  };
  const sheet = await readSheet(input.buffer, HOURS_COLUMNS);
  const parsed = sheet.rows.map((r) => parseHoursRow(r, facts));
  const checked = await checkHoursRows(
    ctx.db,
    activity.id,
    parsed.flatMap((p) => (p.value ? [p.value] : [])),
  );
  const errors = [...parsed.flatMap((p) => p.errors), ...checked.errors].sort((a, b) => a.row - b.row);
  const bad = new Set(errors.map((e) => e.row));
  const batch = await ctx.db
    .insertInto('hours_import_batch')
    .values({
      actor_person_id: actor.personId,
      activity_id: activity.id,
      unit_path: activity.unitPath,
      file_name: input.fileName,
      status: errors.length ? 'failed' : 'previewed',
      row_count: sheet.rows.length,
      error_count: errors.length,
      errors: JSON.stringify(errors),
      rows: JSON.stringify(errors.length ? [] : checked.resolved),
    })
    .returning(['id', 'status'])
    .executeTakeFirstOrThrow();
  return {
    id: batch.id,
    status: batch.status,
    activity: { id: activity.id, title: activity.title },
    fileName: input.fileName,
    total: sheet.rows.length,
    valid: sheet.rows.length - bad.size,
    errorCount: errors.length,
    errors: errors.slice(0, 1000),
    totalMinutes: checked.resolved.reduce((s, r) => s + r.minutes, 0),
    rows: checked.resolved.slice(0, PREVIEW_ROWS).map(({ personId: _p, ...r }) => r),
    abilities: { commit: errors.length === 0 },
  };
}

/** Step 2: credit every row of an error-free batch in one transaction, re-checked against the ledger as it is now. */
export async function commitHoursImport(ctx: Ctx, actor: Actor, id: number) {
  const stale = await ctx.db.transaction().execute(async (trx) => {
    const batch = await trx
      .selectFrom('hours_import_batch')
      .selectAll()
      .where('id', '=', id)
      .where('actor_person_id', '=', actor.personId)
      .forUpdate()
      .executeTakeFirst();
    if (!batch) throw notFound('导入批次');
    if (batch.status === 'committed') throw conflict('IMPORT_ALREADY_COMMITTED', '该批次已经导入，不能重复导入');
    if (batch.status === 'failed') {
      throw conflict(
        'IMPORT_HAS_ERRORS',
        `文件中有 ${batch.error_count} 处错误，改正后请重新上传；本批次未导入任何数据`,
        {
          errors: batch.errors,
        },
      );
    }
    const activity = await activityFor(trx, actor, batch.activity_id);
    const rows = batch.rows as ResolvedHours[];
    const again = await checkHoursRows(trx, activity.id, rows);
    if (again.errors.length > 0) return again.errors;
    await appendCredits(
      trx,
      actor,
      activity.unitPath,
      again.resolved.map((r) => ({
        personId: r.personId,
        minutes: r.minutes,
        category: activity.category,
        source: 'activity' as const,
        sourceId: null,
        activityId: activity.id,
        unitId: activity.unitId,
        serviceStart: r.serviceStart,
        serviceEnd: r.serviceEnd,
        basis: 'manual' as const,
        description: r.description,
        audit: { importBatchId: id, activityId: activity.id, staffNo: r.staffNo, minutes: r.minutes },
      })),
    );
    const minutes = again.resolved.reduce((s, r) => s + r.minutes, 0);
    await trx
      .updateTable('hours_import_batch')
      .set({ status: 'committed', committed_at: new Date().toISOString(), rows: '[]' })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'volunteer_hours.imported',
      entityType: 'volunteer_activity',
      entityId: activity.id,
      unitPath: activity.unitPath,
      after: { importBatchId: id, fileName: batch.file_name, people: again.resolved.length, minutes },
    });
    return { id, status: 'committed' as const, credited: again.resolved.length, minutes };
  });
  if (!Array.isArray(stale)) return stale;
  await ctx.db
    .updateTable('hours_import_batch')
    .set({ status: 'failed', errors: JSON.stringify(stale), error_count: stale.length, rows: '[]' })
    .where('id', '=', id)
    .execute();
  throw conflict('IMPORT_STALE', `自预览以来台账已有变化，${stale.length} 行不能导入；本批次未导入任何数据`, {
    errors: stale satisfies HoursRowError[],
  });
}
