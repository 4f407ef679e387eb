// Microbenchmark: tf.matMul on the MLP's shapes (forward and the transposed backward products)
// and two square ones, on 'native' (1 and 2 threads) and 'wasm' (with lab's transposed-matmul
// fix). Best of 5 timings of a loop that reads each result back. Prints µs and GFLOP/s.
//
//   node bench/matmul.mjs
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { loadNativeBackend, setNativeThreads } from '@lab/backend-native';
import { registerFastBatchMatMul } from '@lab/backend-wasm';

const shapes = [
  [64, 128, 784, false, false],
  [784, 128, 64, true, false],
  [64, 784, 128, false, true],
  [64, 10, 128, false, false],
  [128, 10, 64, true, false],
  [256, 256, 256, false, false],
  [512, 512, 512, false, false],
];

async function run(backend, threads) {
  await tf.setBackend(backend);
  if (threads) setNativeThreads(threads);
  const rows = [];
  for (const [m, n, k, ta, tb] of shapes) {
    const a = tf.randomUniform(ta ? [k, m] : [m, k]);
    const b = tf.randomUniform(tb ? [n, k] : [k, n]);
    const reps = Math.max(3, Math.round(1e8 / (m * n * k)));
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      for (let i = 0; i < reps; i++) tf.dispose(tf.matMul(a, b, ta, tb).dataSync() && []);
      best = Math.min(best, (performance.now() - t0) / reps);
    }
    tf.dispose([a, b]);
    rows.push({ shape: `${m}×${n}×${k}${ta ? ' Aᵀ' : ''}${tb ? ' Bᵀ' : ''}`, us: best * 1000, gflops: (2 * m * n * k) / best / 1e6 });
  }
  return rows;
}

const status = await loadNativeBackend();
registerFastBatchMatMul();
const columns = [];
if (status.ok) {
  columns.push([`native ${status.isa} 1 thread`, await run('native', 1)]);
  columns.push([`native ${status.isa} 2 threads`, await run('native', 2)]);
} else console.error(`native unavailable: ${status.reason}`);
columns.push(['wasm', await run('wasm')]);
console.log(`| shape (m×n×k) | ${columns.map(([name]) => `${name} µs (GFLOP/s)`).join(' | ')} |`);
console.log(`|---|${columns.map(() => '---:').join('|')}|`);
for (let i = 0; i < shapes.length; i++) {
  console.log(`| ${columns[0][1][i].shape} | ${columns.map(([, rows]) => `${rows[i].us.toFixed(0)} (${rows[i].gflops.toFixed(1)})`).join(' | ')} |`);
}
