// Benchmark: the lesson's MLP on MNIST (batch 64), lab's Sequential against tfjs-layers'
// model.fit on the same backend (the Keras port, with stock kernels), alternating runs, each in
// a fresh process. Prints a table of samples/s, the ratio to tfjs-layers, test accuracy and peak
// RSS; writes bench/results/mnist-mlp.json. No timed assertions anywhere: numbers are reported.
//
//   pnpm bench                                           # wasm and cpu, 1 epoch, 60,000 samples
//   LAB_BENCH_EPOCHS=5 LAB_BENCH_BACKENDS=wasm pnpm bench  # the full lesson run
//   LAB_BENCH_REPEATS=2 ...                              # alternate each pair twice
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const backends = (process.env.LAB_BENCH_BACKENDS ?? 'wasm,cpu').split(',');
const repeats = Number(process.env.LAB_BENCH_REPEATS ?? 1);
const rows = [];
for (const backend of backends) {
  for (let r = 0; r < repeats; r++) {
    for (const system of ['tfjs-layers', 'lab']) {
      const child = spawnSync(process.execPath, [path.join(here, 'run-one.mjs'), system, backend], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 24 });
      if (child.status !== 0) {
        console.error(`bench: ${system} on ${backend} failed:\n${child.stderr}`);
        process.exit(1);
      }
      const out = JSON.parse(child.stdout.trim().split('\n').pop());
      const row = { backend, system, repeat: r, samples_per_second: (out.samples * out.epochs) / out.seconds, ...out };
      rows.push(row);
      console.error(`${backend} ${system}: ${row.samples_per_second.toFixed(0)} samples/s, ${out.seconds.toFixed(1)} s, test accuracy ${out.test_accuracy.toFixed(4)}`);
    }
  }
}

const best = (backend, system) => Math.max(...rows.filter((r) => r.backend === backend && r.system === system).map((r) => r.samples_per_second));
console.log('\n| backend | system | samples/s (best) | vs tfjs-layers | test acc | seconds | peak RSS MB |\n|---|---|---:|---:|---:|---:|---:|');
for (const backend of backends) {
  for (const system of ['lab', 'tfjs-layers']) {
    const mine = rows.filter((r) => r.backend === backend && r.system === system).sort((a, b) => b.samples_per_second - a.samples_per_second)[0];
    const ratio = best(backend, system) / best(backend, 'tfjs-layers');
    console.log(`| ${backend} | ${system} | ${mine.samples_per_second.toFixed(0)} | ${ratio.toFixed(2)}× | ${mine.test_accuracy.toFixed(4)} | ${mine.seconds.toFixed(1)} | ${mine.rss_mb.toFixed(0)} |`);
  }
}
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(path.join(here, 'results/mnist-mlp.json'), `${JSON.stringify(rows, null, 2)}\n`);
