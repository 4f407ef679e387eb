// Times meanFilter (size 3), medianFilter (size 3) and gaussianFilter (sigma 1) on all 60,000
// MNIST training images, [60000, 28, 28] float32 in [0, 1], on the tfjs cpu and wasm backends.
// `pnpm bench` (after a build), or:  node scripts/bench-filters.mjs [cpu|wasm ...]
// MNIST is found the way @lab/data/node's loadMnist finds it, e.g. LAB_DATA_DIR=/path/to/mnist.
import { loadMnist } from '@lab/data/node';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { gaussianFilter, meanFilter, medianFilter, scalePixels } from '../dist/index.js';

const backends = process.argv.slice(2);
if (backends.length === 0) backends.push('cpu', 'wasm');
const mnist = await loadMnist();
const { images, count, rows, cols } = mnist.train;
const filters = [
  ['mean (size 3)', (x) => meanFilter(x, { size: 3 })],
  ['median (size 3)', (x) => medianFilter(x, { size: 3 })],
  ['gaussian (sigma 1)', (x) => gaussianFilter(x, { sigma: 1 })],
];
for (const backend of backends) {
  await tf.setBackend(backend);
  await tf.ready();
  const x = scalePixels(images, { shape: [count, rows, cols] });
  for (const [name, filter] of filters) {
    // One warm-up on a slice, then the whole set; dataSync waits for the result.
    const warm = tf.slice(x, [0, 0, 0], [100, rows, cols]);
    tf.dispose([filter(warm), warm]);
    const start = performance.now();
    const y = filter(x);
    y.dataSync();
    const seconds = (performance.now() - start) / 1000;
    console.log(`${backend}\t${name}\t${count} images\t${seconds.toFixed(2)} s`);
    y.dispose();
  }
  x.dispose();
}
