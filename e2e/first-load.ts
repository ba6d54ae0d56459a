// What a first visit downloads, computed from the build: web/dist/index.html, the Vite manifest
// (web/dist/.vite/manifest.json, build.manifest in web/vite.config.ts) and each file's gzip size.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The most a first visit to the sign-in page or the public board may download: JS and CSS, gzip (issue 9). */
export const FIRST_LOAD_LIMIT_KB = 350;

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

export interface FirstLoad {
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
}

export function readManifest(dist: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
}

/** The gzip size a browser downloads for one built file (the same gzip level Vite reports: the default). */
export function gzipBytes(dist: string, file: string): number {
  return gzipSync(fs.readFileSync(path.join(dist, file))).length;
}

/**
 * Every JS and CSS file the browser fetches before `sources` can run: the entry's static imports and
 * stylesheets, then each source module's (a lazily loaded page), following static imports all the way.
 */
export function firstLoad(dist: string, sources: string[]): FirstLoad {
  const manifest = readManifest(dist);
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entryKey) throw new Error('manifest has no entry');
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no ${key}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entryKey);
  for (const source of sources) visit(source);
  const sized = [...files].map((file) => ({ file, gzipBytes: gzipBytes(dist, file) }));
  sized.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { files: sized, gzipBytes: sized.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
