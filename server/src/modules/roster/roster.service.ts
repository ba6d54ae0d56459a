import { maskIdNumber, maskPhone } from '@pioneer/domain';
import type { Actor } from '../../core/actor';
import { scopePaths } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, forbidden, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import { checkPeople, checkUnits } from './roster.check';
import { columnsOf, type ImportKind, type ImportMode } from './roster.columns';
import { batchAbilities, canImportAnywhere, canSeeSensitive, commonPath } from './roster.policy';
import { endProgress, isRunning, progressOf, startProgress } from './roster.progress';
import * as repo from './roster.repository';
import { unchangedPeople, unchangedUnits, unmaskKnownCells } from './roster.roundtrip';
import { type PersonRow, parsePersonRow, parseUnitRow, type RowError, type UnitRow } from './roster.rows';
import { writePeople, writeUnits } from './roster.write';
import { readSheet } from './roster.xlsx';

type Ctx = Pick<Context, 'db'>;

/** How many errors a response lists; the count is always complete and the batch keeps them all. */
const ERRORS_SHOWN = 1000;
const PREVIEW_ROWS = 20;

const byPosition = (a: RowError, b: RowError) => a.row - b.row;

/**
 * Parses and checks every row of an uploaded file against the database; writes nothing. Used by the preview
 * and by the rejected-rows download. `original` keeps the cells as uploaded (masked numbers stay masked).
 */
export async function analyseUpload(
  ctx: Ctx,
  actor: Actor,
  input: { kind: ImportKind; mode: ImportMode; buffer: Buffer },
) {
  if (!canImportAnywhere(actor)) throw forbidden('您没有导入名册的权限');
  const sheet = await readSheet(input.buffer, columnsOf(input.kind));
  const original = new Map(sheet.rows.map((r) => [r.row, { ...r.cells }]));
  const errors: RowError[] = [];
  let rows: (PersonRow | UnitRow)[];
  let rowPaths: string[];
  let existing: number;
  let unchanged: Set<number>;
  if (input.kind === 'people') {
    errors.push(...(await unmaskKnownCells(ctx.db, sheet)));
    const parsed = sheet.rows.map(parsePersonRow);
    const valid = parsed.flatMap((p) => (p.value ? [p.value] : []));
    const checked = await checkPeople(ctx.db, actor, valid, input.mode);
    errors.push(...parsed.flatMap((p) => p.errors), ...checked.errors);
    rows = checked.resolved.map((r) => r.row);
    rowPaths = checked.resolved.map((r) => r.unitPath);
    existing = checked.resolved.filter((r) => r.existingId !== null).length;
    unchanged = await unchangedPeople(ctx.db, checked.resolved, sheet.columns);
  } else {
    const parsed = sheet.rows.map(parseUnitRow);
    const valid = parsed.flatMap((p) => (p.value ? [p.value] : []));
    const rawCodes = new Map(sheet.rows.map((r) => [r.cells.code ?? '', r.row]));
    const checked = await checkUnits(ctx.db, actor, valid, input.mode, rawCodes);
    errors.push(...parsed.flatMap((p) => p.errors), ...checked.errors);
    rows = checked.resolved.map((r) => r.row);
    rowPaths = checked.resolved.map((r) => r.scopePath);
    existing = checked.resolved.filter((r) => r.existingId !== null).length;
    unchanged = await unchangedUnits(ctx.db, checked.resolved);
  }
  errors.sort(byPosition);
  const alreadyThere = new Set(errors.filter((e) => e.code === 'EXISTS').map((e) => e.row)).size;
  return {
    sheet,
    original,
    errors,
    rows,
    rowPaths,
    counts: {
      toCreate: rows.length - existing,
      toUpdate: existing - unchanged.size,
      unchanged: unchanged.size,
      alreadyThere,
    },
  };
}

/** Step 1: parse and check every row, store the batch, and show what a commit would do. Nothing is written to the roster. */
export async function previewImport(
  ctx: Ctx,
  actor: Actor,
  input: { kind: ImportKind; mode: ImportMode; fileName: string; buffer: Buffer },
) {
  const { sheet, errors, rows, rowPaths, counts } = await analyseUpload(ctx, actor, input);
  const badRows = new Set(errors.map((e) => e.row));
  const unitPath = commonPath(rowPaths) ?? scopePaths(actor, 'import.run')[0];
  const batch = await repo.insertBatch(ctx.db, actor, {
    kind: input.kind,
    mode: input.mode,
    unitPath,
    fileName: input.fileName,
    rowCount: sheet.rows.length,
    validCount: sheet.rows.length - badRows.size,
    errors,
    columns: sheet.columns,
    // A batch with errors can never be committed: keep no copy of its personal data.
    rows: errors.length === 0 ? rows : [],
  });
  const summary = {
    actorPersonId: actor.personId,
    status: batch.status,
    errorCount: errors.length,
  };
  return {
    id: batch.id,
    kind: input.kind,
    mode: input.mode,
    fileName: input.fileName,
    status: batch.status,
    total: sheet.rows.length,
    valid: sheet.rows.length - badRows.size,
    errorCount: errors.length,
    errors: errors.slice(0, ERRORS_SHOWN),
    rows: rows.slice(0, PREVIEW_ROWS).map((r, i) => maskRow(actor, r, rowPaths[i])),
    createdAt: batch.createdAt,
    ...counts,
    // The file repeats records that exist (an export, edited): propose the mode that updates them.
    suggestedMode: input.mode === 'create_only' && counts.alreadyThere > 0 ? ('upsert' as const) : null,
    abilities: batchAbilities(actor, summary),
  };
}

/** Preview rows show phones and ID numbers as the importer may see them elsewhere. */
function maskRow(actor: Actor, row: PersonRow | UnitRow, unitPath: string) {
  if (!('phone' in row) || canSeeSensitive(actor, unitPath)) return row;
  return { ...row, phone: maskPhone(row.phone), idNumber: maskIdNumber(row.idNumber) };
}

/** Raised inside the commit's transaction when the database changed since the preview; rolls everything back. */
class StaleBatch extends Error {
  constructor(readonly errors: RowError[]) {
    super('stale');
  }
}

/** Step 2: write every row of an error-free batch in one transaction, with one audit event for the batch. */
export async function commitImport(ctx: Ctx, actor: Actor, id: number) {
  if (isRunning(id)) throw conflict('IMPORT_RUNNING', '该批次正在导入，请稍候');
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const batch = await repo.lockBatchForCommit(trx, actor, id);
      if (!batch) throw notFound('导入批次');
      if (batch.status === 'committed') throw conflict('IMPORT_ALREADY_COMMITTED', '该批次已经导入，不能重复导入');
      if (batch.status === 'failed' || batch.errorCount > 0) {
        throw conflict(
          'IMPORT_HAS_ERRORS',
          `文件中有 ${batch.errorCount} 处错误，改正后请重新上传；本批次未导入任何数据`,
          {
            errors: (batch.errors as RowError[]).slice(0, ERRORS_SHOWN),
          },
        );
      }
      const mode = batch.mode as ImportMode;
      const columns = batch.columns as string[];
      const progress = startProgress(id, batch.validCount);
      let result: {
        created: number;
        updated: number;
        unchanged: number;
        grantsCreated?: number;
        grantsEnded?: number;
      };
      // Rows equal to what is stored are not written, and not counted as updated.
      if (batch.kind === 'people') {
        const checked = await checkPeople(trx, actor, batch.rows as PersonRow[], mode);
        if (checked.errors.length > 0) throw new StaleBatch(checked.errors);
        const same = await unchangedPeople(trx, checked.resolved, columns);
        progress.done += same.size;
        const changed = checked.resolved.filter((r) => !same.has(r.row.row));
        result = { ...(await writePeople(trx, actor, changed, columns, progress)), unchanged: same.size };
      } else {
        const rows = batch.rows as UnitRow[];
        const checked = await checkUnits(trx, actor, rows, mode, new Map(rows.map((r) => [r.code, r.row])));
        if (checked.errors.length > 0) throw new StaleBatch(checked.errors);
        const same = await unchangedUnits(trx, checked.resolved);
        progress.done += same.size;
        const changed = checked.resolved.filter((r) => !same.has(r.row.row));
        result = { ...(await writeUnits(trx, changed, progress)), unchanged: same.size };
      }
      await repo.markCommitted(trx, id, result);
      await recordAudit(trx, actor, {
        action: `roster.${batch.kind}_imported`,
        entityType: 'import_batch',
        entityId: id,
        unitPath: batch.unitPath,
        after: { kind: batch.kind, mode, fileName: batch.fileName, rows: batch.rowCount, ...result },
      });
      return { id, status: 'committed' as const, ...result };
    });
  } catch (error) {
    if (!(error instanceof StaleBatch)) throw error;
    // The transaction is rolled back; the batch is marked failed outside it so the reason stays visible.
    await repo.markFailed(ctx.db, id, error.errors);
    throw conflict(
      'IMPORT_STALE',
      `自预览以来数据已有变化，${error.errors.length} 行不能导入；本批次未导入任何数据，请改正后重新上传`,
      {
        errors: error.errors.slice(0, ERRORS_SHOWN),
      },
    );
  } finally {
    endProgress(id);
  }
}

/** A batch's status for the uploader, with progress while its commit runs. */
export async function batchStatus(ctx: Ctx, actor: Actor, id: number) {
  const running = progressOf(id);
  const batch = await repo.findBatch(ctx.db, actor, id);
  if (!batch) throw notFound('导入批次');
  const errors = batch.errors as RowError[];
  const progress =
    running ??
    (batch.status === 'committed'
      ? { done: batch.validCount, total: batch.validCount }
      : { done: 0, total: batch.validCount });
  return {
    ...batch,
    status: running ? ('committing' as const) : batch.status,
    errors: errors.slice(0, ERRORS_SHOWN),
    progress,
    abilities: batchAbilities(actor, batch),
  };
}

export async function listImports(ctx: Ctx, actor: Actor) {
  const items = await repo.listBatches(ctx.db, actor, 50);
  return { items: items.map((b) => ({ ...b, abilities: batchAbilities(actor, b) })) };
}
