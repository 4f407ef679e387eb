import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { MNIST_FILES } from '@lab/data';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabResult, LabState } from './lab-result.js';
import { findMnistFile, mnistDir } from './server/serve-mnist.js';
import { type Chromium, chromiumMissing, launchChromium, NO_WEBGL_ARGS } from '@lab/testing/chromium';
import { labState, NO_ADAPTER_WARNING, openApp, type PageRun, screenshotPath } from './test/app-page.js';
import { type ServedApp, serveBuiltApp } from './test/serve-app.js';

/** Screenshots of each step, kept as test artifacts. */
const SHOTS = process.env.LAB_SCREENSHOT_DIR ?? '/tmp/lab-web';
const missing = chromiumMissing();
// CI sets LAB_REQUIRE_BROWSER=1: there a missing browser (or MNIST folder) is a failure, not a skip.
const requireBrowser = process.env.LAB_REQUIRE_BROWSER === '1';
const dataDir = mnistDir();
const dataMissing = MNIST_FILES.some((f) => !findMnistFile(dataDir, f))
  ? `the four MNIST files are not in ${dataDir} (set LAB_MNIST_DIR)`
  : undefined;
/** A small subset keeps the run short: 5,000 training images (4,500 after the split) and 2,000 test images. */
const SUBSET = '?trainLimit=5000&testLimit=2000';

/**
 * The production bundle's budget, tfjs included: the JavaScript the page loads (gzip; the webgpu
 * backend, a chunk fetched only when webgpu is picked, is reported apart) and the whole dist/
 * (raw, with that chunk and the three wasm binaries, which are fetched only on the wasm backend).
 */
// Lowered from 305,000 (301,114 measured) when the page stopped carrying a second copy of
// tfjs-core's gradient code (@lab/core's "browser" export of register-gradients) and the wasm
// backend became an on-demand chunk: 244,500 measured. The entry script alone must stay within the
// issue's 230 kB gzip (195,500 measured).
const BUDGET = { jsGzipBytes: 255_000, entryGzipBytes: 230_000, distBytes: 2_700_000 };

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


/** Loads the served MNIST subset and trains one epoch with `batchSize`; returns the state after. */
async function loadAndTrain(page: Page, batchSize: number): Promise<LabState> {
  await page.locator('#load-served').click();
  await page.waitForFunction(() => window.__labState?.data !== undefined || window.__labState?.stepError, null, { timeout: 30_000 });
  await page.locator('input[name=epochs]').fill('1');
  await page.locator('input[name=batchSize]').fill(String(batchSize));
  await page.locator('#start').click();
  await page.waitForFunction(() => window.__labState?.training?.state === 'finished' || window.__labState?.stepError, null, {
    timeout: 90_000,
  });
  return labState(page);
}

async function totalSize(dir: string): Promise<{ all: number; js: string[] }> {
  const names = (await readdir(dir, { recursive: true })).filter((name) => !name.startsWith('.vite'));
  let all = 0;
  const js: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file);
    if (!info.isFile()) continue;
    all += info.size;
    if (name.endsWith('.js')) js.push(file);
  }
  return { all, js };
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

    it('keeps the production build under its size budget', async () => {
      const { all, js } = await totalSize(app!.outDir);
      // Chunks only an import() fetches (the webgpu backend, the table page): outside the page's budget.
      const manifest = JSON.parse(await readFile(path.join(app!.outDir, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string; isDynamicEntry?: boolean }>;
      const lazy = new Set(Object.values(manifest).filter((c) => c.isDynamicEntry).map((c) => path.join(app!.outDir, c.file)));
      expect(Object.entries(manifest).filter(([, c]) => c.isDynamicEntry).map(([name]) => name.replace(/.*node_modules\//, '')).sort()).toEqual([
        '@tensorflow/tfjs-backend-webgpu/dist/index.js',
        'src/table/table-page.ts',
        'src/wasm-backend.ts',
      ]);
      const gzip = async (files: string[]) => {
        let bytes = 0;
        for (const file of files) bytes += gzipSync(await readFile(file)).length;
        return bytes;
      };
      const eager = js.filter((f) => !lazy.has(f));
      const [jsGzip, lazyGzip] = [await gzip(eager), await gzip([...lazy])];
      console.info(`bundle: ${eager.length} JS files, ${jsGzip} bytes gzip; webgpu, wasm and table chunks ${lazyGzip} bytes gzip (on demand); dist/ ${all} bytes`);
      expect(jsGzip).toBeLessThanOrEqual(BUDGET.jsGzipBytes);
      const entry = Object.values(manifest).find((c) => (c as { isEntry?: boolean }).isEntry)!;
      const entryGzip = await gzip([path.join(app!.outDir, entry.file)]);
      console.info(`bundle: entry script ${entry.file} ${entryGzip} bytes gzip`);
      expect(entryGzip).toBeLessThanOrEqual(BUDGET.entryGzipBytes);
      // One tfjs-core: its engine's global key appears in one file only (a bundled second copy,
      // as @lab/core's Node gradient bundle would bring, adds another).
      const withEngine: string[] = [];
      for (const file of js) if ((await readFile(file, 'utf8')).includes('_tfengine')) withEngine.push(path.basename(file));
      expect(withEngine).toHaveLength(1);
      expect(all).toBeLessThanOrEqual(BUDGET.distBytes);
      // A default page loads none of the on-demand chunks.
      const run = await openApp(browser!, app!);
      expect(run.scripts.length).toBeGreaterThan(0);
      expect(run.scripts.filter((s) => lazy.has(path.join(app!.outDir, s)))).toEqual([]);
      await run.page.close();
    });

    it.skipIf(dataMissing !== undefined && !requireBrowser)(
      'loads MNIST, trains on webgl, evaluates, and reads a drawn digit',
      async () => {
        if (dataMissing) throw new Error(`LAB_REQUIRE_BROWSER=1 but ${dataMissing}`);
        const run = await openApp(browser!, app!, SUBSET);
        const { page } = run;
        expect(expectSoundRun(run).backend).toBe('webgl');
        expect(await page.locator('#backend').textContent()).toBe('webgl');
        // The renderer is shown; the test browser draws with SwiftShader (a software renderer),
        // so the page proposes wasm, linking to the same page on it.
        expect(expectSoundRun(run).renderer).toMatch(/SwiftShader/);
        expect(await page.locator('#renderer').textContent()).toMatch(/^on .*SwiftShader/);
        expect(await page.locator('#renderer-note').isVisible()).toBe(true);
        expect(await page.locator('#renderer-note').textContent()).toContain('software renderer');
        expect(await page.locator('#use-wasm').getAttribute('href')).toMatch(/[?&]backend=wasm/);
        await page.locator('header').screenshot({ path: screenshotPath('digits-header') });
        expect(run.consoleWarnings.filter((w) => w !== NO_ADAPTER_WARNING)).toEqual([]);

        // 1. Data, from the app's own server: verified, parsed in the worker, a sample grid.
        await expect(page.locator('#load-served').isVisible()).resolves.toBe(true);
        await page.locator('#load-served').click();
        await page.waitForFunction(() => window.__labState?.data || window.__labState?.stepError, null, { timeout: 30_000 });
        let state = await labState(page);
        expect(state.stepError).toBeUndefined();
        expect(state.data).toEqual({ train: 4500, validation: 500, test: 2000, verified: true });
        expect(await page.locator('#checks li').count()).toBe(4);
        expect(await page.locator('#samples canvas').count()).toBe(40);
        // The denoising preview shows each digit before and after; training below uses no filter.
        await page.locator('#denoise').selectOption('median');
        await page.waitForFunction(() => document.querySelectorAll('#denoise-preview .pair').length === 8);
        // The longest filter name: each pair's two captions stay on one line, so the tiles align.
        await page.locator('#denoise').selectOption('gaussian');
        await page.waitForFunction(() => [...document.querySelectorAll('#denoise-preview .pair figcaption')].some((c) => c.textContent?.startsWith('Gaussian')));
        const captionHeights = await page.locator('#denoise-preview .pair figcaption').evaluateAll((cs) => cs.map((c) => Math.round(c.getBoundingClientRect().height)));
        expect(captionHeights).toHaveLength(16);
        expect(new Set(captionHeights).size).toBe(1);
        await page.locator("#data").screenshot({ path: screenshotPath('digits-data') });
        await page.locator('#denoise').selectOption('none');

        // 2. One epoch on webgl, paused and resumed on the way.
        await page.locator('input[name=epochs]').fill('1');
        await page.locator('input[name=batchSize]').fill('64');
        // Above Adam's default, so one short epoch on 4,500 digits clears 0.85 with room (0.874 here).
        await page.locator('input[name=learningRate]').fill('0.004');
        // Main-thread long tasks (over 50 ms, as the browser counts them) while training.
        await page.evaluate(() => {
          const durations: number[] = [];
          (window as unknown as { __longTasks: number[] }).__longTasks = durations;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) durations.push(entry.duration);
          }).observe({ type: 'longtask' });
        });
        await page.locator('#start').click();
        // The page answers mid-epoch: the progress moves, and the pause button takes effect.
        await page.waitForFunction(() => (document.getElementById('progress') as HTMLProgressElement).value > 0.3, null, {
          timeout: 60_000,
        });
        await page.locator('#pause').click();
        await page.waitForFunction(() => window.__labState?.training?.state === 'paused', null, { timeout: 10_000 });
        expect(await page.locator('#pause').textContent()).toBe('Resume');
        // While paused the form stays locked.
        expect(await page.locator('input[name=epochs]').isDisabled()).toBe(true);
        await page.locator('#train').screenshot({ path: `${SHOTS}-2-paused.png` });
        await page.locator('#pause').click();
        await page.waitForFunction(() => window.__labState?.training?.state === 'finished' || window.__labState?.stepError, null, {
          timeout: 90_000,
        });
        state = await labState(page);
        expect(state.stepError).toBeUndefined();
        const epochs = state.training!.epochs;
        expect(epochs).toHaveLength(1);
        expect(epochs[0]!.val_accuracy).toBeGreaterThan(0.8);
        expect(state.training!.samplesPerSecond).toBeGreaterThan(0);
        console.info(`webgl: ${Math.round(state.training!.samplesPerSecond)} samples/s, val accuracy ${epochs[0]!.val_accuracy}`);
        const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
        console.info(`webgl: ${longTasks.length} main-thread long tasks while training, the longest ${Math.max(0, ...longTasks).toFixed(0)} ms: ${longTasks.map((d) => d.toFixed(0)).join(', ')}`);
        // The run's shaders were compiled before it started (a compile-only twin), so its first
        // epoch, last partial batch and validation included, compiled none in its own tasks.
        const shaders = state.training!.shaders!;
        console.info(`webgl: ${shaders.warmedUp} shader programs compiled ahead, ${shaders.compiledInFirstEpoch} during the first epoch`);
        expect(shaders.warmedUp).toBeGreaterThan(20);
        expect(shaders.compiledInFirstEpoch).toBe(0);
        expect(await page.locator('#epochs tbody tr').count()).toBe(1);
        expect(await page.locator('#loss-chart canvas').count()).toBeGreaterThan(0);
        await page.locator("#train").screenshot({ path: `${SHOTS}-2-trained.png` });

        // 3. Evaluation: accuracy well above chance, a confusion-matrix cell opens its digits.
        await page.locator('#evaluate-button').click();
        await page.waitForFunction(() => window.__labState?.evaluation || window.__labState?.stepError, null, { timeout: 30_000 });
        state = await labState(page);
        expect(state.evaluation!.accuracy).toBeGreaterThan(0.85);
        expect(await page.locator('#test-accuracy').textContent()).toBe(state.evaluation!.accuracy.toFixed(4));
        expect(state.evaluation!.matrix.flat().reduce((a, b) => a + b, 0)).toBe(2000);
        expect(await page.locator('#report tbody tr').count()).toBe(10);
        const [t, p] = worstMistake(state.evaluation!.matrix);
        await page.locator(`#confusion button[data-true="${t}"][data-predicted="${p}"]`).click();
        expect(await page.locator('#cell-title').textContent()).toContain(`True ${t}, predicted ${p}`);
        expect(await page.locator('#cell-gallery canvas').count()).toBe(Math.min(48, state.evaluation!.matrix[t]![p]!));
        expect(await page.locator('#misclassified canvas').count()).toBeGreaterThan(0);
        await page.locator("#evaluate").screenshot({ path: `${SHOTS}-3-evaluated.png` });

        // 4. Draw a "1" with the mouse: the model reads the centred 28 × 28 input.
        const pad = await page.locator('#pad').boundingBox();
        await page.locator('#pad').scrollIntoViewIfNeeded();
        const box = (await page.locator('#pad').boundingBox()) ?? pad!;
        await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.15);
        await page.mouse.down();
        for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.15 + 0.07 * i));
        await page.mouse.up();
        await page.waitForFunction(() => window.__labState?.drawing !== undefined, null, { timeout: 10_000 });
        const drawing = (await labState(page)).drawing!;
        expect(drawing.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        expect(drawing.numTensorsAfter).toBe(drawing.numTensorsBefore);
        expect(drawing.input.filter((v) => v > 0).length).toBeGreaterThan(20);
        expect(await page.locator('#probabilities li').count()).toBe(10);
        console.info(`drawn "1" read as ${drawing.argmax} (p = ${drawing.probabilities[drawing.argmax]!.toFixed(3)})`);
        await page.locator("#draw").screenshot({ path: screenshotPath('digits-draw') });
        await page.locator('#clear').click();
        expect(await page.locator('#probabilities li').count()).toBe(0);

        // At phone width the page reflows without sideways scrolling.
        await page.setViewportSize({ width: 390, height: 844 });
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const tooWide = await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((e) => !e.closest('.scroll') && e.getBoundingClientRect().right > window.innerWidth + 1)
            .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`),
        );
        expect(tooWide).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await page.locator('#evaluate').screenshot({ path: screenshotPath('digits-phone-evaluate') });
        await page.locator('#train').screenshot({ path: `${SHOTS}-5-phone-train.png` });

        // 5. Save in IndexedDB; a fresh page loads it back and scores the same.
        await page.setViewportSize({ width: 1000, height: 800 });
        await page.locator('#save-model').click();
        await page.waitForFunction(() => /Saved|failed/.test(document.getElementById('model-status')?.textContent ?? '') || window.__labState?.stepError);
        expect((await labState(page)).stepError).toBeUndefined();

        // 6. Download: model.json and its weights, in the TensorFlow.js Layers format.
        const downloads: Download[] = [];
        page.on('download', (download) => downloads.push(download));
        await page.locator('#download-model').click();
        await page.waitForFunction(() => /Downloaded|failed/.test(document.getElementById('model-status')?.textContent ?? '') || window.__labState?.stepError);
        await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(2);
        const files = new Map<string, Buffer>();
        for (const download of downloads) files.set(download.suggestedFilename(), await readFile((await download.path())!));
        expect([...files.keys()].sort()).toEqual(['lab-mnist.json', 'lab-mnist.weights.bin']);
        const modelJson = JSON.parse(files.get('lab-mnist.json')!.toString('utf8')) as {
          format: string;
          modelTopology: { class_name: string; config: { layers: { class_name: string }[] } };
          weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[];
        };
        expect(modelJson.format).toBe('layers-model');
        expect(modelJson.modelTopology.config.layers.map((l) => l.class_name)).toEqual(['Flatten', 'Dense', 'Dense']);
        const specs = modelJson.weightsManifest.flatMap((group) => group.weights);
        expect(modelJson.weightsManifest.flatMap((group) => group.paths)).toEqual(['./lab-mnist.weights.bin']);
        expect(specs.map((w) => w.shape)).toEqual([[784, 128], [128], [128, 10], [10]]);
        expect(specs.every((w) => w.dtype === 'float32')).toBe(true);
        // 101,770 float32 weights, as the summary says.
        const weightBytes = specs.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1) * 4, 0);
        expect(weightBytes).toBe(101_770 * 4);
        expect(files.get('lab-mnist.weights.bin')!.length).toBe(weightBytes);
        await page.locator('#model').screenshot({ path: `${SHOTS}-6-downloaded.png` });
        expect(run.consoleErrors).toEqual([]);
        expect(run.foreignRequests).toEqual([]);
        await page.close();

        const again = await openApp(browser!, app!, SUBSET);
        await again.page.locator('#load-model').click();
        await again.page.waitForFunction(() => document.getElementById('model-status')?.textContent?.startsWith('Loaded') || window.__labState?.stepError);
        expect((await labState(again.page)).stepError).toBeUndefined();
        expect(await again.page.locator('#summary').textContent()).toContain('Total params: 101,770');
        await again.page.locator('#load-served').click();
        await again.page.waitForFunction(() => window.__labState?.data, null, { timeout: 30_000 });
        await again.page.locator('#evaluate-button').click();
        await again.page.waitForFunction(() => window.__labState?.evaluation || window.__labState?.stepError, null, { timeout: 30_000 });
        expect((await labState(again.page)).evaluation!.accuracy).toBe(state.evaluation!.accuracy);
        await again.page.locator('#model').screenshot({ path: `${SHOTS}-7-reloaded.png` });
        expect(again.consoleErrors).toEqual([]);
        expect(again.foreignRequests).toEqual([]);
        await again.page.close();
      },
      150_000,
    );

    it.skipIf(dataMissing !== undefined)('trains on the wasm backend too, its binaries served by the app', async () => {
      const run = await openApp(browser!, app!, `?backend=wasm&trainLimit=2000&testLimit=100`);
      expect(expectSoundRun(run).backend).toBe('wasm');
      const state = await loadAndTrain(run.page, 64);
      expect(state.stepError).toBeUndefined();
      expect(state.training!.epochs).toHaveLength(1);
      console.info(`wasm: ${Math.round(state.training!.samplesPerSecond)} samples/s`);
      expect(run.consoleErrors).toEqual([]);
      expect(run.foreignRequests).toEqual([]);
      await run.page.close();
    });

    it.skipIf(dataMissing !== undefined)('loads MNIST picked with the file input, and dropped on the drop zone', async () => {
      const paths = MNIST_FILES.map((name) => findMnistFile(dataDir, name)!);
      const loaded = async (page: Page) => {
        await page.waitForFunction(() => window.__labState?.data || window.__labState?.stepError, null, { timeout: 30_000 });
        const state = await labState(page);
        expect(state.stepError).toBeUndefined();
        expect(state.data).toEqual({ train: 1800, validation: 200, test: 300, verified: true });
        expect(await page.locator('#checks li').count()).toBe(4);
        expect(await page.locator('#samples canvas').count()).toBe(40);
        expect(await page.locator('#start').isDisabled()).toBe(false);
      };

      // The file input, as a user picking the four files (raw or .gz) at once.
      const picked = await openApp(browser!, app!, '?trainLimit=2000&testLimit=300');
      await picked.page.locator('#files').setInputFiles(paths);
      await loaded(picked.page);
      await picked.page.locator('#data').screenshot({ path: `${SHOTS}-8-picked.png` });
      expect(picked.consoleErrors).toEqual([]);
      await picked.page.close();

      // Drag and drop: a drop event whose DataTransfer holds the four files (their bytes fetched
      // here from the app's server, as a browser would read them from disk).
      const dropped = await openApp(browser!, app!, '?trainLimit=2000&testLimit=300');
      const names = paths.map((p) => path.basename(p));
      const over = await dropped.page.evaluate(async (files) => {
        const transfer = new DataTransfer();
        for (const name of files) {
          const blob = await (await fetch(`mnist/${name.replace(/\.gz$/, '')}`)).blob();
          transfer.items.add(new File([blob], name));
        }
        const zone = document.getElementById('drop-zone')!;
        zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        const highlighted = zone.classList.contains('over');
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        return highlighted;
      }, names);
      expect(over).toBe(true);
      await loaded(dropped.page);
      expect(await dropped.page.locator('#drop-zone').getAttribute('class')).not.toContain('over');
      await dropped.page.locator('#data').screenshot({ path: `${SHOTS}-9-dropped.png` });
      expect(dropped.consoleErrors).toEqual([]);
      expect(dropped.foreignRequests).toEqual([]);
      await dropped.page.close();
    });

    it('says why webgpu is not offered without an adapter, and falls back to webgl when asked for it', async () => {
      const run = await openApp(browser!, app!, '?backend=webgpu');
      const result = expectSoundRun(run);
      const reason = 'this browser offers WebGPU but no adapter for it (no supported GPU)';
      expect(result.backend).toBe('webgl');
      expect(result.backendFailures).toEqual([{ name: 'webgpu', reason }]);
      expect(await run.page.locator('#notice').textContent()).toBe(`Fell back to the webgl backend (webgpu: ${reason}).`);
      await run.page.waitForFunction(() => document.body.dataset.webgpu !== undefined);
      const option = run.page.locator('#backend-select option[value="webgpu"]');
      expect(await option.isDisabled()).toBe(true);
      expect(await option.textContent()).toBe('webgpu (unavailable)');
      expect(await run.page.locator('#webgpu-note').textContent()).toBe(`webgpu is not offered: ${reason}.`);
      expect(await run.page.locator('#webgpu-note').isVisible()).toBe(true);
      // Chromium's warning, from the page's adapter request, is the only one.
      expect([...new Set(run.consoleWarnings)]).toEqual([NO_ADAPTER_WARNING]);
      await run.page.locator('header').screenshot({ path: `${SHOTS}-webgpu-unavailable.png` });
      await run.page.close();
    });

    it.skipIf(dataMissing !== undefined)('trains on webgpu when Chromium offers an adapter and the user picks it', async () => {
      const withWebgpu = await launchChromium(['--enable-unsafe-webgpu']);
      try {
        const start = await openApp(withWebgpu, app!, '?trainLimit=1000&testLimit=300');
        expect(expectSoundRun(start).backend).toBe('webgl');
        await start.page.waitForFunction(() => document.body.dataset.webgpu !== undefined);
        expect(await start.page.evaluate(() => document.body.dataset.webgpu)).toBe('available');
        expect(await start.page.locator('#webgpu-note').isHidden()).toBe(true);
        // Picking it reloads the page on webgpu; its backend chunk is fetched only now.
        await start.page.locator('#backend-select').selectOption('webgpu');
        await start.page.waitForURL(/backend=webgpu/);
        await start.page.waitForFunction(() => document.body.dataset.status !== 'loading' && window.__labResult?.backend !== undefined);
        const result = await start.page.evaluate(() => window.__labResult!);
        expect(result.backend).toBe('webgpu');
        expect(result.backendFailures).toEqual([]);
        expect(await start.page.locator('#backend').textContent()).toBe('webgpu');
        await start.page.locator('input[name=learningRate]').fill('0.004');
        const state = await loadAndTrain(start.page, 64);
        expect(state.stepError).toBeUndefined();
        expect(state.training!.epochs).toHaveLength(1);
        expect(state.training!.samplesPerSecond).toBeGreaterThan(0);
        console.info(`webgpu: ${Math.round(state.training!.samplesPerSecond)} samples/s, val accuracy ${state.training!.epochs[0]!.val_accuracy}`);
        await start.page.locator('#evaluate-button').click();
        await start.page.waitForFunction(() => window.__labState?.evaluation || window.__labState?.stepError, null, { timeout: 60_000 });
        const evaluation = (await labState(start.page)).evaluation!;
        // 900 training digits, one epoch: far above chance (0.1), not yet the lesson's 0.97.
        expect(evaluation.accuracy).toBeGreaterThan(0.6);
        expect(evaluation.matrix.flat().reduce((a, b) => a + b, 0)).toBe(300);
        await start.page.locator('#train').screenshot({ path: `${SHOTS}-webgpu-trained.png` });
        expect(start.consoleErrors).toEqual([]);
        expect(start.foreignRequests).toEqual([]);
        await start.page.close();
      } finally {
        await withWebgpu.close();
      }
    });

    it('falls back to wasm without WebGL, and says so on the page', async () => {
      const noWebgl = await launchChromium(NO_WEBGL_ARGS);
      try {
        const run = await openApp(noWebgl, app!);
        const result = expectSoundRun(run);
        expect(result.backend).toBe('wasm');
        expect(result.backendFailures).toEqual([{ name: 'webgl', reason: 'WebGL is not available in this browser' }]);
        expect(await run.page.locator('#backend').textContent()).toBe('wasm');
        // Off webgl there is no renderer to name, and nothing to propose.
        expect(result.renderer).toBeUndefined();
        expect(await run.page.locator('#renderer').textContent()).toBe('');
        expect(await run.page.locator('#renderer-note').isVisible()).toBe(false);
        expect(await run.page.locator('#notice').isVisible()).toBe(true);
        expect(await run.page.locator('#notice').textContent()).toContain('Fell back to the wasm backend');
        // tfjs itself warns (on the console) that webgl failed; the page's notice is ours.
        expect(run.consoleWarnings).toContain('Initialization of backend webgl failed');
        await run.page.screenshot({ path: `${SHOTS}-fallback.png` });
      } finally {
        await noWebgl.close();
      }
    });

    it('shows an error on the page for an unknown backend', async () => {
      const run = await openApp(browser!, app!, '?backend=webgl2');
      expect(run.result).toBeUndefined();
      expect(run.error).toBe("backend: unknown backend 'webgl2'; expected one of webgl, wasm, cpu, webgpu");
      expect(await run.page.locator('#error').textContent()).toBe(run.error);
      expect(await run.page.evaluate(() => document.body.dataset.status)).toBe('error');
      await run.page.close();
    });
  });
}

/** The off-diagonal cell with the most samples (true, predicted). */
function worstMistake(matrix: number[][]): [number, number] {
  let best: [number, number] = [0, 1];
  for (const [t, row] of matrix.entries()) {
    for (const [p, n] of row.entries()) if (t !== p && n > matrix[best[0]]![best[1]]!) best = [t, p];
  }
  return best;
}
