// Benchmark: the lesson's MLP on MNIST (batch 64), lab's Sequential against tfjs-layers'
// model.fit on the same backend (the Keras port, with stock kernels) and PyTorch (when
// /usr/bin/python3 can import torch; bench/torch_mlp.py), alternating runs, each in a fresh
// process. Prints a table of samples/s (best of the repeats), the ratios to tfjs-layers and to
// PyTorch, test accuracy and peak RSS; writes bench/results/mnist-mlp.json. No timed assertions
// anywhere: numbers are reported.
//
//   pnpm bench                                           # native, wasm and cpu, 1 epoch, 60,000 samples
//   LAB_BENCH_EPOCHS=5 LAB_BENCH_BACKENDS=wasm pnpm bench  # the full lesson run
//   LAB_BENCH_REPEATS=2 ...                              # alternate each pair twice
//   LAB_TORCH_THREADS=2 ...                              # PyTorch threads (default 1, fastest here)
//
// Backend 'native' (@lab/backend-native) is skipped, with the reason, when its addon is not built.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const python = '/usr/bin/python3';
const repeats = Number(process.env.LAB_BENCH_REPEATS ?? 1);
const hasTorch = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
if (!hasTorch) console.error(`bench: ${python} cannot import torch; no PyTorch peer`);
const backends = (process.env.LAB_BENCH_BACKENDS ?? 'native,wasm,cpu').split(',').filter((backend) => {
  if (backend !== 'native') return true;
  const probe = spawnSync(process.execPath, ['-e', "import('@lab/backend-native').then(async (m) => { const s = await m.loadNativeBackend(); if (!s.ok) { console.error(s.reason); process.exit(1); } })"], { cwd: here, encoding: 'utf8' });
  if (probe.status !== 0) console.error(`bench: skipping native: ${probe.stderr.trim()}`);
  return probe.status === 0;
});

function runOnce(backend, system, repeat) {
  const [command, args] = system === 'pytorch' ? [python, [path.join(here, 'torch_mlp.py')]] : [process.execPath, [path.join(here, 'run-one.mjs'), system, backend]];
  const child = spawnSync(command, args, { encoding: 'utf8', env: process.env, maxBuffer: 1 << 24 });
  if (child.status !== 0) {
    console.error(`bench: ${system} on ${backend} failed:\n${child.stderr}`);
    process.exit(1);
  }
  const out = JSON.parse(child.stdout.trim().split('\n').pop());
  const row = { backend, system, repeat, samples_per_second: (out.samples * out.epochs) / out.seconds, ...out };
  rows.push(row);
  console.error(`${backend} ${system}: ${row.samples_per_second.toFixed(0)} samples/s, ${out.seconds.toFixed(1)} s, test accuracy ${out.test_accuracy.toFixed(4)}`);
}

// Alternate: every repeat runs each system once, PyTorch first, so that load from other
// processes on the machine spreads over all of them.
const rows = [];
for (let r = 0; r < repeats; r++) {
  if (hasTorch) runOnce(`torch ${process.env.LAB_TORCH_THREADS ?? 1} thr`, 'pytorch', r);
  for (const backend of backends) for (const system of ['tfjs-layers', 'lab']) runOnce(backend, system, r);
}

const bestRow = (backend, system) => rows.filter((r) => r.backend === backend && r.system === system).sort((a, b) => b.samples_per_second - a.samples_per_second)[0];
const torchRow = rows.find((r) => r.system === 'pytorch') && bestRow(rows.find((r) => r.system === 'pytorch').backend, 'pytorch');
console.log('\n| backend | system | samples/s (best) | vs tfjs-layers | vs PyTorch | test acc | seconds | peak RSS MB |\n|---|---|---:|---:|---:|---:|---:|---:|');
const line = (mine, layers) =>
  console.log(
    `| ${mine.backend} | ${mine.system} | ${mine.samples_per_second.toFixed(0)} | ${layers ? `${(mine.samples_per_second / layers.samples_per_second).toFixed(2)}×` : '–'} | ${torchRow ? `${(mine.samples_per_second / torchRow.samples_per_second).toFixed(2)}×` : '–'} | ${mine.test_accuracy.toFixed(4)} | ${mine.seconds.toFixed(1)} | ${mine.rss_mb.toFixed(0)} |`,
  );
if (torchRow) line(torchRow, undefined);
for (const backend of backends) {
  for (const system of ['lab', 'tfjs-layers']) line(bestRow(backend, system), bestRow(backend, 'tfjs-layers'));
}
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(path.join(here, 'results/mnist-mlp.json'), `${JSON.stringify(rows, null, 2)}\n`);
