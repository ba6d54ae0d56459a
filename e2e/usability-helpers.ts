// Shared by the usability flows (issue 10): sign-in in the page, API calls as a demo account outside the page,
// screenshots at both widths, and a watch on the console and failed requests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_ARGS, screenshot } from './browser';

export const PASSWORD = 'Demo@2026';
export const DESKTOP = { width: 1280, height: 800 };
export const MOBILE = { width: 375, height: 812 };

// biome-ignore-start lint/suspicious/noExplicitAny: test code reads response bodies loosely
export interface ApiClient {
  get<T = any>(path: string): Promise<T>;
  post<T = any>(path: string, body?: unknown): Promise<{ status: number; body: T }>;
}
// biome-ignore-end lint/suspicious/noExplicitAny: test code reads response bodies loosely

/** A demo account's API session held outside the browser (so the page's own session is untouched). */
export async function apiAs(baseUrl: string, username: string): Promise<ApiClient> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(login.status, `login ${username}`).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    async get(path) {
      const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
      expect(res.status, `GET ${path}`).toBe(200);
      return res.json();
    },
    async post(path, body) {
      const res = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      return { status: res.status, body: await res.json() };
    },
  };
}

export async function signIn(page: Page, baseUrl: string, username: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Screenshots at 1280 and 375 px, ending at `end` width. */
export async function shootBoth(page: Page, name: string, end: 'desktop' | 'mobile') {
  const order = end === 'mobile' ? [DESKTOP, MOBILE] : [MOBILE, DESKTOP];
  for (const size of order) {
    await page.setViewportSize(size);
    await page.waitForTimeout(400);
    await screenshot(page, `usability-${name}-${size.width}`);
  }
}

/** Console errors and failed (4xx/5xx) responses seen by the page since the last `take()`. */
export function watchProblems(page: Page) {
  let seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') seen.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) seen.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  return {
    take() {
      const out = seen;
      seen = [];
      return out;
    },
  };
}

const at = (minutesFromNow: number) => new Date(Date.now() + minutesFromNow * 60_000).toISOString();

/** A volunteer activity of `unitId` whose sign-up is open now; its one shift starts `startIn` minutes from now. */
export async function createActivity(
  organizer: ApiClient,
  unitId: number,
  opts: { title: string; startIn: number; capacity: number },
) {
  const res = await organizer.post<{ id: number }>('/api/volunteer/activities', {
    title: opts.title,
    description: '整理图书、陪伴老人阅读',
    category: 'elderly',
    unitId,
    place: '仙林街道文苑社区活动中心',
    signupOpensAt: at(-60),
    signupClosesAt: at(opts.startIn - 1),
    shifts: [{ post: '图书整理', startsAt: at(opts.startIn), endsAt: at(opts.startIn + 90), capacity: opts.capacity }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const detail = await organizer.get<{ shifts: { id: number }[] }>(`/api/volunteer/activities/${res.body.id}`);
  return { id: res.body.id, shiftId: detail.shifts[0].id };
}

/** Registers the account as a volunteer unless it already is. */
export async function ensureVolunteer(client: ApiClient) {
  const res = await client.post('/api/volunteer/registration', {
    skills: [],
    availability: ['weekend'],
    serviceAreas: ['elderly'],
    insured: true,
  });
  expect([201, 409]).toContain(res.status);
}

/**
 * Chromium whose camera films `jpeg` (Chromium's fake capture device reading an MJPEG file, the same frame
 * repeated): a phone held in front of the organizer's QR, for the live scanner.
 */
export async function launchWithCamera(jpeg: Buffer): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pioneer-camera-'));
  const video = path.join(dir, 'qr.mjpeg');
  fs.writeFileSync(video, Buffer.concat(Array.from({ length: 30 }, () => jpeg)));
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['camera'],
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  return {
    context,
    async close() {
      try {
        await context.close();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
