// Starts the real server as a person would run it (`node --import tsx server/src/main.ts`) on a free port with
// a fresh embedded database, for browser flows. The e2e always uses PGlite: DATABASE_URL is removed from the
// child's environment so a TEST_DATABASE_URL set for the integration tests changes nothing here.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// First start loads the demo school into an empty database; on two shared cores that can take a while.
const START_TIMEOUT_MS = 180_000;

export interface TestServer {
  baseUrl: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Builds web/dist when it is missing or older than its sources (the same script `npm start` runs). */
function buildWebIfStale() {
  const script = path.join(ROOT, 'scripts', 'build-web-if-stale.mjs');
  const result = spawnSync(process.execPath, [script], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`构建前端失败（exit ${result.status}）`);
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * The demo school takes a minute to load on two cores. `npm test` loads it once into a template data directory
 * (E2E_DATA_TEMPLATE, made by scripts/test.mjs) and every flow starts from a copy of it; without the variable
 * the server loads the demo on its first start, as `npm start` does.
 */
function seededDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pioneer-e2e-data-'));
  const template = process.env.E2E_DATA_TEMPLATE;
  if (template && fs.existsSync(template) && fs.readdirSync(template).length > 0) {
    fs.cpSync(template, dataDir, { recursive: true });
  }
  return dataDir;
}

export async function startServer(): Promise<TestServer> {
  buildWebIfStale();
  const port = await freePort();
  const dataDir = seededDataDir();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`服务器启动失败（exit ${child.exitCode}）：\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return { baseUrl, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`服务器 ${START_TIMEOUT_MS / 1000} 秒内未就绪：\n${output}`);
}
