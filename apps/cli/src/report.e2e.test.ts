import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from '@lab/testing/chromium';

// report.html of a real run, opened offline in real headless Chromium.
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const shared = process.env.LAB_SHARED_DIR ?? path.resolve(here, '../../../../shared/data/mnist');
const dataArgs = fs.existsSync(shared) ? ['--data', shared] : [];
const missing = chromiumMissing();
if (missing && process.env.LAB_REQUIRE_BROWSER === '1') throw new Error(`LAB_REQUIRE_BROWSER=1 but ${missing}`);
if (missing) console.warn(`skipping the report.html browser test: ${missing}`);

describe.skipIf(missing !== undefined)('report.html', () => {
  it('renders offline: curves with one point per epoch, a 10×10 heat map, misclassified digits', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-report-'));
    const run = path.join(root, 'run');
    const r = spawnSync(
      process.execPath,
      [bin, 'train', ...dataArgs, '--limit', '2000', '--epochs', '3', '--seed', '4', '--backend', 'wasm', '--validation-split', '0.25', '--out', run],
      { encoding: 'utf8', cwd: root, env: { ...process.env, LAB_DATA_DIR: undefined }, timeout: 280_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('weighted avg');
    expect(r.stdout).toMatch(/true\\pred +0 +1 +2/);
    const chromium = await launchChromium([], { width: 1100, height: 900 });
    try {
      const page = await chromium.context.newPage();
      const requests: string[] = [];
      page.on('request', (req) => void requests.push(req.url()));
      const errors: string[] = [];
      page.on('pageerror', (e) => void errors.push(e.message));
      await page.goto(pathToFileURL(path.join(run, 'report.html')).href);
      await page.waitForSelector('body[data-status="ready"]', { timeout: 20_000 });
      const report = await page.evaluate(() => (window as unknown as { __report: unknown }).__report);
      expect(report).toMatchObject({
        charts: {
          loss: { series: ['loss', 'val_loss'], points: 3, axes: ['epoch', 'loss'] },
          accuracy: { series: ['accuracy', 'val_accuracy'], points: 3, axes: ['epoch', 'accuracy'] },
        },
        matrixCells: 100,
      });
      // The run's settings come first.
      const settings = (await page.locator('#settings').textContent()) ?? '';
      for (const text of ['architecture', 'mlp (hidden 128)', 'optimizer', 'adam', 'learning rate', '0.001', 'batch size', '64', 'epochs', '3', 'seed', '4', 'backend', 'wasm (requested)']) expect(settings).toContain(text);
      expect((report as { digits: number }).digits).toBeGreaterThan(0);
      expect(await page.locator('.uplot canvas').count()).toBe(2);
      expect(errors).toEqual([]);
      expect(requests.every((u) => u.startsWith('file:') || u.startsWith('data:'))).toBe(true);
      const artifacts = path.resolve(here, '../test-artifacts');
      fs.mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: path.join(artifacts, 'report.png'), fullPage: true });
    } finally {
      await chromium.close();
    }
  });
});
