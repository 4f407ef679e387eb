// Benchmark: the Keras MNIST convnet (Conv2D 32 → MaxPool → Conv2D 64 → MaxPool → Flatten →
// Dropout 0.5 → Dense 10; Adam, categorical cross-entropy, batch 64) — lab's Sequential against
// PyTorch (bench/torch_cnn.py, 1 and 2 threads, when /usr/bin/python3 can import torch) and
// tfjs-layers' model.fit on the same backend where it can train a convnet at all (stock wasm
// cannot: it lacks Conv2DBackpropFilter; on 'native' it runs on lab's kernels). Alternating runs,
// each in a fresh process. Prints samples/s (best of the repeats), ratios, test accuracy, peak
// RSS; writes bench/results/mnist-cnn.json. Numbers are reported, never asserted.
//
//   pnpm bench                                            # part of the default bench: 1 epoch, 60,000 samples
//   node bench/mnist-cnn.mjs                              # this benchmark alone
//   LAB_BENCH_CNN_BACKENDS=native,wasm LAB_BENCH_LIMIT=10000 LAB_BENCH_REPEATS=2 node bench/mnist-cnn.mjs
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const python = '/usr/bin/python3';
const repeats = Number(process.env.LAB_BENCH_REPEATS ?? 1);
const hasTorch = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
if (!hasTorch) console.error(`bench: ${python} cannot import torch; no PyTorch peer`);
const backends = (process.env.LAB_BENCH_CNN_BACKENDS ?? 'native,wasm').split(',').filter((backend) => {
  if (backend !== 'native') return true;
  const probe = spawnSync(process.execPath, ['-e', "import('@lab/backend-native').then(async (m) => { const s = await m.loadNativeBackend(); if (!s.ok) { console.error(s.reason); process.exit(1); } })"], { cwd: here, encoding: 'utf8' });
  if (probe.status !== 0) console.error(`bench: skipping native: ${probe.stderr.trim()}`);
  return probe.status === 0;
});
const torchThreads = (process.env.LAB_TORCH_THREADS ?? '1,2').split(',').map(Number);

const rows = [];
const failures = [];
function runOnce(backend, system, repeat, env = {}) {
  const [command, args] = system === 'pytorch' ? [python, [path.join(here, 'torch_cnn.py')]] : [process.execPath, [path.join(here, 'run-one.mjs'), system, backend, 'cnn']];
  const child = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 24, cwd: here });
  if (child.status !== 0) {
    const reason = (child.stderr.match(/Error: .*/) ?? [child.stderr.trim().split('\n').pop()])[0];
    failures.push({ backend, system, reason });
    console.error(`bench: ${system} on ${backend} cannot run: ${reason}`);
    return;
  }
  const out = JSON.parse(child.stdout.trim().split('\n').pop());
  const row = { backend, system, repeat, samples_per_second: (out.samples * out.epochs) / out.seconds, ...out };
  rows.push(row);
  console.error(`${backend} ${system}: ${row.samples_per_second.toFixed(0)} samples/s, ${out.seconds.toFixed(1)} s, test accuracy ${out.test_accuracy.toFixed(4)}`);
}

for (let r = 0; r < repeats; r++) {
  if (hasTorch) for (const threads of torchThreads) runOnce(`torch ${threads} thr`, 'pytorch', r, { LAB_TORCH_THREADS: String(threads) });
  for (const backend of backends) for (const system of ['tfjs-layers', 'lab']) runOnce(backend, system, r);
}

const best = (backend, system) => rows.filter((r) => r.backend === backend && r.system === system).sort((a, b) => b.samples_per_second - a.samples_per_second)[0];
const torchRows = torchThreads.map((t) => best(`torch ${t} thr`, 'pytorch')).filter(Boolean);
const fastestTorch = torchRows.sort((a, b) => b.samples_per_second - a.samples_per_second)[0];
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`\nKeras MNIST convnet, batch 64, ${process.env.LAB_BENCH_EPOCHS ?? 1} epoch(s); ${cpu}, ${os.cpus().length} cores\n`);
console.log('| backend | system | samples/s (best) | vs tfjs-layers | vs fastest PyTorch | test acc | seconds | peak RSS MB |\n|---|---|---:|---:|---:|---:|---:|---:|');
const ratio = (a, b) => (a && b ? `${(a.samples_per_second / b.samples_per_second).toFixed(2)}×` : '–');
const line = (mine, layers) => console.log(`| ${mine.backend} | ${mine.system} | ${mine.samples_per_second.toFixed(0)} | ${ratio(mine, layers)} | ${ratio(mine, fastestTorch)} | ${mine.test_accuracy.toFixed(4)} | ${mine.seconds.toFixed(1)} | ${mine.rss_mb.toFixed(0)} |`);
for (const row of torchRows) line(row, undefined);
for (const backend of backends) {
  for (const system of ['lab', 'tfjs-layers']) {
    const row = best(backend, system);
    if (row) line(row, best(backend, 'tfjs-layers'));
    else console.log(`| ${backend} | ${system} | cannot run: ${failures.find((f) => f.backend === backend && f.system === system)?.reason ?? '?'} | | | | | |`);
  }
}
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(path.join(here, 'results/mnist-cnn.json'), `${JSON.stringify({ cpu, rows, failures }, null, 2)}\n`);
