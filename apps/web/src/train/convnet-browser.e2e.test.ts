// The Keras MNIST convnet trains in a real browser on wasm and on webgl as on tfjs's cpu backend:
// headless Chromium opens src/test/convnet-page.html, which trains mnistCnn by lab's fit (Adam,
// categorical cross-entropy, seeded dropout) from the same weights on the same MNIST images on
// cpu, wasm and webgl in turn (see src/test/convnet-run.ts), with lab's kernels registered as the
// app registers them. cpu, stock tfjs-cpu, is the reference.
import { MNIST_FILES } from '@lab/data';
import { type Chromium, chromiumMissing, launchChromium } from '@lab/testing/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMnistFile, mnistDir } from '../server/serve-mnist.js';
import type { ConvnetReport } from '../test/convnet-page.js';
import { type BackendRun, CONVNET_RUN } from '../test/convnet-run.js';
import { type ServedApp, serveBuiltApp } from '../test/serve-app.js';

const missing = chromiumMissing();
// CI sets LAB_REQUIRE_BROWSER=1: there a missing browser (or MNIST folder) is a failure, not a skip.
const requireBrowser = process.env.LAB_REQUIRE_BROWSER === '1';
const dataDir = mnistDir();
const dataMissing = MNIST_FILES.some((f) => !findMnistFile(dataDir, f))
  ? `the four MNIST files are not in ${dataDir} (set LAB_MNIST_DIR)`
  : undefined;
const skipped = missing ?? dataMissing;
const PAGE = 'src/test/convnet-page.html';

/**
 * Tolerances, float32 throughout (tfjs-cpu, wasm, and webgl on SwiftShader, which renders to
 * float32 textures: checked below). The backends sum in other orders (im2col + GEMM, packed
 * texels), so each dot product of K ≤ 1,600 terms may differ by a few ulps times √K (≈ 5e-6
 * relative); measured here, losses agree to 2.4e-7 relative and weights to 8e-6.
 * - LOSS: relative, per step. 400× the measured error; a wrong gradient from one kernel moves the
 *   later steps' losses by 1e-3 or more.
 * - WEIGHT: absolute, per weight after all steps. A quarter of the largest move one Adam step
 *   makes (the learning rate, 1e-3): a kernel giving a wrong gradient moves weights by a whole
 *   step. Adam divides by √v + 1e-7, so a gradient that is all rounding noise (|g| ≈ 1e-9) moves
 *   its weight by at most about lr·|δg|/1e-7 ≈ 1e-5 per step on one backend and not another.
 * - CHECKSUM: a weight's sum, relative to its sum of magnitudes.
 * - PROBABILITY: absolute, per class, for the same weights run forward (measured 7e-8).
 */
const TOLERANCE = { loss: 1e-4, weight: 2.5e-4, checksum: 1e-5, probability: 1e-5 };

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
}

/** Rows of `predict` × 10 probabilities. */
function rows(flat: number[]): number[][] {
  return Array.from({ length: flat.length / 10 }, (_, i) => flat.slice(i * 10, i * 10 + 10));
}

/** Each row's predicted class must be cpu's, or a class cpu gives a probability within `tolerance` of its top one. */
function expectSamePredictions(got: number[], want: number[], message: string): void {
  const [g, w] = [rows(got), rows(want)];
  expect(g.length, message).toBe(CONVNET_RUN.predict);
  for (const [i, row] of g.entries()) {
    const predicted = row.indexOf(Math.max(...row));
    const top = Math.max(...w[i]!);
    expect(top - w[i]![predicted]!, `${message}: image ${i} predicted ${predicted}`).toBeLessThanOrEqual(TOLERANCE.probability);
    for (const [c, p] of row.entries()) expect(Math.abs(p - w[i]![c]!), `${message}: image ${i}, class ${c}`).toBeLessThanOrEqual(TOLERANCE.probability);
  }
}

if (skipped !== undefined && !requireBrowser) {
  console.warn(`Skipping the convnet browser test. ${skipped}.`);
  it.skip(`convnet in headless Chromium: ${skipped}; LAB_REQUIRE_BROWSER=1 makes this a failure`, () => {});
} else {
  describe('the MNIST convnet in headless Chromium: wasm and webgl train as cpu does', () => {
    let app: ServedApp | undefined;
    let browser: Chromium | undefined;
    let report: ConvnetReport | undefined;
    const pageErrors: string[] = [];
    const pageWarnings: string[] = [];
    const run = (backend: string): BackendRun => {
      const found = report!.runs.find((r) => r.backend === backend);
      if (!found) throw new Error(`no run on ${backend}; the page ran on ${report!.runs.map((r) => r.backend).join(', ')}`);
      return found;
    };

    beforeAll(async () => {
      if (skipped) throw new Error(`LAB_REQUIRE_BROWSER=1 but ${skipped}`);
      [app, browser] = await Promise.all([serveBuiltApp(PAGE), launchChromium()]);
      const page = await browser.context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
        if (message.type() === 'warning') pageWarnings.push(message.text());
      });
      await page.goto(`${app.url}${PAGE}`);
      // cpu (tfjs-cpu's Conv2DBackpropFilter) and webgl on SwiftShader are slow: ~20 s each here.
      await page.waitForFunction(() => document.body.dataset.status !== 'loading', null, { timeout: 150_000 });
      const [result, error] = await page.evaluate(() => [window.__convnet, window.__convnetError] as const);
      expect(error).toBeUndefined();
      report = result;
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it('ran on cpu, then really on wasm and on webgl (float32 WebGL 2), with no page errors or warnings', () => {
      expect(pageErrors).toEqual([]);
      expect(pageWarnings).toEqual([]);
      expect(report!.runs.map((r) => r.backend)).toEqual(['cpu', 'wasm', 'webgl']);
      expect(report!.webgl.version).toBe(2);
      expect(report!.webgl.float32).toBe(true);
      const steps = CONVNET_RUN.epochs * (CONVNET_RUN.train / CONVNET_RUN.batchSize);
      for (const r of report!.runs) {
        expect(r.stepLosses, r.backend).toHaveLength(steps);
        expect(r.epochLosses, r.backend).toHaveLength(CONVNET_RUN.epochs);
      }
      for (const r of report!.runs) {
        console.info(
          `${r.backend}: ${r.samplesPerSecond.toFixed(1)} samples/s over steps 2-${steps} ` +
            `(${r.samplesPerSecondWithFirstStep.toFixed(1)} with the first; batch ${CONVNET_RUN.batchSize}), ${r.seconds.toFixed(1)} s in all`,
        );
      }
      console.info(`webgl renderer: ${report!.webgl.renderer}; wasm: simd ${report!.wasm.simd}, threads ${report!.wasm.threads}`);
    });

    it('starts every backend from the same weights (drawn on the host from the seed)', () => {
      const initial = (r: BackendRun) => r.initial.map(({ shape, sum, sumAbs, sumSquares }) => ({ shape, sum, sumAbs, sumSquares }));
      expect(initial(run('cpu')).map((c) => c.shape)).toEqual([[3, 3, 1, 32], [32], [3, 3, 32, 64], [64], [1600, 10], [10]]);
      expect(initial(run('wasm'))).toEqual(initial(run('cpu')));
      expect(initial(run('webgl'))).toEqual(initial(run('cpu')));
    });

    it('lowers the loss: from about ln 10 at the first step, every epoch below the one before', () => {
      const cpu = run('cpu');
      expect(Math.abs(cpu.stepLosses[0]! - Math.log(10))).toBeLessThan(0.2);
      for (let e = 1; e < cpu.epochLosses.length; e++) expect(cpu.epochLosses[e]!).toBeLessThan(cpu.epochLosses[e - 1]!);
      // 2.374 → 2.134 here: three passes over 16 images with Adam at 1e-3.
      expect(cpu.epochLosses.at(-1)!).toBeLessThan(cpu.epochLosses[0]! - 0.1);
    });

    for (const backend of ['wasm', 'webgl']) {
      it(`follows cpu's loss trajectory on ${backend}, step by step, within ${TOLERANCE.loss} relative`, () => {
        const [got, want] = [run(backend), run('cpu')];
        const errors = got.stepLosses.map((l, i) => relative(l, want.stepLosses[i]!));
        console.info(`${backend}: largest relative loss error ${Math.max(...errors).toExponential(1)}`);
        for (const [i, e] of errors.entries()) expect(e, `${backend} step ${i + 1}: ${got.stepLosses[i]} vs cpu ${want.stepLosses[i]}`).toBeLessThanOrEqual(TOLERANCE.loss);
        for (const [e, l] of got.epochLosses.entries()) expect(relative(l, want.epochLosses[e]!), `${backend} epoch ${e + 1}`).toBeLessThanOrEqual(TOLERANCE.loss);
      });

      it(`ends with cpu's weights on ${backend}: each weight within ${TOLERANCE.weight}, checksums within ${TOLERANCE.checksum}`, () => {
        const [got, want] = [run(backend), run('cpu')];
        const diffs = got.maxAbsDiff!;
        expect(diffs).toHaveLength(want.final.length);
        console.info(`${backend}: largest weight difference ${Math.max(...diffs).toExponential(1)}`);
        for (const [i, c] of want.final.entries()) {
          const g = got.final[i]!;
          expect(diffs[i]!, `${backend} ${c.name}`).toBeLessThanOrEqual(TOLERANCE.weight);
          expect(Math.abs(g.sum - c.sum) / c.sumAbs, `${backend} ${c.name} sum`).toBeLessThanOrEqual(TOLERANCE.checksum);
          expect(relative(g.sumAbs, c.sumAbs), `${backend} ${c.name} sum of magnitudes`).toBeLessThanOrEqual(TOLERANCE.checksum);
          expect(relative(g.sumSquares, c.sumSquares), `${backend} ${c.name} sum of squares`).toBeLessThanOrEqual(TOLERANCE.checksum);
        }
        // Training moved the weights (by far more than the tolerance): the comparison is not of initial weights.
        const moved = want.final.map((c, i) => Math.abs(c.sum - want.initial[i]!.sum) / c.sumAbs);
        expect(Math.max(...moved)).toBeGreaterThan(100 * TOLERANCE.checksum);
      });

      it(`predicts as cpu does on ${backend}: its trained model, and cpu's trained weights run forward there`, () => {
        const [got, want] = [run(backend), run('cpu')];
        expectSamePredictions(got.referenceProbabilities, want.probabilities, `${backend}, cpu's weights`);
        expectSamePredictions(got.probabilities, want.probabilities, `${backend}, its own weights`);
      });
    }

    it('leaves no tensor behind: fit keeps only the optimizer state, and freeing the model frees it', () => {
      for (const r of report!.runs) {
        // Adam's two moments for each of the 6 weights.
        expect(r.optimizerStateTensors, r.backend).toBe(12);
        expect(r.fitAddedTensors, r.backend).toBe(r.optimizerStateTensors);
        expect(r.numTensorsAfter, r.backend).toBe(r.numTensorsBefore);
      }
    });
  });
}
