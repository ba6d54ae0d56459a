import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeOnEngines } from '../test/harness';
import { sealPending, verifyChain } from './audit/chain';
import { describeRequest, type FuzzRequest, operationsOf, requestsFor } from './fuzz-requests';
import { bombWorkbook, smallWorkbook } from './uploads/zip-fixtures';

/**
 * "No input may cause a 500", checked by property-based fuzzing: every operation in /api/openapi.json gets
 * requests generated from its own schemas (fuzz-requests.ts) — hostile path parameters, query strings, JSON
 * bodies near and far from valid, text PostgreSQL cannot store, wrong content types, malformed and oversized
 * payloads, deep nesting, multipart forms — signed out and as the system administrator (who passes every
 * scope check and so reaches the deepest code). Afterwards the server must still be healthy and the audit
 * chain, which the administrator's accepted writes extended, must still verify.
 *
 * FUZZ_RUNS (total requests per engine, default 12,000) and FUZZ_SEED (default fixed, so CI is repeatable)
 * can be set to fuzz longer or differently, FUZZ_ONLY to a path pattern; a failure prints the seed and the request.
 */
const TOTAL = Number(process.env.FUZZ_RUNS ?? 12_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
/** FUZZ_ONLY: a pattern of paths, to replay or dig into some routes only. */
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : null;

/** Would end the shared administrator session (or its password) and so blind the rest of the run. */
const SKIPPED = /\/api\/auth\/(logout|password)$/;
/** Build a workbook, a PDF or an XML document, hash a password or walk the whole chain on every request. */
const HEAVY = /\.xlsx$|\.xml$|\/pdf$|\/auth\/login$|\/verify$/;
/** Could revoke or move the administrator's own role or unit: fuzzed signed out only. */
const ANONYMOUS_ONLY = /\/api\/grants\/(\{id\}\/revoke|revoke-batch)|\/api\/units\/\{id\}\/(close|move)/;

describeOnEngines('fuzz: no input reaches a 5xx', (t) => {
  it(`sends ${TOTAL} generated bad requests across every route: no 5xx, health ok, audit chain verifies`, async () => {
    const started = performance.now();
    const spec = (await t().anonymous.get('/api/openapi.json')).body;
    const all = operationsOf(spec).filter((op) => !SKIPPED.test(op.path));
    expect(all.length).toBeGreaterThan(100);
    const ops = ONLY ? all.filter((op) => ONLY.test(op.path)) : all;
    const admin = await t().as('admin');
    // Operations that build a file or hash a password cost far more per request: fewer runs, the rest to the others.
    const heavy = ops.filter((op) => HEAVY.test(op.path)).length;
    const perHeavy = Math.ceil(TOTAL / ops.length / 4);
    const perOp = Math.ceil((TOTAL - heavy * perHeavy) / (ops.length - heavy));
    // Files for the multipart forms: a workbook that imports, a 200 MB bomb, one lying about its size.
    const files = [
      await smallWorkbook([
        ['姓名', '工号/学号'],
        ['张三', 'FZ0001'],
      ]),
      await bombWorkbook(200),
      await bombWorkbook(100, 1024),
    ];
    const cpuStart = process.cpuUsage();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;

    for (const op of ops) {
      const index = all.indexOf(op); // the same seed for an operation whether FUZZ_ONLY is set or not
      const adminAllowed = !ANONYMOUS_ONLY.test(op.path);
      const property = fc.asyncProperty(
        requestsFor(op, adminAllowed, files),
        fc.boolean(),
        async (req: FuzzRequest, asAdmin) => {
          const client = asAdmin && adminAllowed ? admin : t().anonymous;
          const res = await client.inject(req);
          sent += 1;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500)
            throw new Error(
              `${asAdmin ? 'admin' : 'anonymous'} ${describeRequest(req)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
            );
        },
      );
      const result = await fc.check(property, {
        numRuns: HEAVY.test(op.path) ? perHeavy : perOp,
        seed: SEED + index,
        endOnFailure: true,
      });
      if (result.failed)
        failures.push(
          `${op.method} ${op.path} (seed ${SEED + index}): ${String(result.errorInstance ?? result.counterexample)}`,
        );
    }

    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const byClass = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    console.log(
      `fuzz [${t().engine}]: ${sent} requests over ${ops.length} operations in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU in this process) — ${byClass}`,
    );
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(Math.min(TOTAL, 10_000));

    // Still healthy, the administrator still signed in with the whole school in scope, the chain intact.
    expect((await t().anonymous.get('/api/health')).body.status).toBe('ok');
    expect((await admin.get('/api/me')).status).toBe(200);
    await sealPending(t().database.db);
    const chain = await verifyChain(t().database.db);
    expect(chain).toMatchObject({ ok: true, firstBroken: null });
    expect(chain.checked).toBeGreaterThan(0);
    const verify = await admin.get('/api/audit/verify');
    expect([verify.status, verify.body.ok]).toEqual([200, true]);
  }, 600_000);
});
