import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KernelCheckReport } from './kernel-checks.js';
import { type Chromium, chromiumMissing, launchChromium } from '../test/chromium.js';
import { type ServedApp, serveBuiltApp } from '../test/serve-app.js';

const missing = chromiumMissing();
const requireBrowser = process.env.LAB_REQUIRE_BROWSER === '1';

if (missing !== undefined && !requireBrowser) {
  console.warn(`Skipping the webgl kernel checks. ${missing}.`);
  it.skip(`fused webgl kernels in headless Chromium: ${missing}; LAB_REQUIRE_BROWSER=1 makes this a failure`, () => {});
} else {
  describe('fused webgl kernels in headless Chromium', () => {
    let page: ServedApp | undefined;
    let browser: Chromium | undefined;
    let report: KernelCheckReport | undefined;

    beforeAll(async () => {
      if (missing) throw new Error(`LAB_REQUIRE_BROWSER=1 but ${missing}`);
      [page, browser] = await Promise.all([serveBuiltApp('src/test/kernel-checks.html'), launchChromium()]);
      const tab = await browser.context.newPage();
      await tab.goto(`${page.url}src/test/kernel-checks.html`);
      await tab.waitForFunction(() => document.body.dataset.status !== 'loading', null, { timeout: 60_000 });
      const [result, error] = await tab.evaluate(() => [window.__kernelChecks, window.__kernelChecksError] as const);
      expect(error).toBeUndefined();
      report = result;
    });

    afterAll(async () => {
      await browser?.close();
      await page?.close();
    });

    it('run on webgl', () => {
      expect(report!.backend).toBe('webgl');
    });

    it("equal tfjs's composite ops on odd and lesson-sized shapes", () => {
      const names = new Set(report!.checks.map((c) => c.name.split(/[ :]/)[0]));
      expect([...names].sort()).toEqual(['LabAdamUpdate', 'LabDenseBackward', 'LabSgdUpdate', 'LabSoftmaxCrossEntropy']);
      // Element-wise kernels round as the ops they replace; sums (matmul, row and column sums) may
      // add in another order: float32 rounding of a few hundred terms.
      for (const check of report!.checks) {
        const tolerance = /Dense|dLogits|loss/.test(check.name) ? 1e-4 : 1e-5;
        expect(check.error, `${check.name} [${check.shape.join(', ')}]`).toBeLessThan(tolerance);
      }
      expect(report!.checks.length).toBeGreaterThan(60);
      const worst = new Map<string, number>();
      for (const c of report!.checks) worst.set(c.name.split(/[ :]/)[0]!, Math.max(worst.get(c.name.split(/[ :]/)[0]!) ?? 0, c.error));
      console.info(`largest relative errors: ${[...worst].map(([k, e]) => `${k} ${e.toExponential(1)}`).join(', ')}`);
    });

    it('leak nothing', () => {
      expect(report!.leakedTensors).toBe(0);
      expect(report!.leakedDataIds).toBe(0);
    });

    it('refuse bad inputs, naming the kernel and the input', () => {
      expect(report!.errors).toEqual([
        "LabAdamUpdate: 'm' has shape [3, 2], 'grad' [2, 3]; they must be equal",
        'LabAdamUpdate: count must be >= 1, got 0',
        'LabSoftmaxCrossEntropy: labels [3, 2] must have the logits\' shape [2, 3]',
        'LabDenseBackward: x [2, 3] and kernel [2, 3] must be [rows, in] and [in, out]',
      ]);
    });
  });
}
