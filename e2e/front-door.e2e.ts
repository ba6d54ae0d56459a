// The front door (issue 9 items 1, 5 and 11) in Chromium against the real server: `/` — the address
// `npm start` prints — shows the app signed out and signed in; every client-side route, reloaded, shows the app;
// unknown API paths keep their JSON 404; static files come compressed and cached; and what the browser really
// downloads before the sign-in page and the public board can show stays within the first-load budget.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { FIRST_LOAD_LIMIT_KB } from './first-load';
import { startServer, type TestServer } from './server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'web', 'dist');
const PASSWORD = 'Demo@2026';

describe('front door in the browser', () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  // Building the web app and loading the demo school can take minutes on shared cores.
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens `url` in a fresh page, failing on a script error; returns the page and each response it saw. */
  async function open(url: string) {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const document = await page.goto(`${server.baseUrl}${url}`);
    await page.waitForLoadState('networkidle');
    return { page, document, errors };
  }

  /** The app shell is there: React rendered into #root, and the page is not a JSON error. */
  async function expectApp(page: Page) {
    await page.locator('#root > *').first().waitFor();
    const text = (await page.locator('body').innerText()).trim();
    expect(text.startsWith('{'), text.slice(0, 200)).toBe(false);
    expect(text).not.toContain('"error"');
    expect(text).toContain('先锋服务');
  }

  it('shows the app at / to a visitor who is not signed in, with a way to sign in', async () => {
    const { page, document, errors } = await open('/');
    expect(document?.status()).toBe(200);
    expect(document?.headers()['content-type']).toMatch(/^text\/html/);
    expect(document?.headers()['cache-control']).toBe('no-cache');
    await expectApp(page);
    // Whether `/` greets visitors with sign-in or a public page, signing in is one click away.
    const signIn = page.getByRole('button', { name: /登\s*录/ }).or(page.getByRole('link', { name: /登\s*录/ }));
    await signIn.first().waitFor();
    expect(errors).toEqual([]);
    await screenshot(page, 'front-door-signed-out');
    await page.close();
  });

  it.each(['/login', '/board', '/verify', '/org', '/volunteer/activities/1', '/no/such/page'])(
    'serves the app when %s is reloaded',
    async (url) => {
      const { page, document, errors } = await open(url);
      expect(document?.status()).toBe(200);
      await page.reload();
      await expectApp(page);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('keeps a JSON 404 for unknown API paths', async () => {
    const page = await browser.context.newPage();
    const res = await page.request.get(`${server.baseUrl}/api/no-such-thing`);
    expect(res.status()).toBe(404);
    expect(res.headers()['content-type']).toMatch(/application\/json/);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
    await page.close();
  });

  it('downloads compressed, year-cached scripts, and no more than the budget for sign-in and the board', async () => {
    for (const url of ['/login', '/board']) {
      const page = await browser.context.newPage();
      const assets: { url: string; encoding?: string; cache?: string }[] = [];
      page.on('response', (res) => {
        if (new URL(res.url()).pathname.startsWith('/assets/')) {
          assets.push({
            url: res.url(),
            encoding: res.headers()['content-encoding'],
            cache: res.headers()['cache-control'],
          });
        }
      });
      await page.goto(`${server.baseUrl}${url}`);
      await page.waitForLoadState('networkidle');
      await expectApp(page);
      expect(assets.length).toBeGreaterThan(0);
      for (const asset of assets) {
        expect([asset.url, asset.encoding]).toEqual([asset.url, expect.stringMatching(/^(br|gzip)$/)]);
        expect(asset.cache).toBe('public, max-age=31536000, immutable');
      }
      // The same measure as first-load.e2e.ts, over the files Chromium actually fetched.
      const files = assets.map((a) => new URL(a.url).pathname.slice(1)).filter((f) => /\.(js|css)$/.test(f));
      const gzipKb = files.reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(DIST, f))).length, 0) / 1024;
      console.log(`[front-door] ${url}: ${files.length} files, ${gzipKb.toFixed(1)} KB gzip`);
      expect(gzipKb).toBeLessThanOrEqual(FIRST_LOAD_LIMIT_KB);
      await page.close();
    }
  });

  it('shows the signed-in home at / after signing in, and again after a reload', async () => {
    const { page } = await open('/login');
    await page.getByLabel('用户名').fill('dangyuan');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${server.baseUrl}/`);
    await expectApp(page);
    await page.locator('[data-testid="user-menu"]').waitFor();
    await page.reload();
    await page.locator('[data-testid="user-menu"]').waitFor();
    await screenshot(page, 'front-door-signed-in');
    await page.close();
  });
});
