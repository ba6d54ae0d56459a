// The first load (issue 9 item 5): what the browser downloads before the sign-in page and the public board can
// show, computed from web/dist (index.html, the Vite manifest, gzip sizes), kept at or under 350 KB gzip.
// Before the routes were split (December 2026) it was 518 KB for sign-in and 527 KB for the board.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIRST_LOAD_LIMIT_KB, firstLoad, readManifest } from './first-load';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'web', 'dist');

/** Each route's lazily loaded modules, as Vite's manifest names them (its page and, when lazy, its frame). */
const ROUTES: Record<string, { page: string; frames: string[] }> = {
  'sign-in (/login)': { page: 'src/shell/LoginPage.tsx', frames: [] },
  'public board (/board)': {
    page: 'src/modules/service-demands/BoardPage.tsx',
    frames: ['src/shell/PublicLayout.tsx'],
  },
};

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

describe('first load', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-web-if-stale.mjs')], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error(`构建前端失败（exit ${build.status}）`);
  });

  it.each(Object.entries(ROUTES))(`keeps %s at or under ${FIRST_LOAD_LIMIT_KB} KB gzip`, (name, route) => {
    const manifest = readManifest(DIST);
    expect(manifest[route.page], `${route.page} 应是按需加载的页面`).toBeDefined();
    // A frame bundled into the entry has no manifest entry of its own: it is counted with the entry.
    const sources = [...route.frames.filter((f) => manifest[f]), route.page];
    const load = firstLoad(DIST, sources);
    const list = load.files.map((f) => `  ${kb(f.gzipBytes)} KB ${f.file}`).join('\n');
    console.log(`[first-load] ${name}: ${kb(load.gzipBytes)} KB gzip in ${load.files.length} files\n${list}`);
    expect(kb(load.gzipBytes), `${name} 首次加载超出 ${FIRST_LOAD_LIMIT_KB} KB：\n${list}`).toBeLessThanOrEqual(
      FIRST_LOAD_LIMIT_KB,
    );
  });

  it('loads no English dictionary and no chart library on those routes', () => {
    const manifest = readManifest(DIST);
    const english = Object.entries(manifest)
      .filter(([source]) => /\.en\.ts$/.test(source))
      .map(([, chunk]) => chunk.file);
    expect(english.length).toBeGreaterThan(0);
    const echarts = Object.entries(manifest)
      .filter(([source]) => /node_modules\/echarts\//.test(source) || /EChart\.tsx$/.test(source))
      .map(([, chunk]) => chunk.file);
    for (const route of Object.values(ROUTES)) {
      const files = firstLoad(DIST, [...route.frames.filter((f) => manifest[f]), route.page]).files.map((f) => f.file);
      expect(files.filter((f) => english.includes(f) || echarts.includes(f))).toEqual([]);
    }
  });

  it('writes a brotli and a gzip twin of every script, stylesheet and index.html', () => {
    const assets = fs.readdirSync(path.join(DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    const missing = [...assets.map((f) => path.join('assets', f)), 'index.html'].filter(
      (f) => !fs.existsSync(path.join(DIST, `${f}.br`)) || !fs.existsSync(path.join(DIST, `${f}.gz`)),
    );
    expect(missing).toEqual([]);
  });
});
