#!/usr/bin/env node
// Throwaway PostgreSQL 15 cluster for tests (recipe: shared/STACK-NOTES.md).
//
//   import { startCluster, pgAvailable } from './pg-cluster.mjs';
//   const { url, stop } = await startCluster();   // stopped on process exit too
//
//   node scripts/pg-cluster.mjs start          # prints DATABASE_URL=… and DATADIR=…, leaves it running
//   node scripts/pg-cluster.mjs stop <datadir> # stops it and removes its temp dir
//
// Plain Node ESM, no dependencies.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PREFERRED_BIN = '/usr/lib/postgresql/15/bin';
const FIRST_PORT = 55432;
const PORT_ATTEMPTS = 50;
const TMP_PREFIX = 'pioneer-pg-';
const SERVER_OPTS = [
  '-c listen_addresses=127.0.0.1',
  '-c fsync=off',
  '-c synchronous_commit=off',
  '-c full_page_writes=off',
  '-c max_connections=200',
];

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Directory holding initdb and pg_ctl, or null. */
function findBinDir() {
  if (isExecutable(path.join(PREFERRED_BIN, 'initdb'))) return PREFERRED_BIN;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'initdb');
    if (!isExecutable(candidate)) continue;
    // Follow symlinks (e.g. /usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb)
    // so that pg_ctl is looked up next to the real binary.
    let real = candidate;
    try {
      real = fs.realpathSync(candidate);
    } catch {}
    for (const d of [path.dirname(real), dir]) {
      if (isExecutable(path.join(d, 'pg_ctl'))) return d;
    }
  }
  return null;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** True when a PostgreSQL server (initdb + pg_ctl) is installed. */
export function pgAvailable() {
  return findBinDir() !== null;
}

function ensurePostgresUser() {
  const probe = spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  if (probe.status !== 0) {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Run a PostgreSQL binary, as the postgres user when we are root. */
function runPg(binDir, tool, args) {
  const bin = path.join(binDir, tool);
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const res = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { ok: res.status === 0 && !res.error, output: `${res.stdout ?? ''}${res.stderr ?? ''}`, error: res.error };
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

function removeDir(dir) {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {}
}

/** Stop the server in dataDir (synchronously) and remove its temp dir. */
function stopSync(binDir, baseDir, dataDir) {
  if (binDir && fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
    const r = runPg(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']);
    if (!r.ok) runPg(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop']);
  }
  removeDir(baseDir);
}

// Clusters started by this process with autoStop, stopped on exit / SIGINT / SIGTERM / SIGHUP.
const live = new Set();
let hooksInstalled = false;

function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  const stopAll = () => {
    for (const c of [...live]) {
      live.delete(c);
      try {
        stopSync(c.binDir, c.baseDir, c.dataDir);
      } catch {}
    }
  };
  process.on('exit', stopAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    const handler = () => {
      stopAll();
      // Restore the default behaviour (terminate by this signal) unless someone else handles it.
      process.removeListener(sig, handler);
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    };
    process.on(sig, handler);
  }
}

/**
 * Start a throwaway cluster.
 * @param {{ autoStop?: boolean, quiet?: boolean }} [opts] autoStop (default true): stop it when this process exits.
 * @returns {Promise<{ url: string, port: number, dataDir: string, baseDir: string, stop: () => Promise<void> }>}
 */
export async function startCluster(opts = {}) {
  const autoStop = opts.autoStop !== false;
  const binDir = findBinDir();
  if (!binDir)
    throw new Error('PostgreSQL server binaries not found (no initdb in /usr/lib/postgresql/15/bin or PATH)');

  let owner = null;
  if (isRoot) owner = ensurePostgresUser();

  // As root the postgres user must be able to reach the dir: use /tmp (world-traversable), not a private TMPDIR.
  const tmpRoot = isRoot ? '/tmp' : os.tmpdir();
  const baseDir = fs.mkdtempSync(path.join(tmpRoot, TMP_PREFIX));
  fs.chmodSync(baseDir, 0o755);
  const dataDir = path.join(baseDir, 'data');
  const sockDir = `${dataDir}.sock`;
  const logFile = `${dataDir}.log`;

  const cluster = { binDir, baseDir, dataDir };
  try {
    fs.mkdirSync(dataDir, { mode: 0o700 });
    fs.mkdirSync(sockDir, { mode: 0o755 });
    fs.writeFileSync(logFile, '', { mode: 0o644 });
    if (owner) for (const p of [dataDir, sockDir, logFile]) fs.chownSync(p, owner.uid, owner.gid);

    const init = runPg(binDir, 'initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    if (!init.ok) throw new Error(`initdb failed: ${init.error?.message ?? ''}\n${init.output}`);

    if (autoStop) {
      live.add(cluster);
      installExitHooks();
    }

    // Try ports from 55432 upward; retry if another process grabs the port between the probe and the start.
    let port = FIRST_PORT;
    let lastErr = '';
    for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++, port++) {
      if (!(await portIsFree(port))) continue;
      const o = [`-p ${port}`, `-k ${sockDir}`, ...SERVER_OPTS].join(' ');
      const r = runPg(binDir, 'pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '30', '-o', o, 'start']);
      if (r.ok) {
        const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
        let stopped = false;
        const stop = async () => {
          if (stopped) return;
          stopped = true;
          live.delete(cluster);
          stopSync(binDir, baseDir, dataDir);
        };
        return { url, port, dataDir, baseDir, stop };
      }
      let log = '';
      try {
        log = fs.readFileSync(logFile, 'utf8');
      } catch {}
      lastErr = `${r.output}\n${log}`;
      // Make sure nothing is half-running before the next attempt.
      runPg(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      if (!/could not (bind|create listen)|address already in use/i.test(log)) break;
      fs.writeFileSync(logFile, '');
    }
    throw new Error(`pg_ctl start failed:\n${lastErr}`);
  } catch (err) {
    live.delete(cluster);
    stopSync(binDir, baseDir, dataDir);
    throw err;
  }
}

// ---------------------------------------------------------------- CLI
async function main(argv) {
  const [cmd, arg] = argv;
  if (cmd === 'start') {
    const t0 = Date.now();
    const c = await startCluster({ autoStop: false });
    console.log(`DATABASE_URL=${c.url}`);
    console.log(`DATADIR=${c.dataDir}`);
    console.error(`started in ${Date.now() - t0} ms; stop with: node scripts/pg-cluster.mjs stop ${c.dataDir}`);
    return 0;
  }
  if (cmd === 'stop' && arg) {
    let dataDir = path.resolve(arg);
    // Accept the temp base dir as well as its data dir.
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION')) && fs.existsSync(path.join(dataDir, 'data', 'PG_VERSION'))) {
      dataDir = path.join(dataDir, 'data');
    }
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      console.error(`not a PostgreSQL data dir: ${arg}`);
      return 1;
    }
    const baseDir = path.dirname(dataDir);
    const t0 = Date.now();
    const binDir = findBinDir();
    if (path.basename(baseDir).startsWith(TMP_PREFIX)) {
      stopSync(binDir, baseDir, dataDir);
    } else {
      // Not one of ours: stop the server but delete nothing.
      const r = binDir && runPg(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      if (!r?.ok) console.error(r ? r.output : 'pg_ctl not found');
    }
    console.error(`stopped in ${Date.now() - t0} ms`);
    return 0;
  }
  if (cmd === 'available') {
    console.log(pgAvailable() ? 'yes' : 'no');
    return pgAvailable() ? 0 : 1;
  }
  console.error('usage: node scripts/pg-cluster.mjs start | stop <datadir> | available');
  return 2;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
