import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { loadConfig } from './config';
import type { App } from './core/module';
import { freshDatabase, testEngines } from './test/harness';

/**
 * The front door and the static files (issue 9 items 1 and 11), against a small web/dist fixture laid out as
 * `vite build` writes it: index.html and hashed files under assets/, each with .br and .gz twins.
 */
const INDEX =
  '<!doctype html><html lang="zh-CN"><head><title>先锋服务</title></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('先锋服务 '.repeat(200))});\n`;

function writeWithTwins(file: string, text: string) {
  writeFileSync(file, text);
  writeFileSync(`${file}.gz`, gzipSync(text));
  writeFileSync(`${file}.br`, brotliCompressSync(text));
}

for (const engine of testEngines()) {
  describe(`web static files [${engine}]`, () => {
    let app: App;
    let drop: () => Promise<void>;
    let webDir: string;
    beforeAll(async () => {
      webDir = mkdtempSync(join(tmpdir(), 'pioneer-web-'));
      mkdirSync(join(webDir, 'assets'));
      mkdirSync(join(webDir, '.vite'));
      writeWithTwins(join(webDir, 'index.html'), INDEX);
      writeWithTwins(join(webDir, 'assets', 'index-AbC123xy.js'), SCRIPT);
      writeFileSync(join(webDir, '.vite', 'manifest.json'), '{}');
      const database = await freshDatabase(engine);
      drop = database.drop;
      const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
      app = await buildApp(database, config, { webDir });
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
      await drop?.();
      rmSync(webDir, { recursive: true, force: true });
    });

    it.each(['/', '/login', '/board', '/demands/123', '/volunteer/activities/9?tab=roster', '/people/me'])(
      'serves the app at %s, revalidated on every visit',
      async (url) => {
        const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.body).toBe(INDEX);
      },
    );

    it('sends index.html compressed when the browser accepts it', async () => {
      const br = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.statusCode).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(INDEX);
    });

    it('sends hashed assets precompressed (br, else gzip, else plain) and cached for a year as immutable', async () => {
      const url = '/assets/index-AbC123xy.js';
      const immutable = 'public, max-age=31536000, immutable';
      const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.statusCode).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/javascript/);
      expect(br.headers['cache-control']).toBe(immutable);
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
      expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 5);

      const gz = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers['cache-control']).toBe(immutable);
      expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

      const plain = await app.inject({ method: 'GET', url });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['cache-control']).toBe(immutable);
      expect(plain.body).toBe(SCRIPT);
    });

    it('answers a missing asset with 404, not with the app page', async () => {
      const res = await app.inject({ method: 'GET', url: '/assets/index-Gone0000.js' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
    });

    it('never serves what lies outside /assets (the Vite manifest)', async () => {
      const res = await app.inject({ method: 'GET', url: '/.vite/manifest.json' });
      expect(res.body).not.toBe('{}');
    });

    it.each(['/api/nope', '/api', '/api/people/unknown/thing', '/open311/v2/nope.json'])(
      'keeps a JSON 404 for unknown %s',
      async (url) => {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).not.toMatch(/text\/html/);
      },
    );

    it('does not answer writes to unknown paths with the app page', async () => {
      const res = await app.inject({ method: 'POST', url: '/board', payload: {} });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
    });
  });
}
