import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * Where a browser test writes its screenshot `name`: `docs/web/NAME.png` with LAB_UPDATE_DOCS=1
 * (the views docs/web/README.md shows, refreshed by running the browser tests so), else a file
 * beside the other test artifacts (LAB_SCREENSHOT_DIR, default /tmp/lab-web).
 */
export function screenshotPath(name: string): string {
  if (process.env.LAB_UPDATE_DOCS === '1') return fileURLToPath(new URL(`../../../../docs/web/${name}.png`, import.meta.url));
  return `${process.env.LAB_SCREENSHOT_DIR ?? '/tmp/lab-web'}-${name}.png`;
}

/** A violation axe-core reports: the rule, how bad, and on how many elements. */
export interface AxeViolation {
  id: string;
  impact: string;
  nodes: number;
}

/**
 * axe-core's violations on the page as it is now. The script is run through the DevTools protocol
 * (`page.evaluate`), which the page's Content-Security-Policy does not govern.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const source = await readFile(path.join(path.dirname(fileURLToPath(import.meta.resolve('axe-core'))), 'axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}
