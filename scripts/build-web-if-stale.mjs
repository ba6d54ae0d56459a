#!/usr/bin/env node
// `npm run build:web` (run by `npm start`): builds the web app with Vite only when web/dist is missing or
// older than its sources, so a fresh clone builds on first start and later starts stay fast.
// Plain Node ESM, no dependencies.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'web');
const builtIndex = path.join(webDir, 'dist', 'index.html');
// What every current build writes besides index.html (web/vite.config.ts): the manifest the first-load test
// reads and the precompressed twins the server sends. A build from before they existed is stale.
const builtExtras = [path.join(webDir, 'dist', '.vite', 'manifest.json'), `${builtIndex}.br`, `${builtIndex}.gz`];
const SOURCES = [
  'web/src',
  'web/index.html',
  'web/vite.config.ts',
  'web/package.json',
  'domain/src',
  'domain/package.json',
];

/** The newest file under `p` (a file or a directory), as { file, mtimeMs }. */
function newest(p) {
  let best = { file: null, mtimeMs: 0 };
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return best;
  }
  if (!stat.isDirectory()) return { file: p, mtimeMs: stat.mtimeMs };
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const candidate = newest(path.join(p, entry));
    if (candidate.mtimeMs > best.mtimeMs) best = candidate;
  }
  return best;
}

function staleReason() {
  if (!fs.existsSync(builtIndex)) return 'web/dist/index.html 不存在';
  const missing = builtExtras.find((f) => !fs.existsSync(f));
  if (missing) return `${path.relative(root, missing)} 不存在`;
  const builtAt = fs.statSync(builtIndex).mtimeMs;
  for (const source of SOURCES) {
    const n = newest(path.join(root, source));
    if (n.mtimeMs > builtAt) return `${path.relative(root, n.file)} 比上次构建新`;
  }
  return null;
}

/** The local Vite CLI, resolved from the web workspace (hoisted or not), run with this same node. */
function viteCli() {
  const require = createRequire(path.join(webDir, 'package.json'));
  const pkgFile = require.resolve('vite/package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.vite;
  return path.join(path.dirname(pkgFile), bin);
}

const reason = staleReason();
if (!reason) {
  console.log('[build:web] 前端已是最新，跳过构建（web/dist）');
  process.exit(0);
}
console.log(`[build:web] 构建前端：${reason}`);
const started = Date.now();
// Always a production build: run from a test runner (NODE_ENV=test), Vite would otherwise bundle React's
// development build, three times larger and slower.
const child = spawn(process.execPath, [viteCli(), 'build', '--logLevel', 'warn'], {
  cwd: webDir,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
child.once('error', (err) => {
  console.error(`[build:web] 无法启动 vite：${err.message}`);
  process.exit(1);
});
child.once('exit', (code, signal) => {
  if (code === 0) {
    console.log(`[build:web] 完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒 → web/dist`);
    process.exit(0);
  }
  console.error(`[build:web] 构建失败（${signal ?? `退出码 ${code}`}）`);
  process.exit(code ?? 1);
});
