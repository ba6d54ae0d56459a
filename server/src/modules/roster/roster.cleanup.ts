import { sql } from 'kysely';
import type { Context } from '../../core/module';

/** A preview never committed is kept this long, then deleted with the personal data its rows and errors hold. */
export const PREVIEW_KEPT_MS = 24 * 60 * 60 * 1000;
export const CLEANUP_EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes import batches that were previewed (or failed) more than a day ago and never committed. Committed
 * batches stay: the audit log points at them, and they hold no rows any more. A commit running at that moment
 * holds the batch's row lock; the delete waits for it and then skips the batch, now committed.
 */
export async function deleteStalePreviews(ctx: Pick<Context, 'db'>, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - PREVIEW_KEPT_MS).toISOString();
  const deleted = await ctx.db
    .deleteFrom('import_batch')
    .where('status', '<>', 'committed')
    .where('created_at', '<', sql<string>`${cutoff}::timestamptz`)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
