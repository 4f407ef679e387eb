// One benchmark run in a fresh process, so that kernels registered for one system (@lab/backend-wasm
// replaces the wasm matmul) never reach its peer. Usage: node run-one.mjs <lab|tfjs-layers> <backend> [mlp|cnn]
// (cnn: the Keras MNIST convnet). Prints one JSON line: { seconds, test_accuracy, samples, epochs, rss_mb }. Backend 'native' is
// @lab/backend-native's addon, loaded here only when asked for (it fails loudly if unavailable).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMnist } from '@lab/data/node';
import { Dense, Flatten, mnistCnn, Sequential } from '@lab/models';
import { adam } from '@lab/optim';
import { scalePixels, toCategorical } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tfl from '@tensorflow/tfjs-layers';

const [system, backend, architecture = 'mlp'] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../shared/data/mnist');
const epochs = Number(process.env.LAB_BENCH_EPOCHS ?? 1);
const limit = Number(process.env.LAB_BENCH_LIMIT ?? 60000);
const batchSize = 64;

// lab's wasm kernels (@lab/backend-wasm) register for lab's runs only, never for its peer's.
if (backend === 'wasm' && system === 'lab') await import('@lab/backend-wasm');
if (backend === 'native') {
  const { loadNativeBackend } = await import('@lab/backend-native');
  const status = await loadNativeBackend();
  if (!status.ok) throw new Error(`bench: the native backend is unavailable: ${status.reason}`);
}
if (!(await tf.setBackend(backend))) throw new Error(`bench: backend ${backend} failed to initialise`);
const mnist = await loadMnist({ dataDir: process.env.LAB_DATA_DIR ?? (fs.existsSync(shared) ? shared : undefined) });
const n = Math.min(limit, mnist.train.count);
const x = scalePixels(mnist.train.images.subarray(0, n * 784), { shape: [n, 28, 28, 1] });
const y = toCategorical(mnist.train.labels.subarray(0, n), 10);
const xt = scalePixels(mnist.test.images, { shape: [mnist.test.count, 28, 28, 1] });
const yt = toCategorical(mnist.test.labels, 10);

async function runLab() {
  const model =
    architecture === 'cnn'
      ? mnistCnn({ seed: 1 })
      : new Sequential([new Flatten({ inputShape: [28, 28, 1] }), new Dense({ units: 128, activation: 'relu' }), new Dense({ units: 10, activation: 'softmax' })], { seed: 1 });
  model.compile({ optimizer: adam(), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const t0 = performance.now();
  await model.fit(x, y, { epochs, batchSize, seed: 1 });
  const seconds = (performance.now() - t0) / 1000;
  const test = await model.evaluate(xt, yt, { batchSize: 256 });
  return { seconds, test_accuracy: test.accuracy };
}

async function runLayers() {
  const layers =
    architecture === 'cnn'
      ? [
          tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu' }),
          tfl.layers.maxPooling2d({ poolSize: 2 }),
          tfl.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
          tfl.layers.maxPooling2d({ poolSize: 2 }),
          tfl.layers.flatten(),
          tfl.layers.dropout({ rate: 0.5 }),
          tfl.layers.dense({ units: 10, activation: 'softmax' }),
        ]
      : [tfl.layers.flatten({ inputShape: [28, 28, 1] }), tfl.layers.dense({ units: 128, activation: 'relu' }), tfl.layers.dense({ units: 10, activation: 'softmax' })];
  const model = tfl.sequential({ layers });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const t0 = performance.now();
  await model.fit(x, y, { epochs, batchSize, shuffle: true, verbose: 0 });
  const seconds = (performance.now() - t0) / 1000;
  const result = model.evaluate(xt, yt, { batchSize: 256 });
  const test_accuracy = (await result[1].data())[0];
  return { seconds, test_accuracy };
}

const r = system === 'lab' ? await runLab() : await runLayers();
console.log(JSON.stringify({ ...r, samples: n, epochs, rss_mb: process.resourceUsage().maxRSS / 1024 }));
