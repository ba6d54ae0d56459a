#!/usr/bin/env node
// `npm test`: PostgreSQL cluster + Chromium check + type check + unit/integration tests + e2e tests,
// then one plain summary line `tests: N passed, N failed[, N skipped]` (read by CI).
// Plain Node ESM, no dependencies.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pgAvailable, startCluster } from './pg-cluster.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const CI = process.env.CI === 'true';
const ARTIFACTS = path.join(root, 'artifacts');
const UNIT_REPORT = path.join(ARTIFACTS, 'vitest-unit.json');
const E2E_REPORT = path.join(ARTIFACTS, 'vitest-e2e.json');
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const failures = [];
const timings = [];
let cluster = null;

const log = (msg) => console.log(`[test] ${msg}`);
const warn = (msg) => console.warn(`[test] WARNING: ${msg}`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

function run(label, cmd, args, env) {
  return new Promise((resolve) => {
    log(`▶ ${label}: ${cmd} ${args.join(' ')}`);
    const t0 = Date.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    const done = (code, why) => {
      const ms = Date.now() - t0;
      timings.push(`${label} ${seconds(ms)}`);
      if (code === 0) log(`✔ ${label} (${seconds(ms)})`);
      else {
        log(`✘ ${label} failed: ${why} (${seconds(ms)})`);
        failures.push(`${label}: ${why}`);
      }
      resolve(code === 0);
    };
    child.once('error', (err) => done(1, err.message));
    child.once('exit', (code, signal) => done(code ?? 1, signal ? `killed by ${signal}` : `exit code ${code}`));
  });
}

function readReport(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function fatal(msg) {
  console.error(`[test] ERROR: ${msg}`);
  if (cluster) await cluster.stop();
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}

async function main() {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of [UNIT_REPORT, E2E_REPORT]) fs.rmSync(f, { force: true });
  const env = { ...process.env };

  // (a) PostgreSQL
  if (pgAvailable()) {
    const t0 = Date.now();
    try {
      cluster = await startCluster();
    } catch (err) {
      await fatal(`could not start PostgreSQL: ${err instanceof Error ? err.message : err}`);
    }
    env.TEST_DATABASE_URL = cluster.url;
    timings.push(`postgres-start ${seconds(Date.now() - t0)}`);
    log(`PostgreSQL started: TEST_DATABASE_URL=${cluster.url} (${seconds(Date.now() - t0)})`);
  } else if (CI) {
    await fatal(
      'CI=true but PostgreSQL is not installed (no initdb in /usr/lib/postgresql/15/bin or on PATH). ' +
        'Install postgresql-15 (see .ci/run).',
    );
  } else {
    warn('PostgreSQL (initdb) not found: tests against [postgres] will be skipped. Install postgresql-15 to run them.');
  }

  // (b) Chromium
  let chromium = env.CHROMIUM_PATH && fs.existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : DEFAULT_CHROMIUM;
  const haveChromium = fs.existsSync(chromium);
  if (!haveChromium) {
    if (CI) await fatal(`CI=true but ${chromium} does not exist: install Debian's chromium (see .ci/run).`);
    warn(`${chromium} not found: browser (e2e) tests will be skipped. apt-get install chromium fonts-noto-cjk`);
    chromium = DEFAULT_CHROMIUM;
  }
  env.CHROMIUM_PATH = chromium;

  // (c) type check
  if (fs.existsSync(path.join(root, 'tsconfig.json'))) {
    await run('typecheck', 'npx', ['--no', '--', 'tsc', '-p', 'tsconfig.json', '--noEmit'], env);
  } else {
    log('no tsconfig.json yet: type check skipped');
  }

  // (d) unit + integration tests
  await run(
    'vitest-unit',
    'npx',
    [
      '--no',
      '--',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${path.relative(root, UNIT_REPORT)}`,
    ],
    env,
  );

  // (e) browser tests
  const e2eConfig = path.join('e2e', 'vitest.config.ts');
  let e2eRan = false;
  if (!fs.existsSync(path.join(root, e2eConfig))) {
    log('no e2e/vitest.config.ts: e2e tests skipped');
  } else if (!haveChromium) {
    log('no Chromium: e2e tests skipped');
  } else {
    e2eRan = true;
    // The web app and the demo school once, before the flows: each flow copies the seeded data directory.
    await run('build-web', process.execPath, [path.join('scripts', 'build-web-if-stale.mjs')], env);
    const template = fs.mkdtempSync(path.join(os.tmpdir(), 'pioneer-e2e-template-'));
    const seedEnv = { ...env, DATA_DIR: template, LOG_LEVEL: 'warn' };
    delete seedEnv.DATABASE_URL;
    await run('e2e-demo-school', process.execPath, ['--import', 'tsx', 'server/src/cli/seed.ts', 'demo'], seedEnv);
    env.E2E_DATA_TEMPLATE = template;
    await run(
      'vitest-e2e',
      'npx',
      [
        '--no',
        '--',
        'vitest',
        'run',
        '--config',
        e2eConfig,
        '--reporter=default',
        '--reporter=json',
        `--outputFile=${path.relative(root, E2E_REPORT)}`,
      ],
      env,
    );
    fs.rmSync(template, { recursive: true, force: true });
  }

  if (cluster) {
    const t0 = Date.now();
    await cluster.stop();
    cluster = null;
    timings.push(`postgres-stop ${seconds(Date.now() - t0)}`);
  }

  // (f) summary
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const engines = new Map(); // name -> { passed, failed, skipped }
  const reports = [
    [UNIT_REPORT, true],
    [E2E_REPORT, e2eRan],
  ];
  for (const [file, expected] of reports) {
    if (!expected) continue;
    const r = readReport(file);
    if (!r) {
      failures.push(`no readable report at ${path.relative(root, file)}`);
      continue;
    }
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    if ((r.numFailedTestSuites ?? 0) > 0)
      failures.push(`${r.numFailedTestSuites} test file(s) failed in ${path.basename(file)}`);
    for (const suite of r.testResults ?? []) {
      for (const t of suite.assertionResults ?? []) {
        const name = `${t.fullName ?? ''} ${(t.ancestorTitles ?? []).join(' ')} ${t.title ?? ''}`;
        for (const engine of ['pglite', 'postgres']) {
          if (!name.includes(`[${engine}]`)) continue;
          const c = engines.get(engine) ?? { passed: 0, failed: 0, skipped: 0 };
          if (t.status === 'passed') c.passed++;
          else if (t.status === 'failed') c.failed++;
          else c.skipped++;
          engines.set(engine, c);
        }
      }
    }
  }

  console.log('');
  log(`timings: ${timings.join(', ')}`);
  if (failed > 0) failures.push(`${failed} test(s) failed`);
  if (passed + failed === 0) failures.push('no test ran');
  for (const f of failures) log(`FAILED: ${f}`);
  for (const [engine, c] of engines) {
    const extra = `${c.failed ? `, ${c.failed} failed` : ''}${c.skipped ? `, ${c.skipped} skipped` : ''}`;
    console.log(`engine ${engine}: ${c.passed} passed${extra}`);
  }
  console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failures.length ? 1 : 0;
}

main().catch(async (err) => {
  console.error(err);
  if (cluster) await cluster.stop().catch(() => {});
  console.log('tests: 0 passed, 1 failed');
  process.exitCode = 1;
});
