// Benchmark: the lesson's MLP (batch 64, Adam) trained in headless Chromium by lab's fit, by the
// app's TrainingRun (fit with the page's callback) and by tfjs-layers' model.fit, on webgl and
// wasm, with the same MNIST images; one browser, a fresh page per run. Prints samples/s and the
// ratios to tfjs-layers. Reports numbers; asserts none.
//
//   node apps/web/scripts/bench-browser.mjs              # webgl and wasm, 10,000 images, 1 epoch
//   LAB_BENCH_BACKENDS=webgl LAB_BENCH_PROFILE=1 ...     # with webgl counters (uploads, reads, programs)
//
// Settings (environment): LAB_BENCH_BACKENDS (webgl,wasm), LAB_BENCH_SYSTEMS (lab,lab-app,tfjs-layers),
// LAB_BENCH_TRAIN (10000), LAB_BENCH_WARMUP (640), LAB_BENCH_EPOCHS (1), LAB_BENCH_BATCH (64),
// LAB_BENCH_REPEATS (1), LAB_BENCH_PROFILE (0). Needs Chromium (CHROMIUM_PATH, default
// /usr/bin/chromium) and the MNIST files where the app's server looks (LAB_MNIST_DIR).
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

// The driver is TypeScript (it shares the end-to-end tests' Chromium helpers); Vite runs it.
const driver = fileURLToPath(new URL('../bench/run-browser-bench.ts', import.meta.url));
const { module: bench } = await runnerImport(driver);
const settings = bench.settingsFromEnv();
if (settings.backends.length === 0) {
  console.error('bench (browser): no browser backend (webgl, wasm, webgpu, cpu) in LAB_BENCH_BACKENDS; skipped');
  process.exit(0);
}
const missing = bench.chromiumMissing();
if (missing) {
  console.error(`bench (browser): skipped: ${missing}`);
  process.exit(0);
}
console.error(`bench: ${JSON.stringify(settings)}`);
const results = await bench.runBrowserBench(settings, (line) => console.error(line));
console.log(bench.formatTable(results));
console.log(JSON.stringify(results));
