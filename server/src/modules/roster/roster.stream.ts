import type { FastifyReply } from 'fastify';
import { AppError } from '../../core/errors';
import { progressOf } from './roster.progress';

const TICK_MS = 250;

/**
 * Runs a commit while streaming its progress as NDJSON lines on the same response.
 * Why stream instead of polling: on the embedded engine the commit's transaction holds PGlite's only
 * connection, so a second request (which must read its session from the database) waits until the commit
 * ends. The committing request itself can still report, between chunks, how far it has come.
 */
export async function streamProgress(reply: FastifyReply, batchId: number, commit: () => Promise<unknown>) {
  reply.hijack();
  reply.raw.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
  const send = (line: unknown) => reply.raw.write(`${JSON.stringify(line)}\n`);
  let last = -1;
  const timer = setInterval(() => {
    const progress = progressOf(batchId);
    if (progress && progress.done !== last) {
      last = progress.done;
      send({ progress });
    }
  }, TICK_MS);
  try {
    send({ result: await commit() });
  } catch (err) {
    const error =
      err instanceof AppError
        ? { status: err.status, code: err.code, message: err.message, details: err.details }
        : { status: 500, code: 'INTERNAL', message: '导入失败，所有行均未写入', details: null };
    if (!(err instanceof AppError)) reply.log.error(err);
    send({ error });
  } finally {
    clearInterval(timer);
    reply.raw.end();
  }
}
