// Proves that Chromium starts and renders Chinese text with real glyphs (fonts-noto-cjk), not boxes.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';

const HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>先锋服务</title></head>
<body style="font-family: sans-serif; margin: 24px"><h1 id="brand">先锋服务</h1>
<p>志愿服务活动报名、签到与统计。Pioneer smoke test 0123456789</p></body></html>`;

describe('browser smoke', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders 「先锋服务」 and takes desktop and mobile screenshots', async () => {
    const page = await browser.context.newPage();
    await page.goto(`data:text/html;charset=utf-8,${encodeURIComponent(HTML)}`);
    expect(await page.locator('#brand').textContent()).toBe('先锋服务');
    expect(await page.evaluate(() => navigator.language)).toBe('zh-CN');

    for (const [name, width, height] of [
      ['smoke-desktop', 1280, 800],
      ['smoke-mobile', 375, 812],
    ] as const) {
      await page.setViewportSize({ width, height });
      const file = await screenshot(page, name);
      expect(fs.statSync(file).size).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('draws distinct glyphs for different Chinese characters (a CJK font is installed)', async () => {
    const page = await browser.context.newPage();
    await page.goto('data:text/html;charset=utf-8,<!doctype html><meta charset="utf-8"><body></body>');
    // Without a CJK font every character falls back to the same .notdef box, so their pixels are identical.
    const result = await page.evaluate(() => {
      const draw = (ch: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 64;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, 64, 64);
        ctx.fillStyle = '#000';
        ctx.font = '48px sans-serif';
        ctx.textBaseline = 'top';
        ctx.fillText(ch, 8, 8);
        return Array.from(ctx.getImageData(0, 0, 64, 64).data);
      };
      const glyphs = ['先', '锋', '服', '务'].map(draw);
      const ink = glyphs.map((px) => px.filter((v, i) => i % 4 === 0 && v < 128).length);
      const distinct = new Set(glyphs.map((px) => px.join(','))).size;
      return { ink, distinct };
    });
    for (const n of result.ink) expect(n).toBeGreaterThan(20);
    expect(result.distinct).toBe(4);
    await page.close();
  });
});
