/**
 * Progress of commits running in this process, by batch id.
 *
 * Why memory and not the import_batch row: the commit writes everything in one transaction, and rows it
 * updates are invisible to every other connection until it commits (PostgreSQL), while PGlite has a single
 * connection that the running transaction holds, so no second connection could read uncommitted progress
 * at all. The final status (committed / failed) is written to the table; only the in-flight count lives here.
 */
export interface Progress {
  done: number;
  total: number;
}

const running = new Map<number, Progress>();

export const progressOf = (batchId: number): Progress | undefined => running.get(batchId);
export const isRunning = (batchId: number) => running.has(batchId);

export function startProgress(batchId: number, total: number): Progress {
  const progress = { done: 0, total };
  running.set(batchId, progress);
  return progress;
}

export function endProgress(batchId: number) {
  running.delete(batchId);
}
