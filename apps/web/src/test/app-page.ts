import type { Page } from 'playwright-core';
import type { LabResult, LabState } from '../lab-result.js';
import type { Chromium } from '@lab/testing/chromium';
import type { ServedApp } from './serve-app.js';

/** What the page did, collected while it runs. */
export interface PageRun {
  page: Page;
  result: LabResult | undefined;
  error: string | undefined;
  consoleErrors: string[];
  consoleWarnings: string[];
  foreignRequests: string[];
  /** Paths of the JavaScript files the page requested, relative to the app's root. */
  scripts: string[];
}

/**
 * Chromium's own console warning when a page asks for a WebGPU adapter and none is offered, as
 * the page does (to offer webgpu or say why not) in a browser without `--enable-unsafe-webgpu`.
 */
export const NO_ADAPTER_WARNING = 'No available adapters.';

/** Opens the app (with `query`), waits until it is ready or failed, and returns what happened. */
export async function openApp(browser: Chromium, app: ServedApp, query = ''): Promise<PageRun> {
  const page = await browser.context.newPage();
  const consoleErrors: string[] = [];
  const consoleWarnings: string[] = [];
  const foreignRequests: string[] = [];
  const scripts: string[] = [];
  const origin = new URL(app.url).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
    if (message.type() === 'warning') consoleWarnings.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) foreignRequests.push(url.href);
    if (url.origin === origin && url.pathname.endsWith('.js')) scripts.push(url.pathname.slice(1));
  });
  await page.goto(`${app.url}${query}`);
  await page.waitForFunction(() => document.body.dataset.status !== 'loading', null, { timeout: 30_000 });
  const [result, error] = await page.evaluate(() => [window.__labResult, window.__labError] as const);
  return { page, result, error, consoleErrors, consoleWarnings, foreignRequests, scripts };
}


/** The page's `window.__labState`, or an empty state. */
export async function labState(page: Page): Promise<LabState> {
  return (await page.evaluate(() => window.__labState)) ?? {};
}
