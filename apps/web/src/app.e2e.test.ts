import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabResult } from './lab-result.js';
import { type Chromium, chromiumMissing, launchChromium, NO_WEBGL_ARGS } from './test/chromium.js';
import { type ServedApp, serveBuiltApp } from './test/serve-app.js';

const SCREENSHOT = '/tmp/lab-web.png';
const missing = chromiumMissing();
// CI sets LAB_REQUIRE_BROWSER=1: there a missing browser is a failure, not a skip.
const requireBrowser = process.env.LAB_REQUIRE_BROWSER === '1';

/** What the page did, collected while it loads. */
interface PageRun {
  page: Page;
  result: LabResult | undefined;
  error: string | undefined;
  consoleErrors: string[];
  consoleWarnings: string[];
  foreignRequests: string[];
}

/** Opens the app (with `query`), waits until it is ready or failed, and returns what happened. */
async function openApp(browser: Chromium, app: ServedApp, query = ''): Promise<PageRun> {
  const page = await browser.context.newPage();
  const consoleErrors: string[] = [];
  const consoleWarnings: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(app.url).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
    if (message.type() === 'warning') consoleWarnings.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) foreignRequests.push(url.href);
  });
  await page.goto(`${app.url}${query}`);
  await page.waitForFunction(() => document.body.dataset.status !== 'loading', null, { timeout: 30_000 });
  const [result, error] = await page.evaluate(() => [window.__labResult, window.__labError] as const);
  return { page, result, error, consoleErrors, consoleWarnings, foreignRequests };
}

/** Checks what every backend must give: a distribution over 10 classes, no leak, no noise. */
function expectSoundRun(run: PageRun): LabResult {
  expect(run.error).toBeUndefined();
  expect(run.consoleErrors).toEqual([]);
  expect(run.foreignRequests).toEqual([]);
  const result = run.result!;
  expect(result.probabilities).toHaveLength(10);
  for (const p of result.probabilities) expect(p).toBeGreaterThanOrEqual(0);
  const sum = result.probabilities.reduce((a, b) => a + b, 0);
  expect(Math.abs(sum - 1)).toBeLessThanOrEqual(1e-5);
  expect(result.argmax).toBe(result.probabilities.indexOf(Math.max(...result.probabilities)));
  expect(result.numTensorsAfter).toBe(result.numTensorsBefore);
  return result;
}

if (missing !== undefined && !requireBrowser) {
  console.warn(`Skipping the browser tests. ${missing}.`);
  it.skip(`web app in headless Chromium: ${missing}; LAB_REQUIRE_BROWSER=1 makes this a failure`, () => {});
} else {
  describe('web app in headless Chromium', () => {
    let app: ServedApp | undefined;
    let browser: Chromium | undefined;

    beforeAll(async () => {
      if (missing) throw new Error(`LAB_REQUIRE_BROWSER=1 but ${missing}`);
      [app, browser] = await Promise.all([serveBuiltApp(), launchChromium()]);
    });

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it('predicts the drawn digit on the webgl backend', async () => {
      const run = await openApp(browser!, app!);
      const result = expectSoundRun(run);
      expect(result.backend).toBe('webgl');
      expect(result.backendFailures).toEqual([]);
      expect(run.consoleWarnings).toEqual([]);
      expect(await run.page.locator('#backend').textContent()).toBe('webgl');
      expect(await run.page.locator('#notice').isHidden()).toBe(true);
      expect(await run.page.locator('#probabilities li').count()).toBe(10);
      expect(await run.page.locator('#argmax').textContent()).toBe(String(result.argmax));
      expect(await run.page.locator('#summary').textContent()).toContain('Total params: 101,770');
      await run.page.screenshot({ path: SCREENSHOT, fullPage: true });
      await run.page.close();
    });

    it('serves the wasm binaries itself, so the wasm backend works offline', async () => {
      const run = await openApp(browser!, app!, '?backend=wasm');
      expect(expectSoundRun(run).backend).toBe('wasm');
      await run.page.close();
    });

    it('falls back to wasm without WebGL, and says so on the page', async () => {
      const noWebgl = await launchChromium(NO_WEBGL_ARGS);
      try {
        const run = await openApp(noWebgl, app!);
        const result = expectSoundRun(run);
        expect(result.backend).toBe('wasm');
        expect(result.backendFailures).toEqual([{ name: 'webgl', reason: 'WebGL is not available in this browser' }]);
        expect(await run.page.locator('#backend').textContent()).toBe('wasm');
        expect(await run.page.locator('#notice').isVisible()).toBe(true);
        expect(await run.page.locator('#notice').textContent()).toContain('Fell back to the wasm backend');
        // tfjs itself warns (on the console) that webgl failed; the page's notice is ours.
        expect(run.consoleWarnings).toContain('Initialization of backend webgl failed');
        await run.page.screenshot({ path: '/tmp/lab-web-fallback.png', fullPage: true });
      } finally {
        await noWebgl.close();
      }
    });

    it('shows an error on the page for an unknown backend', async () => {
      const run = await openApp(browser!, app!, '?backend=webgpu');
      expect(run.result).toBeUndefined();
      expect(run.error).toBe("backend: unknown backend 'webgpu'; expected one of webgl, wasm, cpu");
      expect(await run.page.locator('#error').textContent()).toBe(run.error);
      expect(await run.page.evaluate(() => document.body.dataset.status)).toBe('error');
      await run.page.close();
    });
  });
}
