// lab against scipy.ndimage / scikit-learn on the same data, one machine, one run:
// meanFilter (size 3), gaussianFilter (sigma 1) and medianFilter (size 3) on the 60,000 MNIST
// training images ([60000, 28, 28] float32 in [0, 1]; scipy over the spatial axes only) and
// KNNImputer (5 neighbours) on a seeded 2,000×20 table with 10 % missing cells. Lab (tfjs cpu
// backend) and the reference (scripts/bench_preprocess.py under /usr/bin/python3) alternate 3
// times; prints best and median seconds and lab/reference per task, the CPU and its ISA flags,
// the load average, and how far lab's results are from the reference's.
// `pnpm bench` (after a build), or:  node scripts/bench-preprocess.mjs [--smoke]   (MNIST found as
// loadMnist finds it; --smoke: the first 2,000 images and one round, to check the script runs)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMnist } from '@lab/data/node';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { gaussianFilter, KNNImputer, meanFilter, medianFilter, scalePixels } from '../dist/index.js';

const smoke = process.argv.includes('--smoke');
const ROUNDS = smoke ? 1 : 3;
const python = '/usr/bin/python3';
const script = new URL('./bench_preprocess.py', import.meta.url).pathname;

function cpu() {
  const info = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.*)$/m.exec(info)?.[1] ?? 'unknown CPU';
  const flags = new Set((/^flags\s*:\s*(.*)$/m.exec(info)?.[1] ?? '').split(/\s+/));
  const cores = (info.match(/^processor\s*:/gm) ?? []).length;
  return `${model}, ${cores} cores, ${['avx2', 'avx512f'].map((f) => `${f} ${flags.has(f) ? 'yes' : 'no'}`).join(', ')}`;
}

/** A seeded 2,000×20 table in [0, 1) with about 10 % NaN (a 31-bit LCG, so Python could redo it). */
function table() {
  let state = 1;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
  const data = new Float64Array(2000 * 20);
  for (let i = 0; i < data.length; i++) {
    const value = next();
    data[i] = next() < 0.1 ? Number.NaN : value;
  }
  return data;
}

function maxDifference(a, b) {
  let max = 0;
  let unequal = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > 0 || Number.isNaN(d)) unequal++;
    if (d > max || Number.isNaN(d)) max = d;
  }
  return `max |lab − ref| ${max.toExponential(2)}, ${unequal} of ${a.length} values differ`;
}

await tf.setBackend('cpu');
await tf.ready();
const { train } = await loadMnist();
const count = smoke ? 2000 : train.count;
const images = scalePixels(train.images.subarray(0, count * train.rows * train.cols), { shape: [count, train.rows, train.cols] });
const cells = table();
const dir = mkdtempSync(join(tmpdir(), 'lab-bench-'));
const imagesFile = join(dir, 'images.f32');
const tableFile = join(dir, 'table.f64');
writeFileSync(imagesFile, images.dataSync());
writeFileSync(tableFile, cells);

const tasks = {
  'mean 3×3': () => meanFilter(images, { size: 3 }),
  'gaussian σ=1': () => gaussianFilter(images, { sigma: 1 }),
  'median 3×3': () => medianFilter(images, { size: 3 }),
  'KNNImputer k=5': () => new KNNImputer({ nNeighbors: 5 }).fitTransform({ data: cells, shape: [2000, 20] }),
};
const lab = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]));
const ref = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]));
const firstResults = {};
const loads = [loadavg()[0]];
let versions = {};
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, task] of Object.entries(tasks)) {
      const start = performance.now();
      const result = task();
      const values = result instanceof tf.Tensor ? result.dataSync() : result.data;
      lab[name].push((performance.now() - start) / 1000);
      if (round === 0) firstResults[name] = values.slice();
      if (result instanceof tf.Tensor) result.dispose();
    }
    const saveArgs = round === 0 ? ['--save', dir] : [];
    const reply = JSON.parse(execFileSync(python, [script, '--images', imagesFile, '--table', tableFile, ...saveArgs], { encoding: 'utf8', maxBuffer: 1 << 20 }));
    for (const [name, seconds] of Object.entries(reply.seconds)) ref[name].push(seconds);
    versions = { scipy: reply.scipy, sklearn: reply.sklearn, numpy: reply.numpy };
    loads.push(loadavg()[0]);
  }
  const best = (xs) => Math.min(...xs);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`CPU: ${cpu()}; Node ${process.version}, tfjs cpu backend; scipy ${versions.scipy}, scikit-learn ${versions.sklearn}, numpy ${versions.numpy}`);
  console.log(`load average (1 min) before and after each round: ${loads.map((l) => l.toFixed(2)).join(', ')}`);
  console.log(`${ROUNDS} rounds alternating lab and reference; seconds\n`);
  console.log('| task | lab best | lab median | reference best | reference median | lab / reference (best) |');
  console.log('|---|---|---|---|---|---|');
  for (const name of Object.keys(tasks)) {
    const [lb, lm, rb, rm] = [best(lab[name]), median(lab[name]), best(ref[name]), median(ref[name])];
    console.log(`| ${name} | ${lb.toFixed(3)} | ${lm.toFixed(3)} | ${rb.toFixed(3)} | ${rm.toFixed(3)} | ${(lb / rb).toFixed(2)} |`);
  }
  console.log('');
  for (const name of Object.keys(tasks)) {
    const key = name.split(' ')[0].toLowerCase();
    const bytes = readFileSync(join(dir, `${key}.bin`));
    const typed = name.startsWith('KNN') ? Float64Array : Float32Array;
    const reference = new typed(new Uint8Array(bytes).buffer);
    console.log(`${name}: ${maxDifference(firstResults[name], reference)}`);
  }
} finally {
  images.dispose();
  rmSync(dir, { recursive: true, force: true });
}
