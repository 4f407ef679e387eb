// Drives bench/index.html in headless Chromium: lab's fit against tfjs-layers' model.fit on the
// same backend and the same MNIST images, one fresh page per run (so that a kernel lab registers
// never reaches its peer), all in one browser. Run through scripts/bench-browser.mjs.
import { type Chromium, chromiumMissing, launchChromium } from '@lab/testing/chromium';
import { serveBuiltApp } from '../src/test/serve-app.js';
import type { BenchResult } from './bench-page.js';

/** Why Chromium cannot run here, if it cannot (for the script to skip cleanly). */
export { chromiumMissing };

/** Settings, from the environment (see README). */
export interface BenchSettings {
  backends: string[];
  systems: string[];
  train: number;
  warmup: number;
  epochs: number;
  batchSize: number;
  repeats: number;
  profile: boolean;
  /** tfjs flags for both systems, as JSON (`{"WEBGL_PACK":false}`). */
  flags: string;
  /** `host` or `device`: see the page's `feed`. */
  feed: string;
}

/** The backends a browser has. */
const BROWSER_BACKENDS = ['webgl', 'wasm', 'webgpu', 'cpu'];

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const list = (value: string | undefined, fallback: string) => (value ?? fallback).split(',').filter(Boolean);
  return {
    // The Node bench (bench/) reads the same variable; only the browser's backends apply here.
    backends: list(env.LAB_BENCH_BACKENDS, 'webgl,wasm').filter((b) => BROWSER_BACKENDS.includes(b)),
    systems: list(env.LAB_BENCH_SYSTEMS, 'lab-stock,lab,lab-app,tfjs-layers'),
    train: Number(env.LAB_BENCH_TRAIN ?? 10_000),
    warmup: Number(env.LAB_BENCH_WARMUP ?? 640),
    epochs: Number(env.LAB_BENCH_EPOCHS ?? 1),
    batchSize: Number(env.LAB_BENCH_BATCH ?? 64),
    repeats: Number(env.LAB_BENCH_REPEATS ?? 1),
    profile: env.LAB_BENCH_PROFILE === '1',
    flags: env.LAB_BENCH_FLAGS ?? '{}',
    feed: env.LAB_BENCH_FEED ?? 'host',
  };
}

/** Builds the benchmark page, serves it with the MNIST folder, and runs every (repeat, backend, system). */
export async function runBrowserBench(settings: BenchSettings, log: (line: string) => void): Promise<BenchResult[]> {
  const missing = chromiumMissing();
  if (missing) throw new Error(`bench: ${missing}`);
  const results: BenchResult[] = [];
  // Unminified, so that profiles name tfjs' shader programs.
  const app = await serveBuiltApp('bench/index.html', { minify: false });
  try {
    // webgpu needs a flag in headless Chromium; the other backends run without it, as in the tests.
    const browsers = new Map<string, Chromium>();
    const browserFor = async (backend: string): Promise<Chromium> => {
      const key = backend === 'webgpu' ? 'webgpu' : 'default';
      if (!browsers.has(key)) browsers.set(key, await launchChromium(key === 'webgpu' ? ['--enable-unsafe-webgpu'] : []));
      return browsers.get(key)!;
    };
    try {
      for (let repeat = 0; repeat < settings.repeats; repeat++) {
        for (const backend of settings.backends) {
          for (const system of settings.systems) {
            const query = new URLSearchParams({
              system,
              backend,
              train: String(settings.train),
              warmup: String(settings.warmup),
              epochs: String(settings.epochs),
              batchSize: String(settings.batchSize),
              profile: settings.profile ? '1' : '0',
              flags: settings.flags,
              feed: settings.feed,
            });
            const page = await (await browserFor(backend)).context.newPage();
            try {
              await page.goto(`${app.url}bench/index.html?${query}`);
              await page.waitForFunction(() => document.body.dataset.status !== 'loading', null, { timeout: 900_000 });
              const [result, error] = await page.evaluate(() => [window.__benchResult, window.__benchError] as const);
              if (!result) throw new Error(`bench: ${system} on ${backend} failed: ${error}`);
              if (result.backendInUse !== backend) throw new Error(`bench: asked for ${backend}, ran on ${result.backendInUse}`);
              results.push(result);
              log(
                `${backend} ${system}: ${result.samplesPerSecond.toFixed(0)} samples/s (${result.seconds.toFixed(2)} s), ` +
                  `loss ${result.loss.toFixed(4)}, accuracy ${result.accuracy.toFixed(4)}, leaked tensors ${result.leakedTensors}`,
              );
              if (result.renderer) log(`  renderer: ${result.renderer}`);
              if (result.counters) log(`  counters: ${JSON.stringify(result.counters)}`);
            } finally {
              await page.close();
            }
          }
        }
      }
    } finally {
      for (const browser of browsers.values()) await browser.close();
    }
  } finally {
    await app.close();
  }
  return results;
}

/** A Markdown table of the best run of each (backend, system), with its ratio to tfjs-layers on the same backend. */
export function formatTable(results: readonly BenchResult[]): string {
  const best = new Map<string, BenchResult>();
  for (const r of results) {
    const key = `${r.backend} ${r.system}`;
    if ((best.get(key)?.samplesPerSecond ?? -1) < r.samplesPerSecond) best.set(key, r);
  }
  const lines = ['| backend | system | samples/s (best) | vs tfjs-layers | seconds | loss | accuracy |', '|---|---|---:|---:|---:|---:|---:|'];
  for (const r of best.values()) {
    const peer = best.get(`${r.backend} tfjs-layers`);
    const ratio = peer ? `${(r.samplesPerSecond / peer.samplesPerSecond).toFixed(2)}×` : '–';
    lines.push(
      `| ${r.backend} | ${r.system} | ${r.samplesPerSecond.toFixed(0)} | ${ratio} | ${r.seconds.toFixed(2)} | ${r.loss.toFixed(4)} | ${r.accuracy.toFixed(4)} |`,
    );
  }
  return lines.join('\n');
}
