import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MNIST_FILES } from '@lab/data';
import { type Chromium, chromiumMissing, launchChromium } from '@lab/testing/chromium';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMnistFile, mnistDir } from './server/serve-mnist.js';
import { axeViolations, labState, openApp, screenshotPath } from './test/app-page.js';
import { type ServedApp, serveBuiltApp } from './test/serve-app.js';

// The workbench's fixes, in Debian's Chromium against the production build: errors beside their
// step, the backend locked while training, a stopped epoch reported as partial, samples/s beside
// training, charts with read-outs, zoom, log scale, a previous run and text tables, the heat map's
// scale, marked selection and one tab stop, gallery counts, "Load from this browser" only once
// saved, a model loaded by URL (tfjs's http loader in the bundle), and axe-core's check.

const missing = chromiumMissing();
const requireBrowser = process.env.LAB_REQUIRE_BROWSER === '1';
const dataDir = mnistDir();
const dataMissing = MNIST_FILES.some((f) => !findMnistFile(dataDir, f)) ? `the four MNIST files are not in ${dataDir}` : undefined;
/** 3,000 training images: 2,700 to train on after the 10 % validation split. */
const QUERY = '?trainLimit=3000&testLimit=1000';

/** Elements the Tab key stops at, in the page as it is now. */
function tabStops(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter(
        (e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0 && !e.closest('[hidden], details:not([open]) > :not(summary)'),
      ).length,
  );
}

/** Starts training with `epochs` and waits until it is past `fraction` of the first epoch. */
async function startTraining(page: Page, epochs: number, fraction = 0): Promise<void> {
  await page.locator('input[name=epochs]').fill(String(epochs));
  await page.locator('input[name=learningRate]').fill('0.004');
  await page.locator('#start').click();
  await page.waitForFunction((f) => (document.getElementById('progress') as HTMLProgressElement).value > f, fraction, { timeout: 60_000 });
}

/** Deletes the runs earlier tests kept in this browser profile's IndexedDB. */
async function clearRuns(page: Page): Promise<void> {
  // Once the runs stored in IndexedDB are listed.
  await page.waitForFunction(() => document.getElementById('runs-table')?.dataset.loaded === 'true');
  if (!(await page.locator('#runs-clear').isDisabled())) await page.locator('#runs-clear').click();
  await expect.poll(() => page.locator('#runs-table tbody tr').count()).toBe(0);
}

async function finished(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__labState?.training?.state === 'finished' || window.__labState?.stepError, null, { timeout: 90_000 });
}

if (missing !== undefined && !requireBrowser) {
  it.skip(`workbench in headless Chromium: ${missing}`, () => {});
} else {
  describe.skipIf(dataMissing !== undefined && !requireBrowser)('workbench in headless Chromium (production build)', () => {
    let app: ServedApp | undefined;
    let browser: Chromium | undefined;

    beforeAll(async () => {
      if (missing) throw new Error(`LAB_REQUIRE_BROWSER=1 but ${missing}`);
      if (dataMissing) throw new Error(`LAB_REQUIRE_BROWSER=1 but ${dataMissing}`);
      [app, browser] = await Promise.all([serveBuiltApp(), launchChromium()]);
      await mkdir(path.dirname(screenshotPath('x')), { recursive: true });
    });

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it('shows errors beside their step, locks the backend while training, reports a stopped epoch as partial', async () => {
      const run = await openApp(browser!, app!, QUERY);
      const { page } = run;
      // Nothing stored in this fresh profile: nothing to load from the browser.
      await expect.poll(() => page.locator('#load-model').getAttribute('title')).toBe('Nothing is saved in this browser yet');
      expect(await page.locator('#load-model').isDisabled()).toBe(true);

      // Two of the four files: the error shows in step 1, not in the header, and clears on a good load.
      await page.locator('#files').setInputFiles(MNIST_FILES.slice(0, 2).map((name) => findMnistFile(dataDir, name)!));
      await expect.poll(() => page.locator('#data-error').isVisible()).toBe(true);
      expect(await page.locator('#data-error').textContent()).toMatch(/^data: missing t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte/);
      expect(await page.locator('#error').isVisible()).toBe(false);
      expect((await labState(page)).stepErrorIn).toBe('data');
      await page.locator('#load-served').click();
      await page.waitForFunction(() => window.__labState?.data, null, { timeout: 30_000 });
      expect(await page.locator('#data-error').isVisible()).toBe(false);
      expect((await labState(page)).stepError).toBeUndefined();

      // While training: the picker is locked and says why; samples/s sits in the training step.
      await startTraining(page, 2, 0.2);
      expect(await page.locator('#backend-select').isDisabled()).toBe(true);
      expect(await page.locator('#backend-locked').isVisible()).toBe(true);
      expect(await page.locator('#train-progress-line').textContent()).toMatch(/^Epoch 1 of 2 · loss \d\.\d{4} · accuracy \d\.\d{4} · [\d,]+ samples\/s/);
      expect(await page.locator('header').textContent()).not.toContain('samples/s');
      // The per-batch line is not a live region; the status is, and it is not rewritten every batch.
      expect(await page.locator('#train-progress-line').getAttribute('aria-live')).toBe('off');
      expect(await page.locator('#train-status').textContent()).toBe('Training on 2,700 images…');

      // Stop inside the first epoch: a partial row, no epoch point, and a status that says so.
      await page.locator('#stop').click();
      await finished(page);
      const state = await labState(page);
      expect(state.stepError).toBeUndefined();
      expect(state.training!.epochs).toEqual([]);
      expect(state.training!.partialEpoch!.epoch).toBe(0);
      expect(state.training!.partialEpoch!.of).toBe(2700);
      expect(state.training!.partialEpoch!.images).toBeGreaterThan(0);
      expect(state.training!.partialEpoch!.images).toBeLessThan(2700);
      expect(await page.locator('#train-status').textContent()).toMatch(/^Stopped during epoch 1, after [\d,]+ of 2,700 images: 0 full epochs in /);
      expect(await page.locator('#epochs tbody tr.partial').count()).toBe(1);
      expect(await page.locator('#epochs tbody tr').first().textContent()).toMatch(/^1 \(partial: [\d,]+ of 2,700 images\)/);
      expect(await page.locator('#loss-table tbody tr').count()).toBe(0);
      expect(await page.locator('#train-progress-line').textContent()).toBe('');
      expect(await page.locator('#model-note').textContent()).toContain('stopped early');
      expect(await page.locator('#backend-select').isDisabled()).toBe(false);
      expect(await page.locator('#backend-locked').isVisible()).toBe(false);

      // A trained model that is not saved: switching the backend asks first; dismissed, nothing changes.
      const asked: string[] = [];
      page.once('dialog', (dialog) => {
        asked.push(dialog.message());
        void dialog.dismiss();
      });
      const url = page.url();
      await page.locator('#backend-select').selectOption('wasm');
      await expect.poll(() => asked.length).toBe(1);
      expect(asked[0]).toContain('has not been saved');
      expect(await page.locator('#backend-select').inputValue()).toBe('webgl');
      expect(page.url()).toBe(url);
      expect(run.consoleErrors).toEqual([]);
      await page.close();
    }, 150_000);

    it('edits the architecture with live shapes and counts, keeps every setting in the URL, and trains what the link says', async () => {
      const query = '?trainLimit=2000&testLimit=500&architecture=conv:8:3:relu,maxpool:2,flatten&epochs=1&seed=3&learningRate=0.004';
      const run = await openApp(browser!, app!, query);
      const { page } = run;
      // The link's settings are in the form; the stack is shown row by row with Keras' counts.
      expect(await page.locator('#arch-text').inputValue()).toBe('conv:8:3:relu,maxpool:2,flatten');
      expect(await page.locator('#arch-preset').inputValue()).toBe('custom');
      expect(await page.locator('input[name=epochs]').inputValue()).toBe('1');
      expect(await page.locator('input[name=seed]').inputValue()).toBe('3');
      expect(await page.locator('#arch-layers li').count()).toBe(3);
      // (3·3·1 + 1)·8 = 80 for the convolution, (13·13·8 + 1)·10 = 13,530 for the output layer.
      expect(await page.locator('#arch-summary').getAttribute('data-total')).toBe('13610');
      expect(await page.locator('#arch-summary tbody tr').nth(1).textContent()).toBe('MaxPooling2D 2×213 × 13 × 80');

      // The Keras convnet preset: 34,826 parameters, and the URL follows.
      await page.locator('#arch-preset').selectOption('cnn');
      expect(await page.locator('#arch-summary').getAttribute('data-total')).toBe('34826');
      expect(new URL(page.url()).searchParams.get('architecture')).toBe('conv:32:3:relu,maxpool:2,conv:64:3:relu,maxpool:2,flatten,dropout:0.5');
      // Add a Dense layer, move it above the dropout, change its units, remove it.
      await page.locator('#arch-add-kind').selectOption('dense');
      await page.locator('#arch-add').click();
      expect(await page.locator('#arch-text').inputValue()).toBe('conv:32:3:relu,maxpool:2,conv:64:3:relu,maxpool:2,flatten,dropout:0.5,dense:64:relu');
      await page.getByRole('button', { name: 'Move up layer 7 (Dense)' }).click();
      expect(await page.locator('#arch-text').inputValue()).toMatch(/flatten,dense:64:relu,dropout:0\.5$/);
      const units = page.locator('#arch-layers li').nth(5).locator('input[data-field=units]');
      await units.fill('32');
      await units.dispatchEvent('change');
      expect(await page.locator('#arch-text').inputValue()).toMatch(/flatten,dense:32:relu,dropout:0\.5$/);
      // (1600 + 1)·32 + (32 + 1)·10 + 320 + 18,496
      expect(await page.locator('#arch-summary').getAttribute('data-total')).toBe(String(1601 * 32 + 33 * 10 + 320 + 18_496));
      expect(new URL(page.url()).searchParams.get('architecture')).toMatch(/dense:32:relu/);
      await page.getByRole('button', { name: 'Remove layer 6 (Dense)' }).click();
      expect(await page.locator('#arch-summary').getAttribute('data-total')).toBe('34826');
      expect(await page.locator('#arch-preset').inputValue()).toBe('cnn');
      await page.locator('#architecture-editor').screenshot({ path: screenshotPath('digits-architecture') });

      // A stack Keras would refuse: the error names it as you type, and Start says it again.
      await page.locator('#arch-text').fill('conv:8:3');
      expect(await page.locator('#arch-error').textContent()).toBe(
        'architecture: the output layer (Dense 10, softmax) needs a flat input, but the last layer gives 26 × 26 × 8: end with flatten or gap',
      );
      await page.locator('#load-served').click();
      await page.waitForFunction(() => window.__labState?.data, null, { timeout: 30_000 });
      await page.locator('#start').click();
      await expect.poll(() => page.locator('#train-error').textContent()).toMatch(/^training: architecture: the output layer/);

      // Fixed, it trains what the form says: the model summary is the stack's.
      await page.locator('#arch-text').fill('conv:8:3:relu,maxpool:2,flatten');
      expect(await page.locator('#arch-error').isVisible()).toBe(false);
      await page.locator('#start').click();
      await finished(page);
      const state = await labState(page);
      expect(state.stepError).toBeUndefined();
      expect(state.training!.epochs).toHaveLength(1);
      expect(await page.locator('#summary').textContent()).toContain('Total params: 13,610');
      expect(await page.locator('#train-error').isVisible()).toBe(false);

      // The link reproduces the settings in a fresh page.
      const shared = page.url();
      expect(new URL(shared).searchParams.get('seed')).toBe('3');
      const again = await browser!.context.newPage();
      await again.goto(shared);
      await again.waitForFunction(() => document.body.dataset.status !== 'loading');
      expect(await again.locator('#arch-text').inputValue()).toBe('conv:8:3:relu,maxpool:2,flatten');
      expect(await again.locator('input[name=learningRate]').inputValue()).toBe('0.004');
      expect(await again.locator('input[name=seed]').inputValue()).toBe('3');
      await again.close();
      expect(run.consoleErrors).toEqual([]);
      await page.close();
    }, 150_000);

    it("steps one batch at a time, draws the first layer's weights and activations, and keeps runs side by side in IndexedDB", async () => {
      const run = await openApp(browser!, app!, QUERY);
      const { page } = run;
      await clearRuns(page);
      await page.locator('#load-served').click();
      await page.waitForFunction(() => window.__labState?.inside, null, { timeout: 30_000 });
      // The lesson's Dense 128 on the pixels: 32 of its units as 28 × 28 pictures, 128 activations for the first test digit.
      expect((await labState(page)).inside).toEqual({ layer: 'Dense', units: 128, pictures: 32, activations: 128 });
      expect(await page.locator('#inside-weights canvas').count()).toBe(32);
      const picture = () => page.locator('#inside-weights canvas').first().evaluate((c) => (c as HTMLCanvasElement).toDataURL());
      const seeded = await picture();

      // Step: the run starts and pauses after one batch of 64; each Step trains one more.
      await page.locator('input[name=epochs]').fill('1');
      await page.locator('#step').click();
      await page.waitForFunction(() => window.__labState?.training?.state === 'paused', null, { timeout: 30_000 });
      const progress = () => page.locator('#progress').evaluate((p) => (p as HTMLProgressElement).value);
      expect(await progress()).toBeCloseTo(64 / 2700, 6);
      expect(await page.locator('#train-status').textContent()).toMatch(/^Paused\. Step trains one more batch/);
      expect(await page.locator('#step').isDisabled()).toBe(false);
      expect(await picture()).not.toBe(seeded);
      for (const batches of [2, 3]) {
        await page.locator('#step').click();
        // One batch on, and paused again (Step is enabled only while paused).
        await page.waitForFunction((p) => (document.getElementById('progress') as HTMLProgressElement).value > p, (64 * (batches - 1)) / 2700 + 1e-6, { timeout: 30_000 });
        await expect.poll(() => page.locator('#step').isDisabled()).toBe(false);
        expect((await labState(page)).training!.state).toBe('paused');
        expect(await progress()).toBeCloseTo((64 * batches) / 2700, 6);
      }
      expect(await page.locator('#train-progress-line').textContent()).toMatch(/^Epoch 1 of 1 · loss \d\.\d{4} · accuracy \d\.\d{4}.* · paused$/);
      await page.locator('#inside').screenshot({ path: screenshotPath('digits-inside') });
      // Resume: full speed to the end; the run is kept.
      await page.locator('#pause').click();
      await finished(page);
      await page.waitForFunction(() => window.__labState?.runs === 1, null, { timeout: 10_000 });

      // A second run with another seed; both are listed and overlaid.
      await page.locator('input[name=seed]').fill('7');
      await page.locator('input[name=learningRate]').fill('0.004');
      await page.locator('#start').click();
      await finished(page);
      await page.waitForFunction(() => window.__labState?.runs === 2, null, { timeout: 10_000 });
      expect(await page.locator('#runs-table tbody tr').count()).toBe(2);
      expect(await page.locator('#runs-chart').getAttribute('data-series')).toBe('2');
      expect(await page.locator('#runs-curve-table thead th').count()).toBe(3);
      await page.locator('#runs-metric').selectOption('val_loss');
      expect(await page.locator('#runs-curve-table caption').textContent()).toBe('validation loss per epoch of the compared runs');
      // Untick the first: one curve left.
      await page.getByRole('checkbox', { name: 'Compare run 1' }).uncheck();
      expect(await page.locator('#runs-chart').getAttribute('data-series')).toBe('1');

      // Evaluate: the test accuracy joins the second run's row.
      await page.locator('#evaluate-button').click();
      await page.waitForFunction(() => window.__labState?.evaluation, null, { timeout: 30_000 });
      const accuracy = (await labState(page)).evaluation!.accuracy;
      await expect.poll(() => page.locator('#runs-table tbody tr').nth(1).locator('td').nth(10).textContent()).toBe(accuracy.toFixed(4));
      await page.locator('#runs').screenshot({ path: screenshotPath('digits-runs') });

      // Export: the run as JSON, with its settings, curves and scores.
      const exported = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export JSON of run 2' }).click();
      const file = await exported;
      expect(file.suggestedFilename()).toMatch(/^lab-run-\d+-\d{3}\.json$/);
      const record = JSON.parse(await readFile((await file.path())!, 'utf8')) as { schema: string; settings: { seed: number; architecture: string; backend: string }; epochs: unknown[]; testAccuracy: number };
      expect(record.schema).toBe('lab.web.run/1');
      expect(record.settings).toMatchObject({ seed: 7, architecture: 'flatten,dense:128:relu', backend: 'webgl' });
      expect(record.epochs).toHaveLength(1);
      expect(record.testAccuracy).toBe(accuracy);
      expect(run.consoleErrors).toEqual([]);
      await page.close();

      // Kept in IndexedDB: a fresh page lists both; a deleted run stays deleted.
      const again = await openApp(browser!, app!, QUERY);
      await again.page.waitForFunction(() => document.getElementById('runs-table')?.dataset.loaded === 'true');
      expect(await again.page.locator('#runs-table tbody tr').count()).toBe(2);
      await again.page.getByRole('button', { name: 'Delete run 1' }).click();
      await expect.poll(() => again.page.locator('#runs-table tbody tr').count()).toBe(1);
      await again.page.close();
      const third = await openApp(browser!, app!, QUERY);
      await third.page.waitForFunction(() => document.getElementById('runs-table')?.dataset.loaded === 'true');
      expect(await third.page.locator('#runs-table tbody tr').count()).toBe(1);
      expect(await third.page.locator('#runs-table tbody tr td').nth(7).textContent()).toBe('7');
      await third.page.locator('#runs-clear').click();
      await expect.poll(() => third.page.locator('#runs-table tbody tr').count()).toBe(0);
      await third.page.close();
    }, 200_000);

    it('charts read out, zoom, switch to log and keep the previous run; the heat map is one tab stop; a model loads by URL; axe finds nothing serious', async () => {
      const run = await openApp(browser!, app!, QUERY);
      const { page } = run;
      await clearRuns(page);
      await page.locator('#load-served').click();
      await page.waitForFunction(() => window.__labState?.data, null, { timeout: 30_000 });
      for (const round of [1, 2]) {
        await startTraining(page, 1);
        await finished(page);
        expect((await labState(page)).stepError).toBeUndefined();
        expect(await page.locator('#train-status').textContent()).toMatch(/^Done: 1 epoch in .* at [\d,]+ samples\/s\.$/);
        expect(await page.locator('#loss-table tbody tr').count()).toBe(1);
        // The second run shows the first beside it, in the charts and in their tables.
        const head = await page.locator('#loss-table thead').textContent();
        if (round === 1) expect(head).not.toContain('previous');
        else expect(head).toContain('previous train');
      }
      // Hover: the legend reads the values under the cursor.
      const chart = (await page.locator('#loss-chart .u-over').boundingBox())!;
      await page.mouse.move(chart.x + chart.width * 0.98, chart.y + chart.height / 2);
      await expect.poll(async () => (await page.locator('#loss-chart .u-legend .u-value').allTextContents()).some((v) => /^\d+\.\d{4}$/.test(v))).toBe(true);
      // Drag across the first half to zoom into it; a double click zooms back out.
      const full = await page.locator('#loss-chart').getAttribute('data-epochs');
      await page.mouse.move(chart.x + 2, chart.y + chart.height / 2);
      await page.mouse.down();
      await page.mouse.move(chart.x + chart.width / 2, chart.y + chart.height / 2, { steps: 5 });
      await page.mouse.up();
      await expect.poll(() => page.locator('#loss-chart').getAttribute('data-epochs')).not.toBe(full);
      await page.mouse.dblclick(chart.x + chart.width / 2, chart.y + chart.height / 2);
      await expect.poll(() => page.locator('#loss-chart').getAttribute('data-epochs')).toBe(full);
      await page.locator('#loss-log').check();
      expect(await page.locator('#loss-chart').getAttribute('data-scale')).toBe('log');
      expect(await page.locator('#loss-chart canvas').count()).toBe(1);
      await page.locator('#train').screenshot({ path: screenshotPath('digits-train') });

      // The heat map: one tab stop; arrows move, Enter opens and marks the cell; the scale recolours.
      await page.locator('#evaluate-button').click();
      await page.waitForFunction(() => window.__labState?.evaluation || window.__labState?.stepError, null, { timeout: 30_000 });
      expect(await page.locator('#confusion button[tabindex="0"]').count()).toBe(1);
      expect(await page.locator('#confusion button[tabindex="-1"]').count()).toBe(99);
      await page.locator('#confusion button[data-true="0"][data-predicted="0"]').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => [document.activeElement?.getAttribute('data-true'), document.activeElement?.getAttribute('data-predicted')])).toEqual(['1', '2']);
      await page.keyboard.press('Enter');
      expect(await page.locator('#confusion button[aria-pressed="true"]').count()).toBe(1);
      expect(await page.locator('#confusion button[data-true="1"][data-predicted="2"]').getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('#cell-title').textContent()).toMatch(/^True 1, predicted 2: \d+ digits?/);
      const matrix = (await labState(page)).evaluation!.matrix;
      // A rare mistake (the smallest non-zero off-diagonal count) is fainter on the linear scale than on the log one.
      const cells = matrix.flatMap((row, t) => row.map((n, p) => ({ n, t, p }))).filter((c) => c.t !== c.p && c.n > 0);
      const rare = cells.reduce((a, b) => (b.n < a.n ? b : a));
      const background = () => page.locator(`#confusion button[data-true="${rare.t}"][data-predicted="${rare.p}"]`).evaluate((b) => (b as HTMLElement).style.background);
      const linear = await background();
      await page.locator('#heat-scale').selectOption('log');
      expect(await background()).not.toBe(linear);
      const wrong = cells.reduce((a, c) => a + c.n, 0);
      expect(await page.locator('#misclassified-title').textContent()).toBe(
        `Misclassified, most confident first: ${wrong.toLocaleString('en')} digits${wrong > 48 ? ' (the first 48 shown)' : ''}`,
      );
      await page.locator('#evaluate').screenshot({ path: screenshotPath('digits-evaluate') });
      // The whole page is a few dozen tab stops (it was 123, 100 of them heat-map cells; the
      // architecture editor adds about a dozen for the lesson's two layers, each kept run three).
      const stops = await tabStops(page);
      console.info(`workbench: ${stops} tab stops after evaluation, with 2 runs kept`);
      expect(stops).toBeLessThan(70);

      // axe-core on the page as it is now.
      const violations = await axeViolations(page);
      console.info(`axe: ${JSON.stringify(violations)}`);
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

      // Save: now "Load from this browser" has something to load.
      await page.locator('#save-model').click();
      await expect.poll(() => page.locator('#load-model').isDisabled()).toBe(false);
      // Download, put the files on the server, and load them by URL in a fresh page (tfjs's http loader).
      const downloads: Download[] = [];
      page.on('download', (download) => downloads.push(download));
      await page.locator('#download-model').click();
      await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(2);
      const folder = path.join(app!.outDir, 'models', 'lab');
      await mkdir(folder, { recursive: true });
      for (const download of downloads) await writeFile(path.join(folder, download.suggestedFilename()), await readFile((await download.path())!));
      expect(run.consoleErrors).toEqual([]);
      await page.close();

      const fresh = await openApp(browser!, app!, QUERY);
      await fresh.page.locator('#model-url').fill('models/lab/lab-mnist.json');
      await fresh.page.locator('#model-url-form button[type=submit]').click();
      await fresh.page.waitForFunction(() => /^Loaded/.test(document.getElementById('model-status')?.textContent ?? '') || window.__labState?.stepError, null, { timeout: 30_000 });
      expect((await labState(fresh.page)).stepError).toBeUndefined();
      expect(await fresh.page.locator('#model-status').textContent()).toMatch(/^Loaded 101,770 weights from http:\/\/127\.0\.0\.1:\d+\/models\/lab\/lab-mnist\.json\.$/);
      // A bad URL: the error is in step 5, and a good load after it clears it.
      await fresh.page.locator('#model-url').fill('models/none/model.json');
      await fresh.page.locator('#model-url-form button[type=submit]').click();
      await expect.poll(() => fresh.page.locator('#model-error').isVisible()).toBe(true);
      expect(await fresh.page.locator('#model-error').textContent()).toMatch(/^model: loading from the url: /);
      await fresh.page.locator('#model-url').fill('models/lab/lab-mnist.json');
      await fresh.page.locator('#model-url-form button[type=submit]').click();
      await expect.poll(() => fresh.page.locator('#model-error').isVisible()).toBe(false);
      await fresh.page.locator('#model').screenshot({ path: screenshotPath('digits-model') });
      expect(fresh.consoleErrors.filter((e) => !e.includes('404'))).toEqual([]);
      expect(fresh.foreignRequests).toEqual([]);
      await fresh.page.close();
    }, 200_000);
  });
}
