// The kernels in a real browser: headless Chromium's WebGL 2 (SwiftShader here) runs each kernel,
// and tfjs's cpu backend in the same page runs the @lab/core contract's reference composite on the
// same inputs. See src/test/kernel-checks.ts for the cases.
import { adamUpdate, denseBackward, sgdUpdate, softmaxCrossEntropy } from '@lab/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webglKernelConfigs } from './register.js';
import { type Chromium, chromiumMissing, launchChromium } from '@lab/testing/chromium';
import type { KernelCheckReport } from './test/kernel-checks.js';
import { type ServedChecks, serveChecks } from './test/serve-checks.js';

const missing = chromiumMissing();
const requireBrowser = process.env.LAB_REQUIRE_BROWSER === '1';

if (missing !== undefined && !requireBrowser) {
  console.warn(`Skipping the webgl kernel checks. ${missing}.`);
  it.skip(`webgl kernels in headless Chromium: ${missing}; LAB_REQUIRE_BROWSER=1 makes this a failure`, () => {});
} else {
  describe('webgl kernels in headless Chromium, against the reference composites on cpu', () => {
    let page: ServedChecks | undefined;
    let browser: Chromium | undefined;
    let report: KernelCheckReport | undefined;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      if (missing) throw new Error(`LAB_REQUIRE_BROWSER=1 but ${missing}`);
      [page, browser] = await Promise.all([serveChecks(), launchChromium()]);
      const tab = await browser.context.newPage();
      tab.on('pageerror', (error) => pageErrors.push(error.message));
      tab.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
      });
      await tab.goto(page.url);
      await tab.waitForFunction(() => document.body.dataset.status !== 'loading', null, { timeout: 60_000 });
      const [result, error] = await tab.evaluate(() => [window.__kernelChecks, window.__kernelChecksError] as const);
      expect(error).toBeUndefined();
      report = result;
    });

    afterAll(async () => {
      await browser?.close();
      await page?.close();
    });

    it('run the kernels on webgl and the references on cpu, with no page errors', () => {
      expect(report!.backend).toBe('webgl');
      expect(report!.referenceBackend).toBe('cpu');
      expect(pageErrors).toEqual([]);
    });

    it('check every kernel the package registers, and only those', () => {
      const registered = webglKernelConfigs.map((config) => config.kernelName).sort();
      expect([...report!.implemented].sort()).toEqual(registered);
      expect([...report!.checked].sort()).toEqual(registered);
    });

    it("give the references' numbers, to float32 rounding, on odd and lesson-sized shapes", () => {
      expect(report!.mismatches).toEqual([]);
      expect(report!.checks.length).toBeGreaterThan(100);
      // Element-wise kernels round as the reference's ops do (a fused multiply-add may differ in
      // the last bit); sums (matmuls, row and column sums, log-sum-exp) may add in another order.
      const sums = new Set([denseBackward.name, softmaxCrossEntropy.name]);
      for (const check of report!.checks) {
        const tolerance = sums.has(check.kernel) ? 1e-4 : 1e-5;
        expect(check.error, `${check.kernel} ${check.name} [${check.shape.join(', ')}]`).toBeLessThan(tolerance);
      }
      const worst = new Map<string, number>();
      for (const c of report!.checks) worst.set(c.kernel, Math.max(worst.get(c.kernel) ?? 0, c.error));
      console.info(`largest relative errors: ${[...worst].map(([k, e]) => `${k} ${e.toExponential(1)}`).join(', ')}`);
    });

    it('leak nothing, on either backend', () => {
      expect(report!.leakedTensors).toBe(0);
      expect(report!.leakedDataIds).toBe(0);
      expect(report!.leakedReferenceTensors).toBe(0);
    });

    it('refuse bad inputs, naming the kernel and the input', () => {
      expect(report!.errors).toEqual([
        `${adamUpdate.name}: 'm' has shape [3, 2], 'grad' [2, 3]; they must be equal`,
        `${adamUpdate.name}: count must be >= 1, got 0`,
        `${adamUpdate.name}: weightDecay needs the 'param' input`,
        `${sgdUpdate.name}: 'grad' must be float32, got int32`,
        `${softmaxCrossEntropy.name}: logits [2, 3] and labels [3, 2] must both be [rows, classes]`,
        `${denseBackward.name}: x [2, 3] and kernel [2, 3] must be [rows, in] and [in, out]`,
        `${denseBackward.name}: the 'y' input is missing`,
      ]);
    });
  });
}
