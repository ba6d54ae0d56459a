// The security headers in Chromium (issue 9 item 3): the built app and the API documentation run under the
// Content-Security-Policy with no violation — signed out, signed in on the office and member pages, on a phone
// — and the account page shows its sign-in protection card (issue 17 item 2).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { startServer, type TestServer } from './server';

const PASSWORD = 'Demo@2026';

describe('security headers in the browser', () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A page that records every CSP violation (the DOM event and Chromium's console report) and script error. */
  async function watchedPage(width = 1280) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (err) => problems.push(err.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    return { page, problems };
  }

  async function signIn(page: Page, username: string) {
    await browser.context.clearCookies(); // the context is shared: start from signed out
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.locator('[data-testid="user-menu"]').waitFor();
  }

  it('runs the app signed out, with the policy on the page', async () => {
    const { page, problems } = await watchedPage();
    for (const url of ['/', '/login', '/board']) {
      const res = await page.goto(`${server.baseUrl}${url}`);
      expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
      expect(res?.headers()['x-frame-options']).toBe('DENY');
      await page.locator('#root > *').first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('runs the office pages and the account page signed in, at 1280 px and 375 px', async () => {
    for (const width of [1280, 375]) {
      const { page, problems } = await watchedPage(width);
      await signIn(page, 'zongzhi');
      for (const url of ['/', '/people', '/access', '/account/password']) {
        await page.goto(`${server.baseUrl}${url}`);
        await page.locator('[data-testid="user-menu"]').waitFor();
        await page.waitForLoadState('networkidle');
      }
      await page.locator('[data-testid="login-throttle"]').waitFor();
      expect(await page.locator('[data-testid="login-throttle"]').textContent()).toContain('登录保护');
      await screenshot(page, `account-login-protection-${width}`);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('shows an administrator the sign-in protection of a person who was guessed at', async () => {
    const login = (password: string) =>
      fetch(`${server.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'dangyuan', password }),
      });
    const own = await login(PASSWORD);
    const cookie = (own.headers.get('set-cookie') ?? '').split(';')[0];
    const me = (await (await fetch(`${server.baseUrl}/api/me`, { headers: { cookie } })).json()) as {
      person: { id: number };
    };
    for (let i = 0; i < 7; i++) await login(`Wrong@${i}`);

    const { page, problems } = await watchedPage();
    await signIn(page, 'zongzhi');
    await page.goto(`${server.baseUrl}/access?personId=${me.person.id}`);
    const card = page.locator('[data-testid="login-throttle"]');
    await card.locator('.ant-table-row').first().waitFor();
    expect(await card.textContent()).toContain('登录已放慢');
    await screenshot(page, 'access-login-protection-1280');
    await card.getByRole('button', { name: /清除限制/ }).click();
    await card.getByText(/目前没有失败登录记录/).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('serves the API documentation under the policy', async () => {
    const { page, problems } = await watchedPage();
    const res = await page.goto(`${server.baseUrl}/api/docs`);
    expect(res?.headers()['content-security-policy']).toBeTruthy();
    await page.locator('.swagger-ui .info .title').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.swagger-ui .opblock-tag').count()).toBeGreaterThan(0);
    await screenshot(page, 'api-docs-under-csp');
    expect(problems).toEqual([]);
    await page.close();
  });
});
